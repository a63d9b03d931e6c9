using System.Buffers.Binary;
using HoaHung.Learning.Tests.Media;
using NetVips;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>Files a careless or hostile uploader sends, made in code.</summary>
internal static class HostileFiles
{
    /// <summary>A JPEG with GPS coordinates and a camera in its EXIF, the right way up.</summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        using var image = TestImages.Solid(width, height, TestImages.Blue, leftQuarter: TestImages.Red);
        using var tagged = image.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "TestPhone");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "10/1 47/1 30/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "106/1 40/1 10/1");
        });
        return tagged.JpegsaveBuffer(q: 90);
    }

    /// <summary>A small real PNG whose IHDR (with a correct CRC, so only the size gives it away) claims the given size.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var bytes = TestImages.Png(16, 16);
        // Signature (8), IHDR length (4), "IHDR" (4), width, height at 16..23, then 5 bytes, CRC over type+data at 29.
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    /// <summary>The first half of a JPEG of noise (so the cut falls in the pixel data).</summary>
    public static byte[] TruncatedJpeg()
    {
        using var noise = TestImages.Noise(800, 600);
        var bytes = noise.JpegsaveBuffer(q: 90);
        return bytes[..(bytes.Length / 2)];
    }

    public static byte[] SvgWithScript() =>
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>fetch('/cua-toi')</script><rect width=\"100\" height=\"100\"/></svg>"u8.ToArray();

    public static byte[] TextNamedMp4() => "Đây không phải là video, chỉ là chữ.\n"u8.ToArray();

    public static byte[] AnimatedWebP(int width, int height, int frames)
    {
        var pages = Enumerable.Range(0, frames).Select(i => TestImages.Solid(width, height, i == 0 ? TestImages.Red : TestImages.Blue)).ToArray();
        try
        {
            using var strip = Image.Arrayjoin(pages, across: 1);
            using var animated = strip.Mutate(m =>
            {
                m.Set(GValue.GIntType, "page-height", height);
                m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
            });
            return animated.WebpsaveBuffer();
        }
        finally
        {
            foreach (var page in pages) page.Dispose();
        }
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
