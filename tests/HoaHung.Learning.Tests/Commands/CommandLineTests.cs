using System.Diagnostics;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Commands;

/// <summary>The admin commands of docs/architecture.md §5b, run as a real process the way an operator runs them.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string dataDir = TestEnvironment.NewTempDirectory("hh-cli");

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    private async Task<(int Exit, string Out, string Err)> RunWithInputAsync(string? input, params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "bin", configuration, "net10.0", "HoaHung.Learning.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["App__DataDirectory"] = dataDir;
        start.Environment["App__ContentDirectory"] = Path.Combine(dataDir, "no-content");
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        if (input is not null)
            await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(' ', args)} did not finish: {await stderr}");
        }
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
        Assert.Contains("thiếu phần đầu YAML (front matter)", errors); // worded in Vietnamese, from the web's resources

        content.File("lessons/bai-hong/index.md", "---\ntitle: Sửa rồi\nsummary: Đã sửa.\ntopic: chu-de-a\n---\nThân bài");
        var (again, output2, _) = await RunAsync("import-content", content.Root);
        Assert.Equal(0, again);
        Assert.Contains("+1 ~0 =1", output2);
    }

    [Fact]
    public async Task Import_content_always_finishes_and_exits_3_with_its_report_when_files_are_broken()
    {
        using var content = ContentPacks.HostileContentTests.GoodLibrary()
            .File("lessons/bai-yaml-hong/index.md", "---\ntitle: [unclosed\nsummary: Tóm tắt\ntopic: chu-de-a\n---\nThân bài\n")
            .Lesson("bai-vo-tan", "Bài vô tận", "chu-de-a", "![Hình](vo-tan.png)")
            .Lesson("bai-fifo", "Bài FIFO", "chu-de-a", "![Hình](ong.png)");
        File.CreateSymbolicLink(content.PathOf("lessons/bai-vo-tan/vo-tan.png"), "/dev/zero");
        ContentPacks.HostileContentTests.MakeFifo(content.PathOf("lessons/bai-fifo/ong.png"));

        var (exit, output, errors) = await RunAsync("import-content", content.Root);

        Assert.True(exit == 3, errors);
        Assert.Contains("bài học / lessons: +2", output);
        foreach (var broken in new[] { "bai-yaml-hong", "bai-vo-tan", "bai-fifo" })
            Assert.Contains(Path.Combine(broken, "index.md"), errors);
        Assert.Contains("YAML sai cú pháp", errors); // worded in Vietnamese
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

    [Fact]
    public async Task Users_add_creates_a_staff_account_with_the_password_from_standard_input()
    {
        var (exit, output, err) = await RunWithInputAsync("một mật khẩu thật dài", "users", "add", "--username", "to.cns.kp7", "--role", "author",
            "--display-name", "Tổ công nghệ số KP7");
        Assert.True(exit == 0, err);
        Assert.Contains("to.cns.kp7 (Author)", output);

        var (again, _, againErr) = await RunWithInputAsync("một mật khẩu thật dài", "users", "add", "--username", "TO.CNS.KP7", "--role", "Admin");
        Assert.Equal(2, again);
        Assert.Contains("đã tồn tại", againErr);
    }

    [Fact]
    public async Task Users_add_makes_a_ward_official_and_rebuild_stats_recounts_the_figures()
    {
        var (exit, output, err) = await RunWithInputAsync("một mật khẩu thật dài", "users", "add", "--username", "canbo.phuong", "--role", "official",
            "--display-name", "Cán bộ phường");
        Assert.True(exit == 0, err);
        Assert.Contains("canbo.phuong (Official)", output);

        var (rebuilt, rebuildOutput, rebuildErr) = await RunAsync("rebuild-stats");
        Assert.True(rebuilt == 0, rebuildErr);
        Assert.Contains("Ward figures rebuilt", rebuildOutput);
    }

    [Theory]
    [InlineData("12345678", "users", "add", "--username", "quantri2", "--role", "Admin")]
    [InlineData("một mật khẩu thật dài", "users", "add", "--username", "quantri3", "--role", "Boss")]
    [InlineData("một mật khẩu thật dài", "users", "add", "--username")]
    [InlineData("", "users", "add", "--username", "quantri4", "--role", "Admin")]
    public async Task Users_add_refuses_weak_passwords_unknown_roles_and_missing_options(string password, params string[] args)
    {
        var (exit, _, err) = await RunWithInputAsync(password, args);
        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(err));
    }
}
