using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

public sealed class YouTubeIdTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s")]
    [InlineData("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ")]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc&t=10")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ")]
    [InlineData("https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ")]
    [InlineData("  https://youtu.be/dQw4w9WgXcQ  ")]
    public void Recognises_the_usual_youtube_addresses(string url)
    {
        Assert.Equal("dQw4w9WgXcQ", LessonMarkdown.YouTubeId(url));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXc")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgX%3C")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgX\"Q")]
    [InlineData("https://www.youtube.com/watch?vv=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch")]
    [InlineData("https://www.youtube.com/channel/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ/extra")]
    [InlineData("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ")]
    [InlineData("javascript://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("ftp://youtu.be/dQw4w9WgXcQ")]
    [InlineData("//youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/123456789")]
    public void Refuses_anything_else(string url)
    {
        Assert.Null(LessonMarkdown.YouTubeId(url));
    }
}
