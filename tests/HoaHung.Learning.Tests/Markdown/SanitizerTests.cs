using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

/// <summary>The second wall on its own: markup the renderers never write must not pass either.</summary>
public sealed class SanitizerTests
{
    private static readonly LessonSanitizer Sanitizer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "")]
    [InlineData("<p onclick=\"alert(1)\" style=\"color:red\">x</p>", "<p>x</p>")]
    [InlineData("<img src=\"/a.jpg\" onerror=\"alert(1)\" alt=\"a\">", "<img src=\"/a.jpg\" alt=\"a\">")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"//evil.example\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"https://ok.vn\" target=\"_blank\" rel=\"opener\">x</a>", "<a href=\"https://ok.vn\">x</a>")]
    [InlineData("<img src=\"mailto:a@b.vn\" alt=\"a\">", "<img alt=\"a\">")]
    [InlineData("<h1>Tiêu đề</h1>", "")]
    [InlineData("<div class=\"steps evil\">x</div>", "<div class=\"steps\">x</div>")]
    [InlineData("<div class=\"evil\">x</div>", "<div>x</div>")]
    [InlineData("<span id=\"x\">x</span>", "<span>x</span>")]
    [InlineData("<aside role=\"alert\">x</aside>", "<aside>x</aside>")]
    [InlineData("<form><input></form>", "")]
    [InlineData("<svg><script>alert(1)</script></svg>", "")]
    [InlineData("<!-- comment -->x", "x")]
    public void Markup_outside_the_allow_list_is_removed(string html, string expected)
    {
        Assert.Equal(expected, Sanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://evil.example/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube-nocookie.com.evil.example/embed/dQw4w9WgXcQ")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    public void Iframe_to_another_host_is_removed(string src)
    {
        Assert.Equal("<p>x</p>", Sanitizer.Sanitize($"<p>x</p><iframe src=\"{src}\"></iframe>"));
    }

    [Fact]
    public void Iframe_srcdoc_and_sandbox_escapes_are_removed()
    {
        var html = Sanitizer.Sanitize("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" srcdoc=\"<script>alert(1)</script>\" allow=\"camera; microphone\"></iframe>");

        Assert.Equal("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"></iframe>", html);
    }

    [Fact]
    public void Each_srcset_candidate_is_checked()
    {
        var html = Sanitizer.Sanitize("<img srcset=\"/a.webp 480w, javascript:alert(1) 960w, //evil.example/b.webp 1200w\" alt=\"\">");

        Assert.Equal("<img srcset=\"/a.webp 480w\" alt=\"\">", html);
    }

    [Fact]
    public void Video_sources_only_load_from_the_web()
    {
        var html = Sanitizer.Sanitize("<video src=\"data:video/mp4;base64,AAAA\" poster=\"javascript:alert(1)\" autoplay onplay=\"alert(1)\"></video>");

        Assert.Equal("<video></video>", html);
    }
}
