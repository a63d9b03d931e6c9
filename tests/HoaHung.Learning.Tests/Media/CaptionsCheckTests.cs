using System.Text;
using HoaHung.Learning.Media;

namespace HoaHung.Learning.Tests.Media;

public sealed class CaptionsCheckTests
{
    private const long Limit = 512 * 1024;

    internal const string GoodVtt = """
        WEBVTT

        1
        00:00:01.000 --> 00:00:04.000
        Xin chào, hôm nay chúng ta học đăng ký VNeID.

        00:00:05.000 --> 00:00:08.500 align:start position:10%
        <v Cán bộ phường>Bước một: mở ứng dụng.</v>
        """;

    private static CaptionsCheckResult Check(string text) => CaptionsCheck.Check(Encoding.UTF8.GetBytes(text), Limit);

    private static string Accepted(string text) => Assert.IsType<CaptionsCheckResult.Accepted>(Check(text)).Text;

    [Fact]
    public void Good_captions_are_accepted_with_their_cues()
    {
        var text = Accepted(GoodVtt);

        Assert.Equal("""
            WEBVTT

            1
            00:00:01.000 --> 00:00:04.000
            Xin chào, hôm nay chúng ta học đăng ký VNeID.

            00:00:05.000 --> 00:00:08.500 align:start position:10%
            <v Cán bộ phường>Bước một: mở ứng dụng.</v>

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Byte_order_mark_and_windows_line_endings_are_normalized()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(GoodVtt.ReplaceLineEndings("\r\n"))).ToArray();

        var text = Assert.IsType<CaptionsCheckResult.Accepted>(CaptionsCheck.Check(bytes, Limit)).Text;

        Assert.DoesNotContain('\r', text);
        Assert.StartsWith("WEBVTT\n", text);
    }

    [Fact]
    public void Old_mac_line_endings_are_normalized() =>
        Assert.Contains("00:00:01.000 --> 00:00:02.000\nHello", Accepted("WEBVTT\r\r00:00:01.000 --> 00:00:02.000\rHello\r"));

    [Theory]
    [InlineData("1\n00:00:01.000 --> 00:00:02.000\nHello")]
    [InlineData("WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHello")]
    [InlineData("webvtt\n\n00:00:01.000 --> 00:00:02.000\nHello")]
    [InlineData("<html>WEBVTT</html>")]
    [InlineData("")]
    public void Captions_without_the_webvtt_header_are_refused(string text) =>
        Assert.Equal(new CaptionsCheckResult.Rejected(MediaReasons.CaptionsMissingHeader), Check(text));

    [Theory]
    [InlineData("WEBVTT\n")]
    [InlineData("WEBVTT - only a title\n\nNOTE nothing else here\n")]
    [InlineData("WEBVTT\n\n00:01.000 -> 00:02.000\nnot a timing line\n")]
    [InlineData("WEBVTT\n\nhello --> world\ntext\n")]
    public void Captions_without_any_cue_are_refused(string text) =>
        Assert.Equal(new CaptionsCheckResult.Rejected(MediaReasons.CaptionsNoCues), Check(text));

    [Fact]
    public void Html_and_script_in_cues_are_stripped_and_webvtt_tags_kept()
    {
        var text = Accepted("""
            WEBVTT

            00:00:01.000 --> 00:00:02.000
            <script>alert(1)</script><b>Đậm</b> <i>nghiêng</i> <u>gạch</u> <c.yellow.bg_1>màu</c>
            <img src=x onerror=alert(1)><a href="https://evil.example">link</a> <ruby>漢<rt>kan</rt></ruby>
            <lang vi>tiếng Việt</lang> <00:00:01.500>karaoke <b onclick="x()">b</b> 1 < 2
            """);

        Assert.Contains("alert(1)<b>Đậm</b> <i>nghiêng</i> <u>gạch</u> <c.yellow.bg_1>màu</c>", text);
        Assert.Contains("link <ruby>漢<rt>kan</rt></ruby>", text);
        Assert.Contains("<lang vi>tiếng Việt</lang> <00:00:01.500>karaoke <b>b</b> 1 &lt; 2", text);
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain("<img", text);
        Assert.DoesNotContain("<a ", text);
        Assert.DoesNotContain("onclick", text);
    }

    [Fact]
    public void Style_region_and_note_blocks_are_dropped()
    {
        var text = Accepted("""
            WEBVTT

            STYLE
            ::cue { background: url(https://tracker.example/pixel.png) }

            REGION
            id:fred width:40%

            NOTE written by someone

            00:00:01.000 --> 00:00:02.000 region:fred onload=x
            Hello
            """);

        Assert.Equal("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n", text);
    }

    [Fact]
    public void Arrow_inside_cue_text_cannot_start_a_new_cue() =>
        Assert.Contains("a --&gt; b", Accepted("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfirst\na --> b\n"));

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        byte[] bytes = [.. "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nXin ch"u8, 0xE0, 0x80, .. "o\n"u8];

        Assert.Equal(new CaptionsCheckResult.Rejected(MediaReasons.CaptionsInvalidEncoding), CaptionsCheck.Check(bytes, Limit));
    }

    [Fact]
    public void Windows_1258_vietnamese_is_refused_as_invalid_encoding()
    {
        // "ă" in Windows-1258 is 0xE3, which is not valid UTF-8 on its own.
        byte[] bytes = [.. "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nb"u8, 0xE3, .. "n\n"u8];

        Assert.Equal(new CaptionsCheckResult.Rejected(MediaReasons.CaptionsInvalidEncoding), CaptionsCheck.Check(bytes, Limit));
    }

    [Fact]
    public void Captions_above_the_size_limit_are_refused() =>
        Assert.Equal(new CaptionsCheckResult.Rejected(MediaReasons.CaptionsTooLarge),
            CaptionsCheck.Check(Encoding.UTF8.GetBytes(GoodVtt), maxBytes: 100));
}
