using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

public sealed class VideoTests
{
    private const string YouTubeFrame =
        "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"Xem cách quét mã QR\" loading=\"lazy\""
        + " allow=\"encrypted-media; picture-in-picture; fullscreen\" allowfullscreen=\"\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>";

    [Fact]
    public void Local_video_is_a_player_with_poster_vietnamese_captions_and_its_alt_as_caption()
    {
        var html = Render.Html("![Xem cách quét mã QR](quet-ma.mp4)", "quet-ma.mp4");

        Assert.Equal(
            "<figure class=\"lesson-video\"><video controls=\"\" preload=\"metadata\" playsinline=\"\" poster=\"/media/quet-ma-poster.jpg\" src=\"/media/quet-ma.mp4\">"
            + "<track kind=\"captions\" srclang=\"vi\" label=\"Tiếng Việt\" src=\"/media/quet-ma.vi.vtt\" default=\"\"></video>"
            + "<figcaption>Xem cách quét mã QR</figcaption></figure>\n",
            html);
    }

    [Fact]
    public void Webm_file_is_a_video_too()
    {
        Assert.Contains("<video", Render.Html("![Video](bai.WEBM)", "bai.WEBM"));
    }

    [Fact]
    public void Video_without_captions_or_poster_has_neither_attribute()
    {
        var html = Render.Lesson.RenderVideo(new VideoAsset("/media/a.mp4", "video/mp4", null, null), "Bài giảng");

        Assert.Equal(
            "<figure class=\"lesson-video\"><video controls=\"\" preload=\"metadata\" playsinline=\"\" src=\"/media/a.mp4\"></video>"
            + "<figcaption>Bài giảng</figcaption></figure>",
            html);
    }

    [Fact]
    public void Missing_local_video_is_reported()
    {
        var rendered = Render.Markdown("![Video hướng dẫn](huong-dan.mp4)");

        Assert.Equal("<p class=\"missing-media\">Video hướng dẫn</p>\n", rendered.Html);
        Assert.Equal(["huong-dan.mp4"], rendered.MissingFiles);
    }

    [Fact]
    public void YouTube_url_in_the_body_is_a_privacy_enhanced_embed()
    {
        var html = Render.Html("![Xem cách quét mã QR](https://www.youtube.com/watch?v=dQw4w9WgXcQ)");

        Assert.Equal($"<figure class=\"lesson-video lesson-video--youtube\">{YouTubeFrame}</figure>\n", html);
    }

    [Fact]
    public void Video_on_another_host_is_only_a_link()
    {
        var html = Render.Html("![Video](https://vimeo.com/123456) ![Tệp](https://example.com/bai.mp4)");

        Assert.Equal(
            "<p><a href=\"https://vimeo.com/123456\" rel=\"noopener noreferrer nofollow\">Video</a> "
            + "<a href=\"https://example.com/bai.mp4\" rel=\"noopener noreferrer nofollow\">Tệp</a></p>\n",
            html);
    }

    [Fact]
    public void Player_inside_link_text_is_reduced_to_its_alt_text()
    {
        var html = Render.Html("[![Xem](https://youtu.be/dQw4w9WgXcQ)](https://dichvucong.gov.vn)");

        Assert.Equal("<p><a href=\"https://dichvucong.gov.vn\" rel=\"noopener noreferrer nofollow\">Xem</a></p>\n", html);
    }

    [Fact]
    public void Page_level_video_uses_the_same_markup_as_a_body_video()
    {
        var video = new VideoAsset("/media/quet-ma.mp4", "video/mp4", "/media/quet-ma.vi.vtt", "/media/quet-ma-poster.jpg");

        var page = Render.Lesson.RenderVideo(video, "Xem cách quét mã QR");
        var body = Render.Html("![Xem cách quét mã QR](quet-ma.mp4)", "quet-ma.mp4");

        Assert.Equal(body.TrimEnd('\n'), page);
    }

    [Fact]
    public void Page_level_video_title_is_text_and_urls_are_checked()
    {
        var video = new VideoAsset("javascript:alert(1)", "video/mp4", "//evil.example/c.vtt", "data:image/png;base64,AAAA");

        var html = Render.Lesson.RenderVideo(video, "<script>alert(1)</script>");

        Assert.DoesNotContain("javascript", html);
        Assert.DoesNotContain("evil.example", html);
        Assert.DoesNotContain("data:", html);
        Assert.Contains("<figcaption>&lt;script&gt;alert(1)&lt;/script&gt;</figcaption>", html);
    }

    [Fact]
    public void Page_level_youtube_player_embeds_through_youtube_nocookie()
    {
        var html = Render.Lesson.RenderYouTube("https://youtu.be/dQw4w9WgXcQ", "Xem cách quét mã QR");

        Assert.Equal($"<figure class=\"lesson-video lesson-video--youtube\">{YouTubeFrame}</figure>", html);
    }

    [Theory]
    [InlineData("https://vimeo.com/123")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void Page_level_youtube_player_is_empty_for_other_urls(string url)
    {
        Assert.Equal("", Render.Lesson.RenderYouTube(url, "Bài"));
    }
}
