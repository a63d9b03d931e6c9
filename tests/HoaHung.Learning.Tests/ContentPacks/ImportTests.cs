using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.ContentPacks;

/// <summary>Importing content folders and lesson packs into a site that started empty, on each provider.</summary>
public abstract class ImportTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Importing_the_same_folder_twice_changes_nothing_the_second_time()
    {
        site.EnsureAvailable();
        var slug = Unique("bai");
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .Lesson(slug, "Bài một", "chu-de-a", "![Màn hình](hinh.png)\n\n:::steps\n1. Bấm \"Mở\".\n:::", "cover: hinh.png\n")
            .File($"lessons/{slug}/hinh.png", TestMedia.Png());

        var first = await site.ImportAsync(content.Root);
        var second = await site.ImportAsync(content.Root);

        Assert.Equal(1, first.LessonsAdded);
        Assert.Empty(first.Problems);
        Assert.Equal((0, 0, 1), (second.LessonsAdded, second.LessonsUpdated, second.LessonsUnchanged));
        Assert.False(second.ChangedAnything);
        Assert.Equal(1, await site.WithDbAsync(db => db.LessonRevisions.CountAsync(r => r.Lesson.Slug == slug)));
    }

    [Fact]
    public async Task An_edited_file_becomes_a_new_published_revision_and_the_cached_page_is_evicted()
    {
        site.EnsureAvailable();
        var slug = Unique("sua");
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A")).Lesson(slug, "Tên cũ", "chu-de-a");
        await site.ImportAsync(content.Root);
        var client = site.Client();
        Assert.Contains("Tên cũ", await client.GetStringAsync($"/bai-hoc/{slug}"));

        content.Lesson(slug, "Tên mới", "chu-de-a");
        var report = await site.ImportAsync(content.Root);

        Assert.Equal(1, report.LessonsUpdated);
        Assert.Equal(2, await site.WithDbAsync(db => db.LessonRevisions.CountAsync(r => r.Lesson.Slug == slug)));
        var page = await client.GetStringAsync($"/bai-hoc/{slug}");
        Assert.Contains("Tên mới", page);
        Assert.DoesNotContain("Tên cũ", page);
    }

    [Fact]
    public async Task A_lesson_edited_on_the_site_is_not_overwritten_by_an_import()
    {
        site.EnsureAvailable();
        var slug = Unique("tac-gia");
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A")).Lesson(slug, "Bản gốc", "chu-de-a");
        await site.ImportAsync(content.Root);
        await site.WithDbAsync(async db =>
        {
            var lesson = await db.Lessons.Include(l => l.Revisions).SingleAsync(l => l.Slug == slug);
            var authored = new LessonRevision { Number = 2, Source = RevisionSource.Author, Title = "Bản tác giả sửa", Summary = "Tóm tắt", TopicSlug = "chu-de-a", CreatedAt = DateTime.UtcNow };
            lesson.Revisions.Add(authored);
            await db.SaveChangesAsync();
            Publishing.Publish(lesson, authored, lesson.TopicId, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        content.Lesson(slug, "Bản gốc đã sửa", "chu-de-a");
        var report = await site.ImportAsync(content.Root);

        Assert.Contains(slug, report.DraftsForReview);
        var (title, revisions) = await site.WithDbAsync(async db =>
            (await db.Lessons.Where(l => l.Slug == slug).Select(l => l.Title).SingleAsync(),
             await db.LessonRevisions.CountAsync(r => r.Lesson.Slug == slug)));
        Assert.Equal("Bản tác giả sửa", title);
        Assert.Equal(3, revisions);
    }

    [Fact]
    public async Task Malformed_files_are_reported_with_their_path_and_the_rest_still_imports()
    {
        site.EnsureAvailable();
        var good = Unique("tot");
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .Lesson(good, "Bài tốt", "chu-de-a")
            .File("lessons/yaml-hong/index.md", "---\ntitle: [chưa đóng\n---\nThân bài")
            .File("lessons/thieu-tieu-de/index.md", "---\nsummary: Có tóm tắt\ntopic: chu-de-a\n---\nThân bài")
            .Lesson("sai-chu-de", "Sai chủ đề", "khong-co")
            .Lesson("thieu-hinh", "Thiếu hình", "chu-de-a", "![Ảnh](khong-co.png)")
            .Lesson("video-thieu-phu-de", "Video", "chu-de-a", "x", "type: video\nvideo: a.mp4\n")
            .File("lessons/video-thieu-phu-de/a.mp4", TestMedia.Mp4())
            .File("lessons/Sai Ten/index.md", "---\ntitle: x\n---\n")
            .File("lessons/khong-phai-utf8/index.md", [0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0xC3])
            .File("lessons/bom-alias/index.md", "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\ntitle: *b\n---\n")
            .Path("lo-trinh-hong", "Lộ trình hỏng", good, "khong-ton-tai");

        var report = await site.ImportAsync(content.Root);

        Assert.Equal(1, report.LessonsAdded);
        string Problem(string part) => ContentText.Of(Assert.Single(report.Problems, p => p.Path.Contains(part)));
        Assert.Contains("dòng", Problem("yaml-hong"));
        Assert.Contains("title", Problem("thieu-tieu-de"));
        Assert.Contains("khong-co", Problem("sai-chu-de"));
        Assert.Contains("khong-co.png", Problem("thieu-hinh"));
        Assert.Contains("captions", Problem("video-thieu-phu-de"));
        Assert.Contains("slug", Problem("Sai Ten"));
        Assert.Contains("UTF-8", Problem("khong-phai-utf8"));
        Assert.Contains("alias", Problem("bom-alias"));
        Assert.Contains("khong-ton-tai", Problem("lo-trinh-hong"));
        Assert.False(await site.WithDbAsync(db => db.LearningPaths.AnyAsync(p => p.Slug == "lo-trinh-hong")));
    }

    [Fact]
    public async Task A_hostile_lesson_cannot_inject_script_into_the_page()
    {
        site.EnsureAvailable();
        var slug = Unique("doc-hai");
        const string body = "<script>alert(1)</script>\n\n[bấm](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n" +
            "![x](javascript:alert(4))\n\n:::warning <b onmouseover=alert(5)>Chú ý</b>\nNội dung\n:::\n\n[a](data:text/html;base64,PHNjcmlwdD4=)";
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .Lesson(slug, "<script>alert(6)</script> Bài", "chu-de-a", body);

        var report = await site.ImportAsync(content.Root);
        Assert.Empty(report.Problems);

        var (_, doc) = await site.Client().GetPageAsync($"/bai-hoc/{slug}");
        var article = doc.QuerySelector("article")!;
        Assert.Empty(article.QuerySelectorAll("script"));
        Assert.Empty(article.QuerySelectorAll("[onerror], [onmouseover], [onclick]"));
        Assert.DoesNotContain(article.QuerySelectorAll("a[href], img[src]"), e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("javascript", StringComparison.OrdinalIgnoreCase)
            || (e.GetAttribute("href") ?? "").StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(6)</script>", doc.Text("h1"));   // shown as text, not run
    }

    [Fact]
    public async Task A_corrupt_picture_skips_only_its_lesson()
    {
        site.EnsureAvailable();
        var bad = Unique("hinh-hong");
        var good = Unique("hinh-tot");
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .Lesson(bad, "Hình hỏng", "chu-de-a", "![Ảnh](a.png)").File($"lessons/{bad}/a.png", TestMedia.Png()[..200])
            .Lesson(good, "Hình tốt", "chu-de-a", "![Ảnh](a.png)").File($"lessons/{good}/a.png", TestMedia.Png(500, 400));

        var report = await site.ImportAsync(content.Root);

        Assert.Equal(1, report.LessonsAdded);
        Assert.Contains(report.Problems, p => p.Path.Contains(bad));
        Assert.False(await site.WithDbAsync(db => db.Lessons.AnyAsync(l => l.Slug == bad)));
    }
}

public sealed class EmptySqliteSite() : SiteFactory(DatabaseProvider.Sqlite, TestEnvironment.NewTempDirectory("hh-empty"));

public sealed class EmptyPostgresSite() : SiteFactory(DatabaseProvider.Postgres, TestEnvironment.NewTempDirectory("hh-empty"));

public sealed class ImportTestsOnSqlite(EmptySqliteSite site) : ImportTests<EmptySqliteSite>(site);

public sealed class ImportTestsOnPostgres(EmptyPostgresSite site) : ImportTests<EmptyPostgresSite>(site);
