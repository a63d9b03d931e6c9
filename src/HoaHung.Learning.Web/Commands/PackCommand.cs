using HoaHung.Learning.Data;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Web.Content;
using HoaHung.Learning.Web.Studio.Packs;

namespace HoaHung.Learning.Web.Commands;

/// <summary>
/// <c>import-content FILE.zip</c>: a lesson pack imported as drafts for review (lessons of nobody: reviewers and admins
/// edit them), all or nothing, with the report printed. Exit 0 when imported, 2 when the file is missing, 3 when refused.
/// </summary>
public static class PackCommand
{
    public static async Task<int> ImportAsync(WebApplication app, string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"Không tìm thấy tệp / File not found: {file}");
            return 2;
        }
        await app.Services.GetRequiredService<IDatabaseMaintenance>().MigrateAsync(ct);
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<PackImporter>().ImportAsync(file, null, PackLimits.Default, ct);
        switch (result)
        {
            case PackImportResult.Imported { Report: var report }:
                Console.WriteLine($"Đã nhập gói / Imported pack {file}: {report.Lessons.Count} bài học thành bản nháp chờ duyệt / lessons as drafts, {report.MediaFiles} tệp / files");
                foreach (var lesson in report.Lessons)
                    Console.WriteLine(lesson.Slug == lesson.PackSlug
                        ? $"  + {lesson.Slug}: {lesson.Title}"
                        : $"  + {lesson.Slug} (trong gói / in the pack: {lesson.PackSlug}, tên đã có / slug taken): {lesson.Title}");
                foreach (var topic in report.TopicsAdded)
                    Console.WriteLine($"  chủ đề mới / new topic: {topic}");
                foreach (var path in report.PathsAdded)
                    Console.WriteLine($"  lộ trình mới, chờ duyệt / new path, waiting for review: {path}");
                return 0;
            case PackImportResult.Refused { Problems: var problems }:
                Console.Error.WriteLine($"Từ chối gói, không có gì được thêm / Pack refused, nothing was added: {file}");
                var words = scope.ServiceProvider.GetRequiredService<PackWords>();
                foreach (var problem in problems)
                    Console.Error.WriteLine($"  {ContentWords.InCulture("vi", () => words.Line(problem))} / {ContentWords.InCulture("en", () => words.Message(problem))}");
                return 3;
            default:
                return 1;
        }
    }
}
