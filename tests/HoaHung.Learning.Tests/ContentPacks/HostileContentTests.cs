using System.Diagnostics;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.ContentPacks;

/// <summary>
/// Files a careless admin or an attacker could put in a content folder (issue 16): each becomes a problem named for
/// that file, and everything else is still read.
/// </summary>
public sealed class HostileContentTests
{
    private static readonly ContentReader Reader = new(new LessonMarkdown());

    /// <summary>A library of two good lessons in two topics, and a path over them, to break one file at a time.</summary>
    internal static ContentFolder GoodLibrary() => new ContentFolder().Topics(("chu-de-a", "Chủ đề A"), ("chu-de-b", "Chủ đề B"))
        .Lesson("bai-tot", "Bài tốt", "chu-de-a", "![Hình](hinh.png)").File("lessons/bai-tot/hinh.png", TestMedia.Png(12, 10))
        .Lesson("bai-tot-hai", "Bài tốt hai", "chu-de-b")
        .Path("lo-trinh", "Lộ trình", "bai-tot", "bai-tot-hai");

    // Read on a worker with a generous guard, so a hang fails the test instead of stopping the run.
    private static async Task<ContentSet> ReadAsync(string root) =>
        await Task.Run(() => Reader.Read(root)).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

    private static void AssertOnlyProblemIs(ContentSet set, string pathEnd, string? message = null)
    {
        var problem = Assert.Single(set.Problems);
        Assert.EndsWith(pathEnd, problem.Path);
        if (message is not null)
            Assert.Contains(message, ContentText.Of(problem));
    }

    [Theory]
    [InlineData("lessons/bai-hong/index.md", "---\ntitle: [unclosed\nsummary: Tóm tắt\ntopic: chu-de-a\n---\nThân bài\n")]
    [InlineData("lessons/bai-hong/index.md", "---\ntitle: {a: [b\nsummary: x\n---\nThân bài\n")]
    [InlineData("paths/lo-hong.yml", "title: [unclosed\nsummary: x\nlessons: [bai-tot, bai-tot-hai]\n")]
    [InlineData("lessons/bai-tot-hai/quiz.yml", "title: [unclosed\npass_mark: 50\nquestions: []\n")]
    public async Task A_yaml_error_of_any_exception_type_is_a_problem_for_that_file(string file, string text)
    {
        using var content = GoodLibrary().File(file, text);
        var set = await ReadAsync(content.Root);
        Assert.Contains(set.Problems, p => p.Path.EndsWith(file.Split('/')[^1]) && ContentText.Of(p).Contains("YAML"));
        Assert.Contains(set.Lessons, l => l.Slug == "bai-tot");
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a: ")]
    [InlineData("- ")]
    public async Task Deeply_nested_yaml_is_refused_without_exhausting_the_stack(string opener)
    {
        var nested = opener == "- "
            ? string.Concat(Enumerable.Range(0, 5000).Select(i => new string(' ', i * 2) + "-\n"))
            : "title: " + string.Concat(Enumerable.Repeat(opener, 20_000)) + "\n";
        using var content = GoodLibrary().File("lessons/bai-sau/index.md", $"---\n{nested}summary: x\ntopic: chu-de-a\n---\nThân bài\n");
        var set = await ReadAsync(content.Root);
        AssertOnlyProblemIs(set, Path.Combine("bai-sau", "index.md"));
        Assert.Equal(2, set.Lessons.Count);
    }

    [Theory]
    [InlineData("- slug: chu-de-hong\n  title: [một, danh, sách]\n")] // parses, but not as a topic
    [InlineData("- slug: chu-de-hong\n  title: [unclosed\n  icon: phone\n")] // breaks the whole file's syntax
    public async Task A_bad_entry_in_topics_yml_skips_that_topic_only(string badEntry)
    {
        using var content = GoodLibrary().File("topics.yml",
            "# Các chủ đề\n- slug: chu-de-a\n  title: Chủ đề A\n" + badEntry + "- slug: chu-de-b\n  title: Chủ đề B\n");
        var set = await ReadAsync(content.Root);
        Assert.Equal(["chu-de-a", "chu-de-b"], set.Topics.Select(t => t.Slug));
        Assert.Equal(2, set.Lessons.Count);
        var problem = Assert.Single(set.Problems);
        Assert.Contains("chủ đề thứ 2", ContentText.Place(problem));
        Assert.Contains("dòng 5", ContentText.Of(problem));
    }

    [Fact]
    public async Task A_picture_symlinked_to_an_endless_device_is_refused_before_it_is_read()
    {
        using var content = GoodLibrary().Lesson("bai-vo-tan", "Bài vô tận", "chu-de-a", "![Hình](vo-tan.png)");
        File.CreateSymbolicLink(content.PathOf("lessons/bai-vo-tan/vo-tan.png"), "/dev/zero");
        var set = await ReadAsync(content.Root);
        AssertOnlyProblemIs(set, Path.Combine("bai-vo-tan", "index.md"), "vo-tan.png");
        Assert.Equal(2, set.Lessons.Count);
    }

    [Fact]
    public async Task A_fifo_is_refused_before_it_is_opened()
    {
        using var content = GoodLibrary().Lesson("bai-fifo", "Bài FIFO", "chu-de-a", "![Hình](ong.png)");
        MakeFifo(content.PathOf("lessons/bai-fifo/ong.png"));
        MakeFifo(content.PathOf("lessons/bai-tot-hai/quiz.yml"));
        var set = await ReadAsync(content.Root);
        var problems = WithoutThePath(set);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Path.EndsWith(Path.Combine("bai-fifo", "index.md")) && ContentText.Of(p).Contains("ong.png"));
        Assert.Contains(problems, p => p.Path.EndsWith(Path.Combine("bai-tot-hai", "quiz.yml")));
        Assert.Equal(["bai-tot"], set.Lessons.Select(l => l.Slug));
    }

