using System.Security.Cryptography;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.ContentPacks;

/// <summary>A lesson that fails half-way through its import leaves nothing behind, and never stops the import (issue 16).</summary>
public abstract class ImportFailureTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private int MediaFileCount()
    {
        var dir = Path.Combine(site.DataDirectory, "media");
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Count() : 0;
    }

    [Fact]
    public async Task A_lesson_whose_second_file_is_refused_leaves_no_media_row_and_no_media_file()
    {
        site.EnsureAvailable();
        var slug = Unique("nua-chung");
        var cover = TestMedia.Png(321, 123 + Random.Shared.Next(100));
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A"))
            .Lesson(slug, "Nửa chừng", "chu-de-a", "![Hỏng](hong.png)", "cover: bia.png\n")
            .File($"lessons/{slug}/bia.png", cover).File($"lessons/{slug}/hong.png", TestMedia.Png()[..200]);
        var filesBefore = MediaFileCount();

        var report = await site.ImportAsync(content.Root);

        Assert.Contains(report.Problems, p => p.Path.EndsWith("hong.png"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(cover));
        Assert.False(await site.WithDbAsync(db => db.MediaAssets.AnyAsync(a => a.Sha256 == sha)));
        Assert.False(await site.WithDbAsync(db => db.Lessons.AnyAsync(l => l.Slug == slug)));
        Assert.Equal(filesBefore, MediaFileCount());

        content.File($"lessons/{slug}/hong.png", TestMedia.Png(50, 40));
        var fixedReport = await site.ImportAsync(content.Root);
        Assert.Empty(fixedReport.Problems);
        Assert.True(await site.WithDbAsync(db => db.MediaAssets.AnyAsync(a => a.Sha256 == sha)));
    }

    [Fact]
    public async Task Tags_too_long_for_the_database_skip_their_lesson_and_the_rest_imports()
    {
        site.EnsureAvailable();
        var good = Unique("tot");
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A")).Lesson(good, "Bài tốt", "chu-de-a")
            .File("lessons/nhieu-the/index.md", HostileContentTests.LongTagsLesson("Nhiều thẻ"));

        var report = await site.ImportAsync(content.Root);

        Assert.Equal(1, report.LessonsAdded);
        Assert.Contains(report.Problems, p => p.Path.Contains("nhieu-the") && ContentText.Of(p).Contains("tags"));
        Assert.True(await site.WithDbAsync(db => db.Lessons.AnyAsync(l => l.Slug == good)));
    }

    [Fact]
    public async Task A_topic_description_cut_to_its_column_stays_valid_text()
    {
        site.EnsureAvailable();
        var topic = Unique("chu-de");
        using var content = new ContentFolder()
            .File("topics.yml", $"- slug: {topic}\n  title: Chủ đề\n  description: {new string('a', 999)}😀\n");

        var report = await site.ImportAsync(content.Root);

        Assert.Empty(report.Problems);
        Assert.Equal(new string('a', 999), await site.WithDbAsync(db => db.Topics.Where(t => t.Slug == topic).Select(t => t.Description).SingleAsync()));
    }
}

public sealed class ImportFailureTestsOnSqlite(EmptySqliteSite site) : ImportFailureTests<EmptySqliteSite>(site);

public sealed class ImportFailureTestsOnPostgres(EmptyPostgresSite site) : ImportFailureTests<EmptyPostgresSite>(site);
