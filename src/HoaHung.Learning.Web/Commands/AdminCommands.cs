using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Web.Content;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Commands;

public sealed record AdminCommand(string Name, IReadOnlyList<string> Arguments, string[] ConfigurationArgs);

/// <summary>The admin command line of docs/architecture.md §5b: same configuration as the site, exit 0 on success.</summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["migrate", "import-content", "users add", "backup", "rebuild-stats"];

    /// <summary>
    /// A command is the first argument when it is not an option. Options with a ':' in their key
    /// (<c>--App:DataDirectory=/srv/data</c>) are configuration; the rest belong to the command.
    /// </summary>
    public static AdminCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return null;
        var config = args.Skip(1).Where(a => a.StartsWith("--") && a.Contains(':')).ToArray();
        var rest = args.Skip(1).Where(a => !config.Contains(a)).ToArray();
        return new AdminCommand(args[0], rest, config);
    }

    public static async Task<int> RunAsync(WebApplication app, AdminCommand command)
    {
        var ct = CancellationToken.None;
        try
        {
            switch (command.Name)
            {
                case "migrate":
                    await app.Services.GetRequiredService<IDatabaseMaintenance>().MigrateAsync(ct);
                    Console.WriteLine("Đã cập nhật cơ sở dữ liệu. / Database is up to date.");
                    return 0;
                case "import-content":
                    return await ImportAsync(app, command.Arguments.FirstOrDefault(), ct);
                case "users":
                    return await UserCommands.RunAsync(app, command.Arguments, Console.In, ct);
                case "backup":
                    return await BackupAsync(app, command.Arguments.FirstOrDefault(), ct);
                case "rebuild-stats":
                    await app.Services.GetRequiredService<IDatabaseMaintenance>().MigrateAsync(ct);
                    var rows = await app.Services.GetRequiredService<HoaHung.Learning.WardStats.WardStatsRebuild>().RebuildAsync(ct);
                    Console.WriteLine($"Đã tính lại số liệu của phường / Ward figures rebuilt: {rows:N0} rows");
                    return 0;
                default:
                    Console.Error.WriteLine($"Lệnh không hợp lệ: '{command.Name}'. Các lệnh: {string.Join(", ", Names)}.");
                    Console.Error.WriteLine($"Unknown command '{command.Name}'. Commands: {string.Join(", ", Names)}.");
                    return 2;
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Lỗi / Error: {ex.Message}");
            return 1;
        }
        finally
        {
            // A command ends right after its change: the running instances hear of it before the process exits.
            await app.Services.GetRequiredService<HoaHung.Learning.Changes.IChangeRelay>().FlushAsync(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<int> ImportAsync(WebApplication app, string? directory, CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        var dir = string.IsNullOrEmpty(directory) ? options.ContentDirectory : Path.GetFullPath(directory);
        if (File.Exists(dir) || dir.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return await PackCommand.ImportAsync(app, dir, ct);
        if (!Directory.Exists(dir))
        {
            Console.Error.WriteLine($"Không tìm thấy thư mục / Directory not found: {dir}");
            return 2;
        }
        await app.Services.GetRequiredService<IDatabaseMaintenance>().MigrateAsync(ct);
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(dir, ct);
        Console.WriteLine($"Nhập từ / Imported from {dir}");
        Console.WriteLine($"  chủ đề / topics: +{report.TopicsAdded} ~{report.TopicsUpdated}");
        Console.WriteLine($"  bài học / lessons: +{report.LessonsAdded} ~{report.LessonsUpdated} ={report.LessonsUnchanged}");
        Console.WriteLine($"  lộ trình / paths: +{report.PathsAdded} ~{report.PathsUpdated}");
        foreach (var slug in report.DraftsForReview)
            Console.WriteLine($"  bản nháp chờ duyệt (bài đã sửa trên trang) / draft for review: {slug}");
        var words = app.Services.GetRequiredService<ContentWords>();
        foreach (var problem in report.Problems) // worded in Vietnamese: the ward's technician and the volunteers read it
            Console.Error.WriteLine($"  BỎ QUA / SKIPPED {ContentWords.InVietnamese(() => words.Line(problem))}");
        // Problems are reported, not fatal: the rest of the library imported. Exit 3 lets scripts notice them.
        return report.Problems.Count == 0 ? 0 : 3;
    }

    private static async Task<int> BackupAsync(WebApplication app, string? file, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            Console.Error.WriteLine("Cách dùng / Usage: backup FILE");
            return 2;
        }
        var result = await app.Services.GetRequiredService<IDatabaseMaintenance>().BackupAsync(file, ct);
        switch (result)
        {
            case BackupResult.Written w:
                Console.WriteLine($"Đã sao lưu / Backup written: {w.File} ({w.Bytes:N0} bytes)");
                return 0;
            case BackupResult.Instructions i:
                Console.WriteLine("PostgreSQL: dùng pg_dump / use pg_dump:");
                Console.WriteLine(i.CommandLine);
                return 0;
            case BackupResult.Refused r:
                Console.Error.WriteLine($"Không sao lưu / Refused: {r.Reason}");
                return 2;
            default:
                return 1;
        }
    }
}
