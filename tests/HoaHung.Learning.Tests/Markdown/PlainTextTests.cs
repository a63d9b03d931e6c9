namespace HoaHung.Learning.Tests.Markdown;

public sealed class PlainTextTests
{
    [Fact]
    public void Plain_text_has_the_words_without_markup_or_urls()
    {
        var text = Render.Markdown(
            "# Đăng ký\n\nMở **VNeID** và *bấm* [Đăng ký](https://vneid.gov.vn \"tiêu đề\") hoặc <https://x.vn>.\n\n"
            + "- Một\n- Hai\n\n| Cột | Giá |\n|---|---|\n| a | 1 |\n\n`mã OTP`\n\n---\n\n> Trích dẫn").PlainText;

        Assert.Equal("Đăng ký Mở VNeID và bấm Đăng ký hoặc . Một Hai Cột Giá a 1 mã OTP Trích dẫn", text);
    }

    [Fact]
    public void Plain_text_includes_alt_text_but_not_file_names()
    {
        var text = Render.Markdown("![Màn hình chính](buoc-1.png)\n\n![Video hướng dẫn](video.mp4)").PlainText;

        Assert.Equal("Màn hình chính Video hướng dẫn", text);
    }

    [Fact]
    public void Callout_titles_are_left_out_whether_default_or_custom()
    {
        var text = Render.Markdown(":::tip\nNội dung một.\n:::\n\n:::warning Không đọc mã OTP\nNội dung hai.\n:::\n\n:::steps\n1. Bước.\n:::").PlainText;

        Assert.Equal("Nội dung một. Nội dung hai. Bước.", text);
    }

    [Fact]
    public void Whitespace_is_collapsed_and_trimmed()
    {
        Assert.Equal("a b c", Render.Markdown("  a\n\n\n\tb  \n\n c  \n").PlainText);
    }

    [Fact]
    public void Plain_text_of_a_fallback_is_the_collapsed_source()
    {
        Assert.Equal(new string('>', 10_000) + " x y", Render.Markdown(new string('>', 10_000) + " x\n\ny").PlainText);
    }
}
