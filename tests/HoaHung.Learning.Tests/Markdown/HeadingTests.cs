namespace HoaHung.Learning.Tests.Markdown;

public sealed class HeadingTests
{
    [Fact]
    public void Hash_heading_becomes_h2_because_the_page_owns_the_only_h1()
    {
        var html = Render.Html("# Tiêu đề\n\nĐoạn văn.");

        Assert.StartsWith("<h2 id=\"tieu-de\">Tiêu đề</h2>", html);
        Assert.DoesNotContain("<h1", html);
    }

    [Fact]
    public void When_hash_is_used_every_level_moves_down_one_and_stops_at_h6()
    {
        var html = Render.Html("# Một\n## Hai\n### Ba\n#### Bốn\n##### Năm\n###### Sáu");

        Assert.Contains("<h2 id=\"mot\">", html);
        Assert.Contains("<h3 id=\"hai\">", html);
        Assert.Contains("<h4 id=\"ba\">", html);
        Assert.Contains("<h5 id=\"bon\">", html);
        Assert.Contains("<h6 id=\"nam\">", html);
        Assert.Contains("<h6 id=\"sau\">", html);
    }

    [Fact]
    public void Levels_stay_when_the_body_starts_from_h2()
    {
        var html = Render.Html("## Hai\n### Ba");

        Assert.Contains("<h2 id=\"hai\">", html);
        Assert.Contains("<h3 id=\"ba\">", html);
    }

    [Fact]
    public void Setext_heading_is_demoted_too()
    {
        Assert.StartsWith("<h2", Render.Html("Tiêu đề\n======="));
    }

    [Fact]
    public void Heading_ids_are_ascii_slugs_with_d_for_the_vietnamese_d()
    {
        var html = Render.Html("## Đăng ký tài khoản định danh điện tử **mức 1**");

        Assert.Contains("<h2 id=\"dang-ky-tai-khoan-dinh-danh-dien-tu-muc-1\">", html);
    }

    [Fact]
    public void Repeated_headings_get_distinct_ids()
    {
        var html = Render.Html("## Bước\n## Bước\n## Bước 1\n## Bước");

        Assert.Contains("id=\"buoc\"", html);
        Assert.Contains("id=\"buoc-1\"", html);
        Assert.Contains("id=\"buoc-1-1\"", html);
        Assert.Contains("id=\"buoc-2\"", html);
    }

    [Fact]
    public void Heading_without_letters_still_gets_an_id()
    {
        Assert.Contains("<h2 id=\"muc\">", Render.Html("## !!!"));
    }
}
