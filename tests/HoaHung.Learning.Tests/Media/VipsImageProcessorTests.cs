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
    public async Task Extremely_tall_image_keeps_only_renditions_within_the_webp_size_limit()
    {
        var result = AssertProcessed(await Process(Png(1100, 22_000)));

        Assert.Equal([360, 720], result.WebP.Select(r => r.Width));
        Assert.All(result.WebP, r => Assert.True(r.Height <= 16383));
    }
}
