using System.IO.Compression;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Studio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>
/// Hòa Hưng: a library with a learning path of two published lessons — a tutorial with pictures, steps and a quiz with
/// a picture question, and a video lesson with its captions and poster — to export.
/// </summary>
public abstract class PackSourceSite(DatabaseProvider provider) : StudioSite(provider, Library())
{
    public const string PathSlug = "an-toan-co-ban";
    public const string Tutorial = "nhan-biet-tin-nhan-gia";
    public const string Video = "xem-video-otp";

    private static ContentFolder Library() => new ContentFolder()
        .Topics(("an-toan-tren-mang", "An toàn trên mạng"), ("dien-thoai", "Điện thoại"))
        .File($"lessons/{Tutorial}/index.md", "---\ntitle: Nhận biết tin nhắn giả danh ngân hàng\nsummary: Cách nhận ra tin nhắn lừa đảo.\n"
            + "topic: an-toan-tren-mang\ntype: tutorial\nlevel: beginner\nminutes: 7\norder: 20\ntags: [lừa đảo, ngân hàng, \"OTP: mã\"]\ncover: buoc-1.png\n---\n"
            + "## Dấu hiệu\n\n:::steps\n1. Mở tin nhắn.\n\n   ![Tin nhắn báo khóa tài khoản, có đường dẫn lạ](buoc-1.png)\n\n2. Không bấm vào đường dẫn.\n:::\n\n"
            + ":::warning Không bao giờ đọc mã OTP cho người khác\nNgân hàng không bao giờ hỏi mã OTP.\n:::\n")
        .File($"lessons/{Tutorial}/buoc-1.png", TestMedia.Png(640, 480))
        .File($"lessons/{Tutorial}/buoc-2.png", TestMedia.Png(320, 240))
        .File($"lessons/{Tutorial}/quiz.yml", "pass_mark: 80\nshuffle_options: false\nquestions:\n"
            + "  - type: single\n    text: Ngân hàng có hỏi mã OTP không?\n    explanation: Không bao giờ.\n    options:\n"
            + "      - text: Không bao giờ\n        correct: true\n      - text: Có, khi gọi điện\n        feedback: Đó là kẻ lừa đảo.\n"
            + "  - type: image\n    text: Hình nào là tin nhắn lừa đảo?\n    explanation: Đường dẫn lạ.\n    options:\n"
            + "      - { image: buoc-1.png, text: Tin nhắn có đường dẫn lạ, correct: true }\n      - { image: buoc-2.png, text: Tin nhắn của người thân }\n"
            + "  - type: text\n    text: Mã OTP thường có mấy chữ số?\n    explanation: Sáu.\n    answers: [\"6\", sáu]\n")
        .File($"lessons/{Video}/index.md", "---\ntitle: Xem video về mã OTP\nsummary: Một video ngắn.\ntopic: an-toan-tren-mang\n"
            + "type: video\nvideo: bai-giang.mp4\ncaptions: bai-giang.vi.vtt\nposter: bia.png\n---\nXem video rồi làm theo.\n")
        .File($"lessons/{Video}/bai-giang.mp4", TestMedia.Mp4())
        .File($"lessons/{Video}/bai-giang.vi.vtt", TestMedia.Vtt("Không đọc mã OTP cho ai"))
        .File($"lessons/{Video}/bia.png", TestMedia.Png(400, 225))
        .Path(PathSlug, "An toàn cơ bản", Tutorial, Video);
}

/// <summary>The neighbouring ward: one topic of its own, nothing of Hòa Hưng's.</summary>
public abstract class PackTargetSite(DatabaseProvider provider)
    : StudioSite(provider, new ContentFolder().Topics(("dien-thoai", "Điện thoại")).Lesson("bai-cua-phuong", "Bài của phường", "dien-thoai"));

public sealed class PackSourceSqliteSite() : PackSourceSite(DatabaseProvider.Sqlite);

public sealed class PackSourcePostgresSite() : PackSourceSite(DatabaseProvider.Postgres);

public sealed class PackTargetSqliteSite() : PackTargetSite(DatabaseProvider.Sqlite);

public sealed class PackTargetPostgresSite() : PackTargetSite(DatabaseProvider.Postgres);

