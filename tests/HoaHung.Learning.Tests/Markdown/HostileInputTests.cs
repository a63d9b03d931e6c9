namespace HoaHung.Learning.Tests.Markdown;

public sealed class HostileInputTests
{
    [Fact]
    public void Script_tag_is_shown_as_text()
    {
        var html = Render.Html("<script>alert(1)</script>");

        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", html);
    }

    [Fact]
    public void Raw_html_block_and_inline_html_are_shown_as_text()
    {
        var html = Render.Html("<div onclick=\"alert(1)\">\nxin chào\n</div>\n\nChữ <img src=x onerror=alert(1)> và <b onmouseover=alert(1)>đậm</b>");

        Assert.DoesNotContain("<div", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b ", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("jav&#x09;ascript:alert(1)")]
    [InlineData("jav&#9;ascript:alert(1)")]
    [InlineData("jav&Tab;ascript:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("%6aavascript:alert(1)")]
    [InlineData("<java\u0000script:alert(1)>")]
    [InlineData("<javascript\u200b:alert(1)>")]
    [InlineData("&#x20;javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("other-lesson.md")]
    [InlineData("../x")]
    [InlineData("#muc-2")]
    public void Link_outside_the_policy_is_removed_but_its_text_stays(string target)
    {
        var html = Render.Html($"Xem [trang này]({target}) nhé.");

        Assert.Equal("<p>Xem trang này nhé.</p>\n", html);
    }

    [Fact]
    public void Javascript_link_is_removed_but_its_text_stays()
    {
        Assert.Equal("<p>Bấm đây</p>\n", Render.Html("[Bấm đây](javascript:alert(document.cookie))"));
    }

    [Fact]
    public void Reference_style_javascript_link_is_removed_too()
    {
        Assert.Equal("<p>Bấm đây</p>\n", Render.Html("[Bấm đây][x]\n\n[x]: javascript:alert(1)"));
    }

    [Theory]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("<JAVASCRIPT:alert(1)>", "JAVASCRIPT:alert(1)")]
    [InlineData("<data:text/html,x>", "data:text/html,x")]
    [InlineData("<vbscript:msgbox(1)>", "vbscript:msgbox(1)")]
    public void Autolink_with_a_dangerous_scheme_is_plain_text(string markdown, string text)
    {
        Assert.Equal($"<p>{text}</p>\n", Render.Html(markdown));
    }

    [Theory]
    [InlineData("[UBND phường](https://hoahung.hochiminhcity.gov.vn)", "https://hoahung.hochiminhcity.gov.vn", true)]
    [InlineData("[Trang](http://example.vn/a?b=1&c=2)", "http://example.vn/a?b=1&amp;c=2", true)]
    [InlineData("[Bài khác](/bai-hoc/dang-ky-vneid-muc-1)", "/bai-hoc/dang-ky-vneid-muc-1", false)]
    [InlineData("[Gửi thư](mailto:phuong@example.vn)", "mailto:phuong@example.vn", false)]
    [InlineData("[Gọi](tel:+842838123456)", "tel:+842838123456", false)]
    [InlineData("<https://example.vn>", "https://example.vn", true)]
    [InlineData("<phuong@example.vn>", "mailto:phuong@example.vn", false)]
    public void Allowed_links_survive_and_external_ones_get_rel(string markdown, string href, bool external)
    {
        var html = Render.Html(markdown);

        var rel = external ? " rel=\"noopener noreferrer nofollow\"" : "";
        Assert.Contains($"<a href=\"{href}\"{rel}>", html);
    }

    [Fact]
    public void Html_inside_alt_text_is_escaped_in_the_attribute()
    {
        var html = Render.Html("![x\" onerror=\"alert(1) <script>alert(1)</script>](a.png)", "a.png");

        Assert.Contains("alt=\"x&quot; onerror=&quot;alert(1) &lt;script&gt;alert(1)&lt;/script&gt;\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain(" onerror=", html.Replace("&quot; onerror=&quot;", ""));
    }

    [Fact]
    public void Html_inside_a_link_title_is_escaped_in_the_attribute()
    {
        var html = Render.Html("[x](https://example.vn \"\\\" onmouseover=\\\"alert(1)\\\" <b>\")");

        Assert.Contains("title=\"&quot; onmouseover=&quot;alert(1)&quot; &lt;b&gt;\"", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void Quote_in_a_link_destination_cannot_break_out_of_href()
    {
        var html = Render.Html("[x](https://example.vn/?q=\"onmouseover=alert(1)//)");

        Assert.Contains("href=\"https://example.vn/?q=%22onmouseover=alert(1)//\"", html);
    }

    [Theory]
    [InlineData("Chữ {onclick=alert(1)}")]
    [InlineData("## Tiêu đề {#id onclick=alert(1)}")]
    [InlineData("[x](https://example.vn){onclick=alert(1) style=color:red}")]
    [InlineData("![x](a.png){onerror=alert(1) .cls}")]
    public void Attribute_syntax_is_plain_text(string markdown)
    {
        var html = Render.Html(markdown, "a.png");

        Assert.DoesNotContain("onclick=\"", html);
        Assert.DoesNotContain("onerror=\"", html);
        Assert.DoesNotContain("style=\"", html);
        Assert.DoesNotContain("class=\"cls\"", html);
    }

    [Fact]
    public void Code_block_language_does_not_become_a_class()
    {
        var html = Render.Html("```js\" onclick=\"alert(1)\nalert(1)\n```");

        Assert.Equal("<pre><code>alert(1)\n</code></pre>\n", html);
    }

    [Fact]
    public void Control_and_invisible_characters_in_markdown_do_not_reach_an_attribute()
    {
        var html = Render.Html("[a](java\u0000script:x) ![b\u0000](c.png) [d](https://e\u202Evn)");

        Assert.Equal("<p>a <span class=\"missing-media\">b\uFFFD</span> d</p>\n", html);
    }
}
