using System.Text;
using HoaHung.Learning.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetVips;
using static HoaHung.Learning.Tests.Media.TestImages;

namespace HoaHung.Learning.Tests.Media;

public sealed class VipsImageProcessorTests : IDisposable
{
    private readonly VipsImageProcessor processor = Create(new MediaOptions());

    public void Dispose() => processor.Dispose();

    internal static VipsImageProcessor Create(MediaOptions options) =>
        new(Options.Create(options), NullLogger<VipsImageProcessor>.Instance);

    private Task<ImageProcessingResult> Process(byte[] bytes) =>
        processor.ProcessAsync(bytes, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Wide_jpeg_gets_webp_renditions_at_each_configured_width_and_a_jpeg_fallback()
    {
        var result = AssertProcessed(await Process(Jpeg(2000, 1000)));

        Assert.Equal([360, 720, 1080], result.WebP.Select(r => r.Width));
        Assert.Equal([180, 360, 540], result.WebP.Select(r => r.Height));
        Assert.All(result.WebP, r =>
        {
            Assert.Equal("RIFF"u8.ToArray(), r.Bytes[..4]);
            Assert.Equal("WEBP"u8.ToArray(), r.Bytes[8..12]);
            Assert.Equal("image/webp", r.ContentType);
        });
        Assert.Equal((1080, 540), (result.Width, result.Height));
        Assert.Equal((1080, 540, "jpg", "image/jpeg"),
            (result.Fallback.Width, result.Fallback.Height, result.Fallback.Extension, result.Fallback.ContentType));
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, result.Fallback.Bytes[..3]);
    }

