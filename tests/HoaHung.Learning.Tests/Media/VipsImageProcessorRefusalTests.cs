using System.Text;
using HoaHung.Learning.Media;
using NetVips;
using static HoaHung.Learning.Tests.Media.TestImages;

namespace HoaHung.Learning.Tests.Media;

/// <summary>What the processor refuses, and that it refuses without throwing.</summary>
public sealed class VipsImageProcessorRefusalTests : IDisposable
{
    private readonly VipsImageProcessor processor = VipsImageProcessorTests.Create(new MediaOptions());

    public void Dispose() => processor.Dispose();

    private Task<ImageProcessingResult> Process(byte[] bytes) =>
        processor.ProcessAsync(bytes, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Image_above_pixel_limit_is_refused_before_decoding()
    {
        // The header says 9000×9000 (81 MP); the pixel data is that of a 64×48 image, so decoding would fail instead.
        var result = await Process(JpegClaiming(9000, 9000));

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageTooManyPixels), result);
    }

    [Fact]
    public async Task Pixel_limit_comes_from_the_options()
    {
        using var small = VipsImageProcessorTests.Create(new MediaOptions { MaxPixels = 10_000 });

        var result = await small.ProcessAsync(Png(101, 100), TestContext.Current.CancellationToken);

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageTooManyPixels), result);
    }

    [Fact]
    public async Task File_above_byte_limit_is_refused()
    {
        using var small = VipsImageProcessorTests.Create(new MediaOptions { MaxImageBytes = 1000 });

        var result = await small.ProcessAsync(Jpeg(800, 600), TestContext.Current.CancellationToken);

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageTooLarge), result);
    }

    [Fact]
    public async Task Animated_gif_is_refused_by_default()
    {
        var result = await Process(AnimatedGif(120, 80, frames: 3));

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageTooManyFrames), result);
    }

    [Fact]
    public async Task Animation_within_the_frame_limit_is_rendered_from_its_first_frame()
    {
        using var lenient = VipsImageProcessorTests.Create(new MediaOptions { MaxFrames = 5 });

        var result = AssertProcessed(await lenient.ProcessAsync(AnimatedGif(120, 80, frames: 3), TestContext.Current.CancellationToken));

        Assert.Equal((120, 80), (result.Width, result.Height));
        Assert.True(ColourAt(result.Fallback.Bytes, 60, 40)[0] > 200, "first (red) frame expected");
    }

    [Fact]
    public async Task Truncated_jpeg_is_refused_as_corrupt()
    {
        using var noise = Noise(800, 600);
        var jpeg = noise.JpegsaveBuffer(q: 90);

        var result = await Process(jpeg[..(jpeg.Length * 6 / 10)]);

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageCorrupt), result);
    }

    [Fact]
    public async Task Bytes_with_an_image_signature_and_garbage_after_it_are_refused_as_corrupt()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("not really a png at all")];

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageCorrupt), await Process(bytes));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")]
    [InlineData("MZ\u0090\0\u0003\0\0\0")]
    [InlineData("")]
    public async Task Svg_pdf_and_other_formats_are_refused(string content)
    {
        var result = await Process(Encoding.UTF8.GetBytes(content));

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageUnsupportedFormat), result);
    }

    [Fact]
    public async Task Tiff_and_heic_like_files_are_refused()
    {
        using var image = Solid(50, 50, Red);
        var tiff = image.TiffsaveBuffer();
        byte[] heic = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageUnsupportedFormat), await Process(tiff));
        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageUnsupportedFormat), await Process(heic));
    }

    [Fact]
    public void Untrusted_and_unlisted_loaders_are_blocked_inside_libvips()
    {
        using var image = Solid(50, 50, Red);
        var tiff = image.TiffsaveBuffer();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"u8.ToArray();

        // The processor exists (constructed above), so the block list is in force for the whole process.
        Assert.Throws<VipsException>(() => NetVips.Image.NewFromBuffer(tiff));
        Assert.Throws<VipsException>(() => NetVips.Image.NewFromBuffer(svg));
        using var png = NetVips.Image.NewFromBuffer(Png(10, 10));
        Assert.Equal(10, png.Width);
    }

    [Fact]
    public async Task Cancelled_request_stops_with_cancellation_not_a_result()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.ProcessAsync(Jpeg(800, 600), cancelled.Token));
    }

    [Fact]
    public async Task Damaged_files_are_refused_and_never_throw()
    {
        var random = new Random(20261126);
        using var noise = Noise(160, 120);
        byte[][] sources = [noise.JpegsaveBuffer(), noise.PngsaveBuffer(), noise.WebpsaveBuffer(), noise.GifsaveBuffer()];

        foreach (var source in sources)
        {
            for (var i = 0; i < 40; i++)
            {
                var damaged = i % 2 == 0 ? source[..random.Next(1, source.Length)] : (byte[])source.Clone();
                if (i % 2 == 1)
                    for (var flips = 0; flips < 8; flips++)
                        damaged[random.Next(damaged.Length)] = (byte)random.Next(256);

                var result = await Process(damaged);

                Assert.True(result is ImageProcessingResult.Processed or ImageProcessingResult.Rejected);
            }
        }
    }
}