/// <summary>Packs in tests: export to a file, import a file, publish an imported draft, count what a site holds.</summary>
public static class PackSiteExtensions
{
    public static async Task<(PackExportResult Result, string File)> ExportAsync(this SiteFactory site, PackKind kind, string slug)
    {
        var file = Path.Combine(TestEnvironment.NewTempDirectory("hh-pack-out"), "goi.zip");
        using var scope = site.Services.CreateScope();
        await using var stream = File.Create(file);
        return (await scope.ServiceProvider.GetRequiredService<PackExporter>().ExportAsync(kind, slug, stream, CancellationToken.None), file);
    }

    public static async Task<PackImportResult> ImportPackAsync(this SiteFactory site, string file, string? actorId, PackLimits? limits = null)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PackImporter>().ImportAsync(file, actorId, limits ?? PackLimits.Default, CancellationToken.None);
    }

    /// <summary>Publishes the newest revision of an imported draft, as a reviewer's "Xuất bản" will.</summary>
    public static Task<int> PublishAsync(this SiteFactory site, string slug) => site.WithDbAsync(async db =>
    {
        var lesson = await db.Lessons.SingleAsync(l => l.Slug == slug);
        var revisionId = await db.LessonDrafts().Where(d => d.LessonId == lesson.Id).Select(d => d.LastRevisionId).SingleAsync();
        var revision = await db.LessonRevisions.SingleAsync(r => r.Id == revisionId);
        var topicId = await db.Topics.Where(t => t.Slug == revision.TopicSlug).Select(t => t.Id).SingleAsync();
        Publishing.Publish(lesson, revision, topicId, DateTime.UtcNow);
        return await db.SaveChangesAsync();
    });

    /// <summary>Rows of every table an import writes to, and the files of the media folder.</summary>
    public static async Task<string> FootprintAsync(this StudioSite site)
    {
        var rows = await site.WithDbAsync(async db => string.Join(",",
            await db.Topics.CountAsync(), await db.Lessons.CountAsync(), await db.LessonRevisions.CountAsync(), await db.RevisionMedia.CountAsync(),
            await db.LessonDrafts().CountAsync(), await db.LessonMedia().CountAsync(), await db.MediaAssets.CountAsync(), await db.LearningPaths.CountAsync()));
        IEnumerable<string> files = Directory.Exists(site.MediaDirectory)
            ? Directory.GetFiles(site.MediaDirectory, "*", SearchOption.AllDirectories).Order()
            : [];
        return rows + "|" + string.Join(",", files.Select(Path.GetFileName));
    }
}

/// <summary>Builds .zip files entry by entry, hostile ones included (names, Unix modes, sizes the content reader never sees).</summary>
public static class PackZip
{
    public const string Topics = "- slug: an-toan-tren-mang\n  title: An toàn trên mạng\n  icon: shield\n";
    public const string Index = "---\ntitle: Bài trong gói\nsummary: Một bài nhỏ.\ntopic: an-toan-tren-mang\n---\nNội dung.\n\n![Ảnh màn hình điện thoại](anh.png)\n";

    /// <summary>A small valid pack: topics.yml and one lesson with a picture.</summary>
    public static List<(string Name, byte[] Bytes, int Mode)> Valid(string slug = "bai-trong-goi") =>
    [
        ("topics.yml", System.Text.Encoding.UTF8.GetBytes(Topics), 0),
        ($"lessons/{slug}/index.md", System.Text.Encoding.UTF8.GetBytes(Index), 0),
        ($"lessons/{slug}/anh.png", TestMedia.Png(300, 200), 0),
    ];

    /// <summary>Writes the entries (Unix mode in the high bits of the external attributes when not 0) to a new file.</summary>
    public static string Write(IEnumerable<(string Name, byte[] Bytes, int Mode)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        var file = Path.Combine(TestEnvironment.NewTempDirectory("hh-pack-in"), "goi.zip");
        using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
        foreach (var (name, bytes, mode) in entries)
        {
            var entry = zip.CreateEntry(name, level);
            if (mode != 0)
                entry.ExternalAttributes = mode << 16;
            using var stream = entry.Open();
            stream.Write(bytes);
        }
        return file;
    }
}