    [Fact]
    public async Task Symlinked_text_files_and_lesson_folders_are_refused()
    {
        using var outside = new ContentFolder().Lesson("bai-ngoai", "Bài bên ngoài", "chu-de-a");
        using var content = GoodLibrary();
        File.Delete(content.PathOf("lessons/bai-tot-hai/index.md"));
        File.CreateSymbolicLink(content.PathOf("lessons/bai-tot-hai/index.md"), outside.PathOf("lessons/bai-ngoai/index.md"));
        Directory.CreateSymbolicLink(content.PathOf("lessons/bai-ngoai"), outside.PathOf("lessons/bai-ngoai"));
        File.CreateSymbolicLink(content.PathOf("paths/lo-ngoai.yml"), content.PathOf("paths/lo-trinh.yml"));
        var set = await ReadAsync(content.Root);
        Assert.Equal(["bai-tot"], set.Lessons.Select(l => l.Slug));
        var problems = WithoutThePath(set);
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Contains("liên kết", ContentText.Of(p)));
    }

    [Fact]
    public async Task A_text_file_over_the_limit_is_refused_by_what_is_read_not_by_its_reported_length()
    {
        await using var endless = new EndlessStream();
        var (bytes, tooLarge) = ContentFiles.ReadAtMost(endless, 1000);
        Assert.True(tooLarge);
        Assert.Null(bytes);
        Assert.True(endless.Delivered <= 1001 + 81920);

        using var content = GoodLibrary().File("lessons/bai-lon/index.md", new byte[ContentReader.MaxMarkdownBytes + 1]);
        AssertOnlyProblemIs(await ReadAsync(content.Root), Path.Combine("bai-lon", "index.md"), "quá lớn");
    }

    [Fact]
    public async Task Tags_that_together_exceed_what_the_database_holds_are_a_problem()
    {
        using var content = GoodLibrary().File("lessons/bai-nhieu-the/index.md", LongTagsLesson("Bài nhiều thẻ"));
        AssertOnlyProblemIs(await ReadAsync(content.Root), Path.Combine("bai-nhieu-the", "index.md"), "tags");
    }

    /// <summary>30 tags of 57 characters: each within the limits, together 1,768 characters for a 1,000-character column.</summary>
    internal static string LongTagsLesson(string title) =>
        $"---\ntitle: {title}\nsummary: Tóm tắt.\ntopic: chu-de-a\ntags: [{string.Join(", ", Enumerable.Range(0, 30).Select(i => $"thẻ {i:00} " + new string('x', 50)))}]\n---\nThân bài\n";

    [Fact]
    public async Task Text_cut_to_its_limit_never_splits_a_character()
    {
        using var content = GoodLibrary().File("topics.yml",
            $"- slug: chu-de-a\n  title: Chủ đề A\n  description: {new string('a', 999)}😀\n- slug: chu-de-b\n  title: Chủ đề B\n");
        var set = await ReadAsync(content.Root);
        Assert.Equal(new string('a', 999), set.Topics[0].Description);
    }

    // The good path names the lesson a test breaks, so it is reported too; these tests are about the other problems.
    private static List<ContentProblem> WithoutThePath(ContentSet set) =>
        set.Problems.Where(p => !p.Path.EndsWith("lo-trinh.yml")).ToList();

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A stream that reports no length and never ends, like a device behind a symlink.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Delivered { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => 0;
        public override long Position { get => Delivered; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { Delivered += count; return count; }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
