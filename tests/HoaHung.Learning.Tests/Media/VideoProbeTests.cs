using System.Text;
using HoaHung.Learning.Media;

namespace HoaHung.Learning.Tests.Media;

public sealed class VideoProbeTests
{
    /// <summary>The start of an MP4 file: an ftyp box with the given brands, then an mdat box of filler.</summary>
    internal static byte[] Mp4(string majorBrand = "isom", params string[] compatible)
    {
        var brands = compatible.Length == 0 ? [majorBrand, "mp41"] : compatible;
        var ftypSize = 16 + 4 * brands.Length;
        var bytes = new List<byte>();
        bytes.AddRange([0, 0, 0, (byte)ftypSize]);
        bytes.AddRange("ftyp"u8.ToArray());
        bytes.AddRange(Encoding.Latin1.GetBytes(majorBrand));
        bytes.AddRange([0, 0, 2, 0]);
        foreach (var brand in brands)
            bytes.AddRange(Encoding.Latin1.GetBytes(brand));
        bytes.AddRange([0, 0, 0x10, 8]);
        bytes.AddRange("mdat"u8.ToArray());
        bytes.AddRange(new byte[4096]);
        return bytes.ToArray();
    }

    /// <summary>The start of a Matroska-family file: EBML header with EBMLVersion, DocType and DocTypeVersion.</summary>
    internal static byte[] Ebml(string docType)
    {
        byte[] body =
        [
            0x42, 0x86, 0x81, 0x01,                                          // EBMLVersion 1
            0x42, 0x82, (byte)(0x80 | docType.Length), .. Encoding.ASCII.GetBytes(docType),
            0x42, 0x87, 0x81, 0x04,                                          // DocTypeVersion 4
        ];
        return [0x1A, 0x45, 0xDF, 0xA3, (byte)(0x80 | body.Length), .. body, 0x18, 0x53, 0x80, 0x67, .. new byte[512]];
    }

    [Theory]
    [InlineData("isom")]
    [InlineData("iso2")]
    [InlineData("mp41")]
    [InlineData("mp42")]
    [InlineData("avc1")]
    [InlineData("M4V ")]
    [InlineData("dash")]
    public void Mp4_with_a_known_brand_is_recognized(string brand) =>
        Assert.Equal(VideoFormat.Mp4, VideoProbe.Detect(Mp4(brand)));

    [Fact]
    public void Mp4_with_an_unknown_major_brand_but_a_known_compatible_brand_is_recognized() =>
        Assert.Equal(VideoFormat.Mp4, VideoProbe.Detect(Mp4("xyz1", "xyz1", "isom", "avc1")));

    [Theory]
    [InlineData("qt  ")]
    [InlineData("heic")]
    [InlineData("avif")]
    [InlineData("3gp4")]
    public void QuickTime_heif_avif_and_3gp_are_refused(string brand) =>
        Assert.Null(VideoProbe.Detect(Mp4(brand, brand, "mif1")));

    [Fact]
    public void Heif_image_listing_an_iso_brand_is_still_refused() =>
        Assert.Null(VideoProbe.Detect(Mp4("heic", "mif1", "heic", "iso8")));

    [Fact]
    public void Webm_is_recognized_by_its_ebml_doctype() =>
        Assert.Equal(VideoFormat.WebM, VideoProbe.Detect(Ebml("webm")));

    [Fact]
    public void Matroska_is_not_webm() =>
        Assert.Null(VideoProbe.Detect(Ebml("matroska")));

    [Theory]
    [InlineData("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0")]
    [InlineData("\u007fELF\u0002\u0001\u0001\0\0\0\0\0\0\0\0\0")]
    [InlineData("This is a text file renamed to video.mp4, with ftyp somewhere: ftypisom")]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("")]
    public void Executables_and_text_renamed_to_video_are_refused(string content) =>
        Assert.Null(VideoProbe.Detect(Encoding.Latin1.GetBytes(content)));

    [Fact]
    public void Ftyp_box_with_an_absurd_size_is_refused()
    {
        var bytes = Mp4();
        bytes[0] = 0x7F;

        Assert.Null(VideoProbe.Detect(bytes));
    }

    [Fact]
    public void Truncated_or_malformed_ebml_headers_are_refused_without_throwing()
    {
        var webm = Ebml("webm");
        for (var length = 0; length < 40; length++)
            Assert.Null(VideoProbe.Detect(webm.AsSpan(0, Math.Min(length, 12))));

        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var damaged = (byte[])webm.Clone();
            damaged[4 + random.Next(30)] = (byte)random.Next(256);
            _ = VideoProbe.Detect(damaged);
        }
    }
}
