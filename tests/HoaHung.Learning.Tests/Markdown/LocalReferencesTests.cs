using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

public sealed class LocalReferencesTests
{
    [Fact]
    public void Lists_local_pictures_and_videos_once_each_in_document_order()
    {
        var references = Render.Lesson.LocalReferences(
            "![a](buoc-1.png)\n\n:::steps\n1. x\n\n   ![b](./buoc-2.jpg)\n:::\n\nChữ ![c](buoc-1.png) và ![d](quet-ma.mp4)\n\n## ![e](tieu-de.webp)");

        Assert.Equal(["buoc-1.png", "buoc-2.jpg", "quet-ma.mp4", "tieu-de.webp"], references);
    }

    [Fact]
    public void Leaves_out_remote_youtube_and_unsafe_targets()
    {
        var references = Render.Lesson.LocalReferences(
            "![a](https://example.com/a.png) ![b](https://youtu.be/dQw4w9WgXcQ) ![c](../x.png) ![d](/abs.png)"
            + " ![e](javascript:alert(1)) ![f](data:image/png;base64,AA) [link](g.png) ![h](sub/ok.png)");

        Assert.Equal(["sub/ok.png"], references);
    }

    [Fact]
    public void Captions_path_for_a_video_follows_the_readme()
    {
        Assert.Equal("quet-ma.vi.vtt", LessonMarkdown.CaptionsPathFor("quet-ma.mp4"));
    }
}
