using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

public sealed class ImageTests
{
    private const string Sources =
        "<source type=\"image/webp\" srcset=\"/media/buoc-1-480.webp 480w, /media/buoc-1-960.webp 960w\" sizes=\"(min-width: 48rem) 40rem, 100vw\">";

    [Fact]
    public void Image_alone_in_its_paragraph_is_a_figure_with_webp_sources_and_no_paragraph_around_it()
    {
        var html = Render.Html("![Màn hình chính của VNeID](buoc-1.png)", "buoc-1.png");

        Assert.Equal(
            "<figure class=\"lesson-figure\"><picture>" + Sources
            + "<img src=\"/media/buoc-1.jpg\" alt=\"Màn hình chính của VNeID\" width=\"1200\" height=\"900\" fetchpriority=\"high\" decoding=\"async\">"
            + "</picture></figure>\n",
            html);
    }

    [Fact]
    public void First_image_loads_eagerly_and_later_ones_lazily()
    {
        var html = Render.Html("![Một](a.png)\n\n![Hai](b.png)\n\n![Ba](c.png)", "a.png", "b.png", "c.png");

        Assert.Equal(1, Count(html, "fetchpriority=\"high\""));
        Assert.Equal(2, Count(html, "loading=\"lazy\""));
        Assert.True(html.IndexOf("fetchpriority", StringComparison.Ordinal) < html.IndexOf("alt=\"Hai\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_first_image_does_not_use_up_the_eager_slot()
    {
        var html = Render.Html("![Thiếu](thieu.png)\n\n![Có](co.png)", "co.png");

        Assert.Contains("alt=\"Có\" width=\"1200\" height=\"900\" fetchpriority=\"high\"", html);
    }

    [Fact]
    public void Image_inside_text_is_an_inline_picture_inside_the_paragraph()
    {
        var html = Render.Html("Bấm vào ![biểu tượng](icon.png) để mở.", "icon.png");

        Assert.StartsWith("<p>Bấm vào <picture><source type=\"image/webp\"", html);
        Assert.Contains("alt=\"biểu tượng\"", html);
        Assert.DoesNotContain("<figure", html);
    }

    [Fact]
    public void Image_in_a_step_is_a_figure_inside_the_list_item()
    {
        var html = Render.Html(":::steps\n1. Mở ứng dụng.\n\n   ![Màn hình](buoc-1.png)\n\n2. Bấm nút.\n:::", "buoc-1.png");

        Assert.Contains("<li><p>Mở ứng dụng.</p>\n<figure class=\"lesson-figure\">", html);
        Assert.DoesNotContain("<p><figure", html);
    }

    [Fact]
    public void Missing_local_image_shows_its_alt_text_and_is_reported()
    {
        var rendered = Render.Markdown("![Ảnh bước 2](buoc-2.png)");

        Assert.Equal("<p class=\"missing-media\">Ảnh bước 2</p>\n", rendered.Html);
        Assert.Equal(["buoc-2.png"], rendered.MissingFiles);
    }

    [Fact]
    public void Missing_files_are_reported_once_each_in_order()
    {
        var rendered = Render.Markdown("![a](b.png) ![c](a.png) ![d](b.png) ![e](v.mp4)");

        Assert.Equal(["b.png", "a.png", "v.mp4"], rendered.MissingFiles);
    }

    [Fact]
    public void Missing_image_inside_text_is_an_inline_note()
    {
        var html = Render.Html("Xem ![sơ đồ](so-do.png) bên dưới.");

        Assert.Equal("<p>Xem <span class=\"missing-media\">sơ đồ</span> bên dưới.</p>\n", html);
    }

    [Fact]
    public void Missing_image_without_alt_text_shows_its_path()
    {
        Assert.Contains("<p class=\"missing-media\">thieu.png</p>", Render.Html("![](thieu.png)"));
    }

    [Fact]
    public void Image_on_another_site_is_linked_not_loaded()
    {
        var html = Render.Html("![Bản đồ phường](https://example.com/ban-do.png)");

        Assert.Equal("<p><a href=\"https://example.com/ban-do.png\" rel=\"noopener noreferrer nofollow\">Bản đồ phường</a></p>\n", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData("../bai-khac/anh.png")]
    [InlineData("hinh/../../anh.png")]
    [InlineData("%2e%2e/anh.png")]
    [InlineData("/etc/anh.png")]
    [InlineData("hinh\\anh.png")]
    [InlineData("C:\\anh.png")]
    public void Image_path_leaving_the_lesson_folder_is_missing_and_never_looked_up(string path)
    {
        var assets = new FakeLessonAssets(path);

        var rendered = Render.Lesson.Render($"![Ảnh]({path.Replace("\\", "\\\\")})", assets);

        Assert.Contains("<p class=\"missing-media\">Ảnh</p>", rendered.Html);
        Assert.Empty(assets.Requested);
        Assert.DoesNotContain("<img", rendered.Html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/a.png")]
    [InlineData("ftp://example.com/a.png")]
    public void Image_with_another_scheme_is_removed_leaving_its_alt_text(string target)
    {
        var rendered = Render.Markdown($"![Ảnh]({target})");

        Assert.Equal("<p class=\"missing-media\">Ảnh</p>\n", rendered.Html);
        Assert.Empty(rendered.MissingFiles);
    }

    [Fact]
    public void Image_path_may_start_with_dot_slash_and_be_percent_encoded()
    {
        var assets = new FakeLessonAssets("bước 1.png");

        var html = Render.Lesson.Render("![a](./b%C6%B0%E1%BB%9Bc%201.png)\n\n![b](<bước 1.png>)", assets).Html;

        Assert.Equal(["bước 1.png", "bước 1.png"], assets.Requested);
        Assert.Equal(2, Count(html, "<figure"));
    }

    [Fact]
    public void Image_without_webp_renditions_is_a_plain_picture()
    {
        var html = Render.Lesson.Render("![a](x.png)", new SingleImage(new("/media/x.png", 0, 0, []))).Html;

        Assert.Equal("<figure class=\"lesson-figure\"><picture><img src=\"/media/x.png\" alt=\"a\" fetchpriority=\"high\" decoding=\"async\"></picture></figure>\n", html);
    }

    [Fact]
    public void Failing_asset_lookup_is_not_hidden_as_plain_text()
    {
        Assert.Throws<IOException>(() => Render.Lesson.Render("Chữ\n\n![a](x.png)", new FailingAssets()));
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    private sealed class FailingAssets : ILessonAssets
    {
        public ImageAsset? Image(string path) => throw new IOException("disk gone");
        public VideoAsset? Video(string path) => throw new IOException("disk gone");
    }

    private sealed class SingleImage(ImageAsset image) : ILessonAssets
    {
        public ImageAsset? Image(string path) => image;
        public VideoAsset? Video(string path) => null;
    }
}
