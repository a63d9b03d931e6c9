using System.IO.Compression;
using System.Text;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Studio;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>
/// Hòa Hưng exports its path as a pack; the neighbouring ward imports it as drafts, publishes them and has the same
/// lessons. A hostile or broken pack is refused whole, with nothing left in the database or the media folder.
/// </summary>
public abstract class PackTests<TSource, TTarget>(TSource source, TTarget target)
    where TSource : PackSourceSite, new() where TTarget : PackTargetSite, new()
{
    [Fact]
    public async Task A_path_exported_from_one_site_and_imported_into_another_gives_the_same_lessons_once_published()
    {
        target.EnsureAvailable();
        var (exported, file) = await source.ExportAsync(PackKind.Path, PackSourceSite.PathSlug);
        Assert.Equal(2, Assert.IsType<PackExportResult.Written>(exported).Lessons);
        var author = await target.AuthorAsync(StudioSite.TeamA);
        var hadTopic = await target.WithDbAsync(db => db.Topics.AnyAsync(t => t.Slug == "an-toan-tren-mang"));

        var report = Assert.IsType<PackImportResult.Imported>(await target.ImportPackAsync(file, author.Id)).Report;

        Assert.Equal([PackSourceSite.Tutorial, PackSourceSite.Video], report.Lessons.Select(l => l.PackSlug));
        Assert.Equal(hadTopic ? [] : ["An toàn trên mạng"], report.TopicsAdded); // the other tests share this site
        Assert.Equal(["An toàn cơ bản"], report.PathsAdded); // as a draft (PackPathsTests)
        Assert.Equal(5, report.MediaFiles); // 2 pictures; video, captions, poster
        foreach (var lesson in report.Lessons)
        {
            // A draft: invisible to residents, hers and her team's to adapt and send for review.
            var row = await target.WithDbAsync(db => db.Lessons.AsNoTracking().SingleAsync(l => l.Slug == lesson.Slug));
            Assert.Equal((LessonStatus.Draft, author.Id, StudioSite.TeamA, (int?)null), (row.Status, row.AuthorId, row.Team, row.PublishedRevisionId));
            var draft = Assert.IsType<OpenResult.Opened>(await target.Drafts.OpenAsync(author.Id, lesson.Slug, CancellationToken.None)).Draft;
            Assert.Equal((lesson.Title, ReviewState.Editing), (draft.Content.Title, draft.State));
            var library = await target.Media.ListAsync(author.Id, draft.LessonId, CancellationToken.None);
            Assert.All(library!.Where(i => i.Kind == MediaKind.Image), i => Assert.NotEqual("", i.Description));
            var (page, _) = await target.Client(followRedirects: false).GetPageAsync($"/bai-hoc/{lesson.Slug}");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        }

        foreach (var lesson in report.Lessons)
        {
            await target.PublishAsync(lesson.Slug);
            var (expected, actual) = (await PublishedAsync(source, lesson.PackSlug), await PublishedAsync(target, lesson.Slug));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Importing_a_pack_whose_lessons_exist_adds_new_drafts_and_never_touches_the_published_ones()
    {
        target.EnsureAvailable();
        var (_, file) = await source.ExportAsync(PackKind.Lesson, PackSourceSite.Tutorial);
        var admin = await target.StaffAsync(null, Roles.Admin);
        var first = Assert.IsType<PackImportResult.Imported>(await target.ImportPackAsync(file, admin.Id)).Report.Lessons.Single();
        await target.PublishAsync(first.Slug);
        var published = await PublishedAsync(target, first.Slug);

        var second = Assert.IsType<PackImportResult.Imported>(await target.ImportPackAsync(file, admin.Id)).Report.Lessons.Single();

        Assert.NotEqual(first.Slug, second.Slug);
        Assert.StartsWith(PackSourceSite.Tutorial + "-", second.Slug);
        Assert.Equal(published, await PublishedAsync(target, first.Slug));
    }

    [Fact]
    public async Task Only_published_revisions_leave_a_site_and_a_topic_exports_its_published_lessons()
    {
        target.EnsureAvailable();
        var author = await target.AuthorAsync(StudioSite.TeamA);
        var draft = Assert.IsType<OpenResult.Opened>(await target.Drafts.CreateAsync(author.Id,
            new LessonContent { Title = "Bài nháp bí mật", Summary = "Chưa duyệt.", Topic = "dien-thoai", Body = "Nháp." }, CancellationToken.None)).Draft;

        Assert.IsType<PackExportResult.NotFound>((await target.ExportAsync(PackKind.Lesson, draft.Slug)).Result);
        var (topic, file) = await target.ExportAsync(PackKind.Topic, "dien-thoai");

        Assert.Equal(1, Assert.IsType<PackExportResult.Written>(topic).Lessons);
        using var zip = ZipFile.OpenRead(file);
        Assert.Equal(["lessons/bai-cua-phuong/index.md", "topics.yml"], zip.Entries.Select(e => e.FullName).Order());
        Assert.DoesNotContain("Bài nháp bí mật", new StreamReader(zip.GetEntry("lessons/bai-cua-phuong/index.md")!.Open()).ReadToEnd());
    }

    public static TheoryData<string, string> HostilePacks => new()
    {
        { "zip-slip", "ra ngoài gói" },
        { "absolute path", "tuyệt đối" },
        { "symlink", "symlink" },
        { "bomb by ratio", "tỉ lệ nén" },
        { "bomb by total", "giải nén ra hơn" },
        { "10,000 entries", "10" },
        { "unknown type", "loại tệp không được nhận" },
        { "broken YAML", "index.md" },
        { "broken quiz", "quiz.yml" },
        { "picture that is not one", "JPEG, PNG hoặc WebP" },
        { "broken picture after a good one", "ảnh" },
        { "lesson of an unknown topic", "topics.yml" },
        { "not a zip", "không phải tệp .zip" },
        { "path of a lesson not in the pack", "không tìm thấy bài học" },
        { "path of one lesson", "từ 2 đến 30 bài học" },
        { "path named like no slug", "tệp không thuộc định dạng gói bài học" },
        { "path of broken YAML", "paths/lo-trinh-hong.yml" },
    };

    [Theory]
    [MemberData(nameof(HostilePacks))]
    public async Task A_hostile_or_broken_pack_is_refused_whole_with_nothing_left_behind(string kind, string reason)
    {
        target.EnsureAvailable();
        var file = HostilePack(kind);
        var author = await target.AuthorAsync(StudioSite.TeamA);
        var before = await target.FootprintAsync();

        var result = await target.ImportPackAsync(file, author.Id, kind == "bomb by total" ? new PackLimits(MaxUnpackedBytes: 2 * 1024 * 1024) : null);

        var problems = Assert.IsType<PackImportResult.Refused>(result).Problems;
        Assert.Contains(problems, p => PackText.Of(p).Contains(reason, StringComparison.Ordinal));
        Assert.Equal(before, await target.FootprintAsync());
    }

    [Fact]
    public async Task Someone_who_is_not_staff_cannot_import_even_by_calling_the_service()
    {
        target.EnsureAvailable();
        var learner = await target.UserAsync(AccountSeed.UniqueName());
        var before = await target.FootprintAsync();

        var refused = Assert.IsType<PackImportResult.Refused>(await target.ImportPackAsync(PackZip.Write(PackZip.Valid()), learner.Id));

        Assert.Equal(PackReasons.NotAllowed, refused.Problems.Single().Reason);
        Assert.Equal(before, await target.FootprintAsync());
    }

    private static string HostilePack(string kind)
    {
        var valid = PackZip.Valid("bai-hostile");
        (string, byte[], int) Text(string name, string text) => (name, Encoding.UTF8.GetBytes(text), 0);
        switch (kind)
        {
            case "zip-slip": return PackZip.Write([.. valid, Text("lessons/bai-hostile/../../../../tmp/hh-slip.md", "x")]);
            case "absolute path": return PackZip.Write([.. valid, Text("/tmp/hh-absolute.md", "x")]);
            case "symlink": return PackZip.Write([.. valid, ("lessons/bai-hostile/passwd.png", "/etc/passwd"u8.ToArray(), 0xA1FF)]);
            case "bomb by ratio": return PackZip.Write([.. valid, ("lessons/bai-hostile/bom.mp4", new byte[20 * 1024 * 1024], 0)], CompressionLevel.SmallestSize);
            case "bomb by total":
                var noise = new byte[3 * 1024 * 1024];
                new Random(11).NextBytes(noise);
                return PackZip.Write([.. valid, ("lessons/bai-hostile/a.mp4", noise, 0)]);
            case "10,000 entries":
                return PackZip.Write([.. valid, .. Enumerable.Range(0, 10_000).Select(i => Text($"lessons/bai-{i}/index.md", ""))], CompressionLevel.NoCompression);
            case "unknown type": return PackZip.Write([.. valid, Text("lessons/bai-hostile/cai-dat.exe", "MZ")]);
            case "broken YAML": return PackZip.Write([.. valid, Text("lessons/bai-hong/index.md", "---\ntitle: [chưa đóng\nsummary: x\ntopic: an-toan-tren-mang\n---\nx\n")]);
            case "broken quiz": return PackZip.Write([.. valid, Text("lessons/bai-hostile/quiz.yml", "questions:\n  - type: single\n    text: Câu hỏi thiếu lựa chọn\n")]);
            case "picture that is not one": return PackZip.Write([.. valid.Take(2), Text("lessons/bai-hostile/anh.png", "<svg onload=alert(1)></svg>")]);
            case "broken picture after a good one":
                // The good picture is stored first (names in order): it must be deleted when the bad one refuses the pack.
                return PackZip.Write([.. valid.Take(1), Text("lessons/bai-hostile/index.md", PackZip.Index + "\n![Ảnh hỏng](b-hong.png)\n"),
                    ("lessons/bai-hostile/anh.png", TestMedia.Png(310, 207), 0), ("lessons/bai-hostile/b-hong.png", TestMedia.Png(300, 200)[..400], 0)]);
            case "lesson of an unknown topic": return PackZip.Write([.. valid.Skip(1)]);
            case "path of a lesson not in the pack":
                return PackZip.Write([.. valid, Text("paths/lo-trinh-la.yml", "title: Lộ trình lạ\nlessons: [bai-hostile, bai-cua-phuong]\n")]);
            case "path of one lesson": return PackZip.Write([.. valid, Text("paths/lo-trinh-mot-bai.yml", "title: Một bài\nlessons: [bai-hostile]\n")]);
            case "path named like no slug": return PackZip.Write([.. valid, Text("paths/LoTrinh.yml", "title: x\nlessons: [bai-hostile, bai-hostile]\n")]);
            case "path of broken YAML": return PackZip.Write([.. valid, Text("paths/lo-trinh-hong.yml", "title: [chưa đóng\nlessons: *x\n")]);
            default:
                var file = PackZip.Write(valid);
                File.WriteAllText(file, "không phải zip");
                return file;
        }
    }

    /// <summary>What residents read of a published lesson, independent of ids and storage keys.</summary>
    private static Task<string> PublishedAsync(StudioSite site, string slug) => site.WithDbAsync(async db =>
    {
        var lesson = await db.Lessons.AsNoTracking().SingleAsync(l => l.Slug == slug);
        var r = await db.LessonRevisions.AsNoTracking().SingleAsync(x => x.Id == lesson.PublishedRevisionId);
        var media = await db.RevisionMedia.AsNoTracking().Where(m => m.RevisionId == r.Id)
            .Join(db.MediaAssets.AsNoTracking(), m => m.MediaAssetId, a => a.Id, (m, a) => new { m.Path, a })
            .ToListAsync();
        string? PathOf(Guid? id) => media.FirstOrDefault(m => m.a.Id == id)?.Path;
        var files = media.OrderBy(m => m.Path, StringComparer.Ordinal)
            .Select(m => $"{m.Path}:{m.a.Kind}:{m.a.Width}x{m.a.Height}:{(m.a.Kind == MediaKind.Video ? m.a.Sha256 : "")}");
        return string.Join("\n", lesson.Status, lesson.Title, lesson.Summary, lesson.Type, lesson.Level, lesson.Minutes, lesson.Order, lesson.Tags,
            lesson.QuizTitle, lesson.QuizQuestions, lesson.QuizPassMark, r.TopicSlug, r.Body, r.VideoUrl, r.QuizJson,
            PathOf(r.VideoMediaId), PathOf(r.CaptionsMediaId), PathOf(r.PosterMediaId), PathOf(r.CoverMediaId), string.Join(";", files));
    });
}

public sealed class PackTestsOnSqlite(PackSourceSqliteSite source, PackTargetSqliteSite target)
    : PackTests<PackSourceSqliteSite, PackTargetSqliteSite>(source, target), IClassFixture<PackSourceSqliteSite>, IClassFixture<PackTargetSqliteSite>;

public sealed class PackTestsOnPostgres(PackSourcePostgresSite source, PackTargetPostgresSite target)
    : PackTests<PackSourcePostgresSite, PackTargetPostgresSite>(source, target), IClassFixture<PackSourcePostgresSite>, IClassFixture<PackTargetPostgresSite>;