    [Fact]
    public async Task Renditions_are_real_images_of_the_stated_size()
    {
        var result = AssertProcessed(await Process(Png(1500, 900)));

        foreach (var rendition in result.WebP.Append(result.Fallback))
        {
            using var image = Load(rendition.Bytes);
            Assert.Equal((rendition.Width, rendition.Height), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task Image_narrower_than_every_width_gets_one_rendition_no_wider_than_itself()
    {
        var result = AssertProcessed(await Process(Png(200, 150)));

        var only = Assert.Single(result.WebP);
        Assert.Equal((200, 150), (only.Width, only.Height));
        Assert.Equal(200, result.Fallback.Width);
    }

    [Fact]
    public async Task Image_between_two_widths_gets_only_the_widths_it_covers()
    {
        var result = AssertProcessed(await Process(Jpeg(1000, 500)));

        Assert.Equal([360, 720], result.WebP.Select(r => r.Width));
        Assert.Equal(720, result.Fallback.Width);
    }

    [Fact]
    public async Task Sideways_photo_is_turned_upright_and_loses_exif_and_gps()
    {
        var source = JpegWithOrientationAndGps(1600, 800);
        Assert.Contains("exif-ifd3-GPSLatitude", MetadataFields(source));

        var result = AssertProcessed(await Process(source));

        // Stored 1600×800 landscape, shown 800×1600 portrait: widths are chosen from the upright width.
        Assert.Equal([360, 720], result.WebP.Select(r => r.Width));
        Assert.Equal(1440, result.WebP[^1].Height);
        // The red quarter on the stored left ends up at the top once turned 90° clockwise.
        var top = ColourAt(result.Fallback.Bytes, 360, 40);
        var bottom = ColourAt(result.Fallback.Bytes, 360, 1400);
        Assert.True(top[0] > 200 && top[2] < 60, $"top should be red, was {string.Join(",", top)}");
        Assert.True(bottom[2] > 200 && bottom[0] < 60, $"bottom should be blue, was {string.Join(",", bottom)}");

        foreach (var file in result.WebP.Append(result.Fallback))
        {
            var fields = MetadataFields(file.Bytes);
            Assert.DoesNotContain(fields, f => f.StartsWith("exif", StringComparison.Ordinal));
            Assert.DoesNotContain("xmp-data", fields);
            Assert.DoesNotContain("icc-profile-data", fields);
            Assert.DoesNotContain("orientation", fields);
            Assert.DoesNotContain("TestPhone", Encoding.Latin1.GetString(file.Bytes));
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(file.Bytes));
        }
    }

    [Fact]
    public async Task Embedded_colour_profile_is_converted_to_srgb_and_removed()
    {
        using var red = Solid(400, 300, Red);
        using var displayP3 = red.IccTransform("p3");
        var source = displayP3.PngsaveBuffer();
        Assert.Contains("icc-profile-data", MetadataFields(source));
        Assert.True(ColourAt(source, 200, 150)[1] > 20, "P3 pixels should differ from sRGB red");

        var result = AssertProcessed(await Process(source));

        var colour = ColourAt(result.Fallback.Bytes, 200, 150);
        Assert.True(colour[0] > 240 && colour[1] < 15 && colour[2] < 15, $"expected sRGB red, was {string.Join(",", colour)}");
        Assert.DoesNotContain("icc-profile-data", MetadataFields(result.Fallback.Bytes));
        Assert.DoesNotContain("icc-profile-data", MetadataFields(result.WebP[0].Bytes));
    }

    [Fact]
    public async Task Png_with_transparency_keeps_it_and_falls_back_to_png()
    {
        var result = AssertProcessed(await Process(PngWithTransparency(800, 400)));

        Assert.Equal(("png", "image/png"), (result.Fallback.Extension, result.Fallback.ContentType));
        using var fallback = Load(result.Fallback.Bytes);
        using var webp = Load(result.WebP[0].Bytes);
        Assert.True(fallback.HasAlpha());
        Assert.True(webp.HasAlpha());
    }

    [Fact]
    public async Task Png_with_an_opaque_alpha_band_falls_back_to_jpeg()
    {
        var result = AssertProcessed(await Process(PngWithOpaqueAlpha(800, 400)));

        Assert.Equal("jpg", result.Fallback.Extension);
    }

    [Fact]
    public async Task Webp_and_gif_sources_are_accepted()
    {
        AssertProcessed(await Process(WebP(500, 300)));
        AssertProcessed(await Process(Gif(500, 300)));
    }

    [Fact]
    public async Task Sixteen_bit_cmyk_and_grey_sources_come_out_as_8_bit_images()
    {
        using var rgb = Solid(500, 300, Red);
        using var rgb16 = rgb.Colourspace(Enums.Interpretation.Rgb16);
        using var cmyk = rgb.Colourspace(Enums.Interpretation.Cmyk);
        using var grey = rgb.Colourspace(Enums.Interpretation.Bw);

        foreach (var source in new[] { rgb16.PngsaveBuffer(), cmyk.JpegsaveBuffer(), grey.JpegsaveBuffer() })
        {
            var result = AssertProcessed(await Process(source));
            using var output = Load(result.Fallback.Bytes);
            Assert.Equal(Enums.BandFormat.Uchar, output.Format);
            Assert.NotEqual(Enums.Interpretation.Cmyk, output.Interpretation);
        }
    }

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
        using var small = Create(new MediaOptions { MaxPixels = 10_000 });

        var result = await small.ProcessAsync(Png(101, 100), TestContext.Current.CancellationToken);

        Assert.Equal(new ImageProcessingResult.Rejected(MediaReasons.ImageTooManyPixels), result);
    }

    [Fact]
    public async Task File_above_byte_limit_is_refused()
    {
        using var small = Create(new MediaOptions { MaxImageBytes = 1000 });

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
        using var lenient = Create(new MediaOptions { MaxFrames = 5 });

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
    public async Task Extremely_tall_image_keeps_only_renditions_within_the_webp_size_limit()
    {
        using var tall = Create(new MediaOptions());
        var result = AssertProcessed(await tall.ProcessAsync(Png(1100, 22_000), TestContext.Current.CancellationToken));

        Assert.Equal([360, 720], result.WebP.Select(r => r.Width));
        Assert.All(result.WebP, r => Assert.True(r.Height <= 16383));
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
