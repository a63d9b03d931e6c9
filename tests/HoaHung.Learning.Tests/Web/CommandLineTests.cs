using System.Diagnostics;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Web;

/// <summary>The admin commands of ARCHITECTURE.md §5b, run as a real process the way an operator runs them.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string dataDir = TestEnvironment.NewTempDirectory("hh-cli");

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "bin", configuration, "net10.0", "HoaHung.Learning.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["App__DataDirectory"] = dataDir;
        start.Environment["App__ContentDirectory"] = Path.Combine(dataDir, "no-content");
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Migrate_creates_the_database_and_exits_0()
    {
        var (exit, _, err) = await RunAsync("migrate");
        Assert.True(exit == 0, err);
        Assert.True(File.Exists(Path.Combine(dataDir, "hoahung.db")));
    }

    [Fact]
    public async Task Import_content_reports_what_it_did_and_names_broken_files()
    {
        using var content = new ContentFolder().Topics(("chu-de-a", "Chủ đề A")).Lesson("bai-mot", "Bài một", "chu-de-a")
            .File("lessons/bai-hong/index.md", "không có phần đầu");
        var (exit, output, errors) = await RunAsync("import-content", content.Root);
        Assert.Equal(3, exit);
        Assert.Contains("+1", output);
        Assert.Contains(Path.Combine("bai-hong", "index.md"), errors);

        content.File("lessons/bai-hong/index.md", "---\ntitle: Sửa rồi\nsummary: Đã sửa.\ntopic: chu-de-a\n---\nThân bài");
        var (again, output2, _) = await RunAsync("import-content", content.Root);
        Assert.Equal(0, again);
        Assert.Contains("+1 ~0 =1", output2);
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_and_never_overwrites()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        var file = Path.Combine(dataDir, "backups", "ban-sao.db");
        var (exit, output, err) = await RunAsync("backup", file);
        Assert.True(exit == 0, err);
        Assert.Contains(file, output);
        var header = new byte[15];
        await using (var stream = File.OpenRead(file))
            await stream.ReadExactlyAsync(header);
        Assert.Equal("SQLite format 3", System.Text.Encoding.ASCII.GetString(header));

        Assert.Equal(2, (await RunAsync("backup", file)).Exit);
    }

    [Fact]
    public async Task An_unknown_command_exits_non_zero_with_a_message()
    {
        var (exit, _, err) = await RunAsync("xoa-het");
        Assert.Equal(2, exit);
        Assert.Contains("xoa-het", err);
    }

    public void Dispose()
    {
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }
}
