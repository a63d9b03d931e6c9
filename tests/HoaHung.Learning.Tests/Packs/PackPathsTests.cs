using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Studio;
using HoaHung.Learning.Web.Studio.Packs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>
/// Packs carry learning paths (issue 26): a path of the pack arrives as a draft holding the pack's lessons in its order,
/// seen by nobody — home, its own page, a lesson's links, the API — until a reviewer publishes one of its lessons,
/// whoever imported it; lesson and topic packs carry the public paths wholly inside them, never a draft one.
/// </summary>
public abstract class PackPathsTests<TSite>(TSite site) where TSite : PackSourceSite
{
    [Theory]
    [InlineData("author")]
    [InlineData("reviewer")]
    public async Task A_path_from_a_pack_stays_unseen_until_a_reviewer_publishes_one_of_its_lessons(string who)
    {
        site.EnsureAvailable();
        var importer = who == "author" ? await site.AuthorAsync(StudioSite.TeamA) : await site.StaffAsync(null, Roles.Reviewer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (path, first, second) = ($"lo-trinh-khan-{tag}", $"bai-dau-{tag}", $"bai-sau-{tag}");
        var title = $"Hỗ trợ khẩn {tag}: gọi 0900000000";
        var file = PackZip.Write([
            ("topics.yml", Encoding.UTF8.GetBytes(PackZip.Topics), 0),
            ($"lessons/{first}/index.md", Encoding.UTF8.GetBytes(PackZip.Index.Replace("Bài trong gói", "Bài đầu " + tag)), 0),
            ($"lessons/{first}/anh.png", TestMedia.Png(300, 200), 0),
            ($"lessons/{second}/index.md", Encoding.UTF8.GetBytes(PackZip.Index.Replace("Bài trong gói", "Bài sau " + tag)), 0),
            ($"lessons/{second}/anh.png", TestMedia.Png(300, 201), 0),
            // Listed second first: the path keeps the pack's order, not the lessons' names.
            ($"paths/{path}.yml", Encoding.UTF8.GetBytes($"title: \"{title}\"\nsummary: Gọi ngay.\nlessons: [{second}, {first}]\n"), 0),
        ]);

        using var response = await site.UploadAsync(importer, PackEndpoints.Import, new ByteArrayContent(await File.ReadAllBytesAsync(file)), "goi.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<PackAnswer>())!.Report!;
        Assert.Equal([title], report.PathsAdded);
        Assert.Empty(report.PathsJoined);
        var stored = await site.WithDbAsync(db => db.LearningPaths.AsNoTracking().Where(p => p.Slug == path)
            .Select(p => new { p.IsDraft, Lessons = p.Lessons.OrderBy(l => l.Position).Select(l => l.Lesson.Slug).ToList() }).SingleAsync());
        Assert.True(stored.IsDraft);
        Assert.Equal([second, first], stored.Lessons);
        Assert.False(await ShownAsync(path, title, first));

        // A reviewer publishes one lesson (what "Xuất bản" does): the path goes public with it, with that lesson only.
        var reviewer = await site.StaffAsync(null, Roles.Reviewer);
        var (lessonId, revisionId) = await site.WithDbAsync(async db => await db.LessonDrafts().Where(d => d.Lesson.Slug == first)
            .Select(d => new { d.LessonId, d.LastRevisionId }).SingleAsync() is var d ? (d.LessonId, d.LastRevisionId!.Value) : default);
        Assert.True(await site.Services.GetRequiredService<LessonPublisher>().PublishAsync(lessonId, revisionId, reviewer.Id, CancellationToken.None));

        Assert.True(await ShownAsync(path, title, first));
        var (page, doc) = await site.Client(followRedirects: false).GetPageAsync($"/lo-trinh/{path}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"/bai-hoc/{first}", doc.Body!.InnerHtml);
        Assert.DoesNotContain($"/bai-hoc/{second}", doc.Body!.InnerHtml); // still a draft
        Assert.Equal(1, await site.WithDbAsync(db => db.PathLessons.CountAsync(pl => pl.Lesson.Slug == first))); // joined once, not again at its end
    }

    /// <summary>Home, the path's page, its lesson's page (path links) and the API, for anyone; all or none.</summary>
    private async Task<bool> ShownAsync(string path, string title, string lesson)
    {
        var client = site.Client(followRedirects: false);
        var home = await client.GetStringAsync("/");
        var pathPage = await client.GetAsync($"/lo-trinh/{path}");
        var lessonPage = await client.GetAsync($"/bai-hoc/{lesson}");
        var api = await client.GetAsync($"/api/v1/lessons/{lesson}");
        var onLessonPage = lessonPage.IsSuccessStatusCode && (await lessonPage.Content.ReadAsStringAsync()).Contains($"/lo-trinh/{path}", StringComparison.Ordinal);
        bool[] seen = [home.Contains(title, StringComparison.Ordinal), pathPage.StatusCode == HttpStatusCode.OK, onLessonPage, api.IsSuccessStatusCode];
        Assert.True(seen.All(s => s) || seen.All(s => !s), $"home, path page, lesson page, API: {string.Join(", ", seen)}");
        return seen[0];
    }

    [Fact]
    public async Task A_topic_pack_carries_the_public_paths_wholly_inside_it_and_a_lesson_pack_none()
    {
        site.EnsureAvailable();

        var (topic, topicFile) = await site.ExportAsync(PackKind.Topic, "an-toan-tren-mang");
        var (lesson, lessonFile) = await site.ExportAsync(PackKind.Lesson, PackSourceSite.Tutorial);

        Assert.IsType<PackExportResult.Written>(topic);
        Assert.IsType<PackExportResult.Written>(lesson);
        using (var zip = ZipFile.OpenRead(topicFile))
        {
            var yaml = new StreamReader(zip.GetEntry($"paths/{PackSourceSite.PathSlug}.yml")!.Open()).ReadToEnd();
            Assert.Contains("An toàn cơ bản", yaml);
            Assert.True(yaml.IndexOf(PackSourceSite.Tutorial, StringComparison.Ordinal) < yaml.IndexOf(PackSourceSite.Video, StringComparison.Ordinal));
        }
        using (var zip = ZipFile.OpenRead(lessonFile))
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("paths/", StringComparison.Ordinal));

        // Imported back here, where the path exists: it is not touched, its lessons will join it when published.
        var admin = await site.StaffAsync(null, Roles.Admin);
        var pathId = await site.WithDbAsync(db => db.LearningPaths.Where(p => p.Slug == PackSourceSite.PathSlug).Select(p => p.Id).SingleAsync());
        var before = await site.WithDbAsync(db => db.PathLessons.CountAsync(pl => pl.PathId == pathId));
        var report = Assert.IsType<PackImportResult.Imported>(await site.ImportPackAsync(topicFile, admin.Id)).Report;
        Assert.Equal([PackSourceSite.PathSlug], report.PathsJoined);
        Assert.Empty(report.PathsAdded);
        Assert.Equal(before, await site.WithDbAsync(db => db.PathLessons.CountAsync(pl => pl.PathId == pathId)));
    }

    [Fact]
    public async Task A_draft_path_never_leaves_the_site()
    {
        site.EnsureAvailable();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var author = await site.AuthorAsync(StudioSite.TeamA);
        var file = PackZip.Write([
            ("topics.yml", Encoding.UTF8.GetBytes(PackZip.Topics), 0),
            ($"lessons/a-{tag}/index.md", Encoding.UTF8.GetBytes(PackZip.Index), 0), ($"lessons/a-{tag}/anh.png", TestMedia.Png(300, 202), 0),
            ($"lessons/b-{tag}/index.md", Encoding.UTF8.GetBytes(PackZip.Index), 0), ($"lessons/b-{tag}/anh.png", TestMedia.Png(300, 203), 0),
            ($"paths/nhap-{tag}.yml", Encoding.UTF8.GetBytes($"title: Nháp {tag}\nlessons: [a-{tag}, b-{tag}]\n"), 0),
        ]);
        Assert.IsType<PackImportResult.Imported>(await site.ImportPackAsync(file, author.Id));
        // Its lessons published behind the reviewer's back (straight in the database): the path is still a draft.
        await site.PublishAsync($"a-{tag}");
        await site.PublishAsync($"b-{tag}");

        Assert.IsType<PackExportResult.NotFound>((await site.ExportAsync(PackKind.Path, $"nhap-{tag}")).Result);
        using var zip = ZipFile.OpenRead((await site.ExportAsync(PackKind.Topic, "an-toan-tren-mang")).File);
        Assert.DoesNotContain(zip.Entries, e => e.FullName == $"paths/nhap-{tag}.yml");
    }
}

public sealed class PackPathsTestsOnSqlite(PackSourceSqliteSite site) : PackPathsTests<PackSourceSqliteSite>(site), IClassFixture<PackSourceSqliteSite>;

public sealed class PackPathsTestsOnPostgres(PackSourcePostgresSite site) : PackPathsTests<PackSourcePostgresSite>(site), IClassFixture<PackSourcePostgresSite>;
