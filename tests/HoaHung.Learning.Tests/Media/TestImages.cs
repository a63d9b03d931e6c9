using HoaHung.Learning.Media;
using NetVips;
using VipsImage = NetVips.Image;

namespace HoaHung.Learning.Tests.Media;

/// <summary>Test images made in code with NetVips, so the tests carry no binary fixtures.</summary>
internal static class TestImages
{
    public static readonly double[] Red = [255, 0, 0];
    public static readonly double[] Blue = [0, 0, 255];

    /// <summary>A solid image, optionally with a differently coloured band on its left quarter.</summary>
    public static VipsImage Solid(int width, int height, double[] colour, double[]? leftQuarter = null)
    {
        var image = VipsImage.Black(width, height, bands: colour.Length).NewFromImage(colour).Cast(Enums.BandFormat.Uchar);
        if (leftQuarter is null)
            return image;
        using var left = VipsImage.Black(Math.Max(1, width / 4), height, bands: colour.Length)
            .NewFromImage(leftQuarter).Cast(Enums.BandFormat.Uchar);
        using var solid = image;
        return solid.Insert(left, 0, 0);
    }

    /// <summary>Random noise: compresses badly, so truncating the file cuts into the pixel data.</summary>
    public static VipsImage Noise(int width, int height)
    {
        using var noise = VipsImage.Gaussnoise(width, height, mean: 128, sigma: 60);
        using var rgb = noise.Bandjoin(noise, noise);
        return rgb.Cast(Enums.BandFormat.Uchar);
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var image = Solid(width, height, Blue, leftQuarter: Red);
        return image.JpegsaveBuffer(q: 90);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Solid(width, height, Blue, leftQuarter: Red);
        return image.PngsaveBuffer();
    }

    /// <summary>A JPEG taken "sideways": pixels stored landscape, EXIF orientation 6 (turn 90° clockwise), GPS and camera tags.</summary>
    public static byte[] JpegWithOrientationAndGps(int storedWidth, int storedHeight)
    {
        using var image = Solid(storedWidth, storedHeight, Blue, leftQuarter: Red);
        using var tagged = image.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd0-Make", "TestPhone");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "10/1 45/1 30/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "106/1 40/1 10/1");
        });
        return tagged.JpegsaveBuffer(q: 90);
    }

    /// <summary>RGBA PNG whose left half is half transparent.</summary>
    public static byte[] PngWithTransparency(int width, int height)
    {
        using var rgb = Solid(width, height, Blue);
        using var alpha = Solid(width, height, [255], leftQuarter: [128]);
        using var rgba = rgb.Bandjoin(alpha);
        using var tagged = rgba.Copy(interpretation: Enums.Interpretation.Srgb);
        return tagged.PngsaveBuffer();
    }

    /// <summary>RGBA PNG whose alpha band is 255 everywhere, as screenshots often are.</summary>
    public static byte[] PngWithOpaqueAlpha(int width, int height)
    {
        using var rgb = Solid(width, height, Blue);
        using var rgba = rgb.Bandjoin(255);
        using var tagged = rgba.Copy(interpretation: Enums.Interpretation.Srgb);
        return tagged.PngsaveBuffer();
    }

    public static byte[] WebP(int width, int height)
    {
        using var image = Solid(width, height, Blue, leftQuarter: Red);
        return image.WebpsaveBuffer(q: 90);
    }

    public static byte[] Gif(int width, int height)
    {
        using var image = Solid(width, height, Blue, leftQuarter: Red);
        return image.GifsaveBuffer();
    }

    /// <summary>An animated GIF: one frame per colour, the first one red.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var pages = Enumerable.Range(0, frames)
            .Select(i => Solid(width, height, i == 0 ? Red : Blue))
            .ToArray();
        try
        {
            using var strip = VipsImage.Arrayjoin(pages, across: 1);
            using var animated = strip.Mutate(m =>
            {
                m.Set(GValue.GIntType, "page-height", height);
                m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
            });
            return animated.GifsaveBuffer();
        }
        finally
        {
            foreach (var page in pages)
                page.Dispose();
        }
    }

    /// <summary>A small valid JPEG whose SOF header claims the given size: decoding it would fail, reading the header does not.</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        var bytes = Jpeg(64, 48);
        for (var i = 2; i + 9 < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC2)
            {
                bytes[i + 5] = (byte)(height >> 8);
                bytes[i + 6] = (byte)height;
                bytes[i + 7] = (byte)(width >> 8);
                bytes[i + 8] = (byte)width;
                return bytes;
            }
        }
        throw new InvalidOperationException("No SOF marker found.");
    }

    public static VipsImage Load(byte[] bytes) => VipsImage.NewFromBuffer(bytes);

    /// <summary>Average colour of a small square around (x, y).</summary>
    public static double[] ColourAt(byte[] encoded, int x, int y)
    {
        using var image = Load(encoded);
        using var patch = image.Crop(Math.Max(0, x - 2), Math.Max(0, y - 2), 4, 4);
        return Enumerable.Range(0, Math.Min(3, patch.Bands)).Select(b =>
        {
            using var band = patch.ExtractBand(b);
            return band.Avg();
        }).ToArray();
    }

    public static string[] MetadataFields(byte[] encoded)
    {
        using var image = Load(encoded);
        return image.GetFields();
    }

    public static ImageProcessingResult.Processed AssertProcessed(ImageProcessingResult result) =>
        Assert.IsType<ImageProcessingResult.Processed>(result);
}
