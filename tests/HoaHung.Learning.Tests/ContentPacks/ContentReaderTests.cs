using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.ContentPacks;

public sealed class ContentReaderTests
{
    private static readonly ContentReader Reader = new(new LessonMarkdown());

    [Theory]
    [InlineData("dang-ky-vneid", true)]
    [InlineData("a1", true)]
    [InlineData("a", false)]
    [InlineData("-dau-gach", false)]
    [InlineData("cuoi-gach-", false)]
    [InlineData("Chu-Hoa", false)]
    [InlineData("đăng-ký", false)]
    [InlineData("../etc", false)]
    public void Slugs_are_lower_case_ascii_words(string slug, bool valid) => Assert.Equal(valid, ContentReader.IsSlug(slug));

    [Fact]
    public void A_complete_lesson_is_read_with_its_fields_and_referenced_files()
    {
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .File("lessons/bai-mot/index.md", "---\ntitle: Bài một\nsummary: Tóm tắt.\ntopic: chu-de-a\ntype: video\nlevel: intermediate\n" +
                "minutes: 7\norder: 3\ntags: [vneid, \"định danh\"]\nvideo: v.mp4\ncaptions: v.vi.vtt\ncover: a.png\n---\n![Hình](a.png)\n")
            .File("lessons/bai-mot/v.mp4", TestMedia.Mp4()).File("lessons/bai-mot/v.vi.vtt", TestMedia.Vtt())
            .File("lessons/bai-mot/a.png", TestMedia.Png(10, 10))
            .File("lessons/_nhap/index.md", "bỏ qua");

        var set = Reader.Read(content.Root);

        Assert.Empty(set.Problems);
        var lesson = Assert.Single(set.Lessons);
        Assert.Equal(("Bài một", LessonType.Video, LessonLevel.Intermediate, 7, 3), (lesson.Content.Title, lesson.Content.Type, lesson.Content.Level, lesson.Content.Minutes, lesson.Order));
        Assert.Equal(["vneid", "định danh"], LessonContent.SplitTags(lesson.Content.Tags));
        Assert.Equal(["a.png", "v.mp4", "v.vi.vtt"], lesson.Files.Keys.Order());
        Assert.Equal(64, lesson.Hash.Length);
    }

    [Fact]
    public void Changing_a_referenced_picture_changes_the_lesson_hash()
    {
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .Lesson("bai-hai", "Bài hai", "chu-de-a", "![Hình](a.png)").File("lessons/bai-hai/a.png", TestMedia.Png(10, 10));
        var before = Reader.Read(content.Root).Lessons.Single().Hash;
        content.File("lessons/bai-hai/a.png", TestMedia.Png(12, 10));
        Assert.NotEqual(before, Reader.Read(content.Root).Lessons.Single().Hash);
    }

    [Theory]
    [InlineData("minutes: 0\n", "minutes")]
    [InlineData("minutes: nhiều\n", "dòng")]
    [InlineData("type: podcast\n", "type")]
    [InlineData("level: expert\n", "level")]
    [InlineData("video: https://evil.example/v.mp4\n", "YouTube")]
    [InlineData("video: ../../etc/passwd\n", "không hợp lệ")]
    [InlineData("cover: /etc/passwd\n", "không hợp lệ")]
    [InlineData("captions: a.txt\n", ".vtt")]
    public void Bad_front_matter_fields_are_explained(string extra, string expected)
    {
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A")).Lesson("bai-ba", "Bài ba", "chu-de-a", "x", extra);
        var problem = Assert.Single(Reader.Read(content.Root).Problems);
        Assert.Contains(expected, ContentText.Of(problem));
        Assert.EndsWith("index.md", problem.Path);
    }

    [Fact]
    public void Text_is_normalized_and_control_characters_removed()
    {
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .Lesson("bai-bon", "Đăng ky\u0301 VNeID", "chu-de-a", "Thân\u0007 bài\u0000 học");
        var lesson = Reader.Read(content.Root).Lessons.Single();
        Assert.Equal("Đăng ký VNeID", lesson.Content.Title);
        Assert.DoesNotContain('\u0007', lesson.Content.Body);
        Assert.DoesNotContain('\u0000', lesson.Content.Body);
    }

    [Fact]
    public void A_missing_content_folder_is_a_problem_not_an_exception()
    {
        var set = Reader.Read("/khong/co/thu/muc/nay");
        Assert.Single(set.Problems);
        Assert.Empty(set.Lessons);
    }

    [Fact]
    public void Front_matter_must_be_closed()
    {
        var (_, _, error) = FrontMatter.Split("---\ntitle: x\nkhông có dòng kết thúc");
        Assert.NotNull(error);
        var (yaml, body, ok) = FrontMatter.Split("\uFEFF---\r\ntitle: x\r\n---\r\nThân bài\r\n---\r\nvẫn là thân bài");
        Assert.Null(ok);
        Assert.Equal("title: x\n", yaml);
        Assert.Equal("Thân bài\n---\nvẫn là thân bài", body);
    }
}
