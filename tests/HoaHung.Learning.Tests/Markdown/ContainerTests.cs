namespace HoaHung.Learning.Tests.Markdown;

public sealed class ContainerTests
{
    [Fact]
    public void Steps_block_wraps_the_ordered_list_in_a_steps_div()
    {
        var html = Render.Html(":::steps\n1. Mở ứng dụng.\n2. Bấm nút \"Đăng ký\".\n:::");

        Assert.Contains("<div class=\"steps\">\n<ol>\n<li>Mở ứng dụng.</li>", html);
        Assert.EndsWith("</ol>\n</div>\n", html);
    }

    [Theory]
    [InlineData("prepare", "Bạn cần chuẩn bị")]
    [InlineData("tip", "Mẹo")]
    [InlineData("note", "Lưu ý")]
    [InlineData("warning", "Cảnh báo")]
    [InlineData("remember", "Ghi nhớ")]
    public void Callout_has_its_kind_class_and_default_title(string kind, string title)
    {
        var html = Render.Html($":::{kind}\nNội dung.\n:::");

        Assert.Equal(
            $"<aside class=\"callout callout--{kind}\" role=\"note\"><p class=\"callout__title\">{title}</p>\n<p>Nội dung.</p>\n</aside>\n",
            html);
    }

    [Theory]
    [InlineData("prepare")]
    [InlineData("tip")]
    [InlineData("note")]
    [InlineData("warning")]
    [InlineData("remember")]
    public void Text_after_the_callout_name_replaces_the_default_title(string kind)
    {
        var html = Render.Html($":::{kind} Không bao giờ đọc mã OTP cho người khác\nNội dung.\n:::");

        Assert.Contains("<p class=\"callout__title\">Không bao giờ đọc mã OTP cho người khác</p>", html);
    }

    [Fact]
    public void Custom_callout_title_is_text_not_markup()
    {
        var html = Render.Html(":::tip <img src=x onerror=alert(1)> **đậm**\nx\n:::");

        Assert.Contains("<p class=\"callout__title\">&lt;img src=x onerror=alert(1)&gt; **đậm**</p>", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Callout_name_is_matched_without_regard_to_case()
    {
        Assert.Contains("callout--warning", Render.Html(":::Warning\nx\n:::"));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("callout--tip")]
    [InlineData("x\" onclick=\"alert(1)")]
    [InlineData("steps-but-not")]
    public void Unknown_container_is_a_plain_block_without_its_name_as_class(string name)
    {
        var html = Render.Html($":::{name}\nNội dung.\n:::");

        Assert.Equal("<div class=\"block\">\n<p>Nội dung.</p>\n</div>\n", html);
    }

    [Fact]
    public void Callouts_and_steps_nest_with_longer_fences()
    {
        var html = Render.Html("::::steps\n1. Bước một.\n\n   :::tip\n   Mẹo nhỏ.\n   :::\n::::");

        Assert.Contains("<div class=\"steps\">", html);
        Assert.Contains("<aside class=\"callout callout--tip\" role=\"note\">", html);
    }
}
