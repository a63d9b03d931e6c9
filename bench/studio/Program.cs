using System.Diagnostics;
using System.Globalization;
using System.Text;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Checks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.StudioBench;

// Studio benchmark (bench/README.md): the server's memory per open editor with N editors open at once (each on a
// different seed lesson, each having sent its body once), and the time of the live checks and preview on a
// 5,000-word lesson. Usage: StudioBench REPO_ROOT [EDITORS=20] [CHROMIUM=/usr/bin/chromium]
internal static class StudioBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var root = args.Length > 0 ? args[0] : throw new ArgumentException("repository root");
        var editors = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var chromium = args.Length > 2 ? args[2] : "/usr/bin/chromium";
        var classPages = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : editors;
        var report = new StringBuilder();

        // The factory looks for the web project beside a solution file; this project is not in the solution.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HOAHUNG_LEARNING_WEB", Path.Combine(root, "src", "HoaHung.Learning.Web"));
        await using var site = new StudioBenchSite(root);
        site.UseKestrel(0);
        site.StartServer();
        var baseUrl = site.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // An admin edits every lesson: N seed lessons, each with its working copy.
        const string user = "benchadmin", password = "một mật khẩu đủ dài 2026";
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = user, DisplayName = "Bench", CreatedAt = DateTime.UtcNow };
            Check((await users.CreateAsync(admin, password)).Succeeded);
            Check((await users.AddToRolesAsync(admin, [Roles.Learner, Roles.Admin])).Succeeded);
        }
        List<string> slugs;
        using (var scope = site.Services.CreateScope())
            slugs = await scope.ServiceProvider.GetRequiredService<LearningDbContext>().Lessons
                .OrderBy(l => l.Id).Select(l => l.Slug).Take(editors + 1).ToListAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "vi-VN" });
        // A machine shared with other work can take far longer than Playwright's 30 s default to sign in or open a page.
        context.SetDefaultTimeout(180_000);
        context.SetDefaultNavigationTimeout(180_000);
        var first = await context.NewPageAsync();
        await first.GotoAsync("/tai-khoan/dang-nhap");
        await first.GetByLabel("Số điện thoại hoặc tên đăng nhập").FillAsync(user);
        await first.GetByLabel("Mật khẩu").FillAsync(password);
        await first.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await first.WaitForURLAsync(url => !url.Contains("/tai-khoan/", StringComparison.Ordinal)); // an admin lands on her tools, a learner on /cua-toi

        // Warm-up: one editor opened, used and closed, so code paths and caches are not counted as editors.
        await OpenAsync(first, slugs[^1]);
        await first.GotoAsync("/soan-bai");
        await Task.Delay(2000);
        var (heapBase, wsBase) = Measure();

        // For comparison: the same number of circuits on the studio home (MudBlazor layout, lists, no editor).
        var homes = new List<IPage>();
        for (var i = 0; i < editors; i++)
        {
            var home = await context.NewPageAsync();
            await home.GotoAsync("/soan-bai");
            await home.WaitForLoadStateAsync(LoadState.NetworkIdle);
            homes.Add(home);
        }
        await Task.Delay(2000);
        var (heapHomes, wsHomes) = Measure();
        foreach (var home in homes)
            await home.CloseAsync();
        await Task.Delay(5000);
        var (heap0, ws0) = Measure();
        await PauseAsync("before-editors", site.Services);

        var pages = new List<IPage>();
        var watch = Stopwatch.StartNew();
        foreach (var slug in slugs.Take(editors))
        {
            var page = await context.NewPageAsync();
            await OpenAsync(page, slug);
            pages.Add(page);
        }
        var openSeconds = watch.Elapsed.TotalSeconds;
        await Task.Delay(4000); // autosave ticks pass
        var (heap1, ws1) = Measure();
        await PauseAsync("editors", site.Services);

        report.AppendLine(CultureInfo.InvariantCulture, $"- for comparison, {editors} circuits on the studio home: {(heapHomes - heapBase) / 1024.0 / editors:F0} KB managed heap each (working set {(wsHomes - wsBase) / 1024.0 / editors:F0} KB)");
        report.AppendLine(CultureInfo.InvariantCulture, $"- editors open at once: {editors} (each on a seed lesson, each typed in once; opened in {openSeconds:F0} s)");
        report.AppendLine(CultureInfo.InvariantCulture, $"- managed heap after a full GC: {heap0 / 1048576.0:F1} MB → {heap1 / 1048576.0:F1} MB = **{(heap1 - heap0) / 1024.0 / editors:F0} KB per editor**");
        report.AppendLine(CultureInfo.InvariantCulture, $"- working set: {ws0 / 1048576.0:F0} MB → {ws1 / 1048576.0:F0} MB = {(ws1 - ws0) / 1024.0 / editors:F0} KB per editor");

        // Class pages (issue 25, item 4): the trainer's page of a class of 25 members with 6 assigned lessons and 8
        // sessions, on its live grid ("Tiến độ", polled every second), one circuit each.
        foreach (var page in pages)
            await page.CloseAsync();
        pages.Clear();
        if (classPages > 0)
        {
            var classIds = new List<int>();
            using (var scope = site.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
                var adminId = (await users.FindByNameAsync(user))!.Id;
                var memberIds = new List<string>();
                for (var m = 1; m <= 25; m++)
                {
                    var member = new AppUser { UserName = $"hocvien{m}", DisplayName = $"Học viên {m}", CreatedAt = DateTime.UtcNow };
                    Check((await users.CreateAsync(member, password)).Succeeded);
                    Check((await users.AddToRoleAsync(member, Roles.Learner)).Succeeded);
                    memberIds.Add(member.Id);
                }
                var lessonIds = await db.Lessons.Where(l => l.Status == LessonStatus.Published && l.Type != LessonType.Quiz)
                    .OrderBy(l => l.Id).Select(l => l.Id).Take(6).ToListAsync();
                for (var c = 1; c <= classPages + 1; c++) // the last one for the warm-up
                {
                    var room = new HoaHung.Learning.Classes.Classroom
                    {
                        Name = $"Lớp đo {c}", JoinCode = $"BEN{c:D3}", AttendanceSecret = new byte[32],
                        CreatedAt = DateTime.UtcNow, ChangedAt = DateTime.UtcNow, CreatedById = adminId,
                        Trainers = [new() { UserId = adminId }],
                        Members = [.. memberIds.Select(id => new HoaHung.Learning.Classes.ClassMember { UserId = id, JoinedAt = DateTime.UtcNow })],
                        Assignments = [.. lessonIds.Select((id, i) => new HoaHung.Learning.Classes.ClassAssignment
                            { Kind = HoaHung.Learning.Classes.AssignmentKind.Lesson, LessonId = id, Position = i, CreatedAt = DateTime.UtcNow })],
                        Sessions = [.. Enumerable.Range(0, 8).Select(w => new HoaHung.Learning.Classes.ClassSession { StartsAt = DateTime.UtcNow.AddDays(7 * (w - 4)) })],
                    };
                    db.Add(room);
                    await db.SaveChangesAsync();
                    classIds.Add(room.Id);
                }
            }
            // Warm-up, as for the editors: one class page opened on its grid and closed, so that what the first one
            // builds once for the whole process (serializers, compiled delegates) is not counted as class pages.
            var warmUp = await context.NewPageAsync();
            await OpenClassAsync(warmUp, classIds[^1]);
            await warmUp.CloseAsync();
            classIds.RemoveAt(classIds.Count - 1);
            await Task.Delay(3000);
            var (heapC0, wsC0) = Measure();
            await PauseAsync("before-classes", site.Services);
            watch.Restart();
            foreach (var id in classIds)
            {
                var page = await context.NewPageAsync();
                await OpenClassAsync(page, id);
                pages.Add(page);
            }
            var classSeconds = watch.Elapsed.TotalSeconds;
            await Task.Delay(4000); // the grids poll a few times
            var (heapC1, wsC1) = Measure();
            await PauseAsync("classes", site.Services);
            report.AppendLine(CultureInfo.InvariantCulture, $"- class pages open at once: {classPages} (each a class of 25 members, 6 assigned lessons, 8 sessions, on its live grid; opened in {classSeconds:F0} s)");
            report.AppendLine(CultureInfo.InvariantCulture, $"- managed heap after a full GC: {heapC0 / 1048576.0:F1} MB → {heapC1 / 1048576.0:F1} MB = **{(heapC1 - heapC0) / 1024.0 / classPages:F0} KB per class page**");
            report.AppendLine(CultureInfo.InvariantCulture, $"- working set: {wsC0 / 1048576.0:F0} MB → {wsC1 / 1048576.0:F0} MB = {(wsC1 - wsC0) / 1024.0 / classPages:F0} KB per class page");
        }

        // Checks and preview on a 5,000-word lesson (the seed library's bodies, repeated).
        using (var scope = site.Services.CreateScope())
        {
            var bodies = await scope.ServiceProvider.GetRequiredService<LearningDbContext>().LessonRevisions.Select(r => r.Body).ToListAsync();
            var text = new StringBuilder();
            while (VietnameseText.CountWords(text.ToString()) < 5000)
                foreach (var body in bodies)
                    text.Append(body).Append("\n\n");
            var words = text.ToString().Split(' ');
            var cut = 0;
            for (var count = 0; count < 5000 && cut < words.Length; cut++)
                count += VietnameseText.CountWords(words[cut]);
            var lesson = new LessonContent { Title = "Bài dài", Summary = "Tóm tắt.", Body = string.Join(' ', words.Take(cut)) };
            var markdown = scope.ServiceProvider.GetRequiredService<LessonMarkdown>();
            var none = new Dictionary<string, MediaKind>();
            var noFiles = new Dictionary<string, MediaAsset>();
            var checks = Time(() => ReadingChecks.Run(lesson, none));
            var preview = Time(() => DraftPreview.Render(markdown, lesson, noFiles));
            report.AppendLine(CultureInfo.InvariantCulture, $"- 5,000-word lesson ({lesson.Body.Length:N0} characters): checks **{checks:F1} ms**, preview **{preview:F1} ms** (median of 50)");
        }

        Console.Write(report);
        foreach (var page in pages)
            await page.CloseAsync();
        return 0;
    }

    private static async Task OpenAsync(IPage page, string slug)
    {
        await page.GotoAsync($"/soan-bai/{slug}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var body = page.GetByLabel("Nội dung").First; // the lesson is cards now: the first card's text
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Thêm.");
        await page.WaitForTimeoutAsync(900); // the body reaches the server, checks and preview run
    }

    // Diagnostics: with STUDIO_PAUSE=DIR the bench writes DIR/STAGE.pid and waits while that file exists, so that a heap
    // snapshot (dotnet-gcdump collect -p PID) can be taken with the pages open.
    private static async Task PauseAsync(string stage, IServiceProvider services)
    {
        if (Environment.GetEnvironmentVariable("STUDIO_PAUSE") is not { Length: > 0 } dir) return;
        await File.WriteAllTextAsync(Path.Combine(dir, stage + ".census"), CircuitCensus.Take(services));
        var file = Path.Combine(dir, stage + ".pid");
        await File.WriteAllTextAsync(file, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        while (File.Exists(file))
            await Task.Delay(500);
    }

    private static async Task OpenClassAsync(IPage page, int id)
    {
        await page.GotoAsync($"/lop-hoc/{id}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tiến độ" }).ClickAsync();
        await page.Locator("table.grid").WaitForAsync();
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static double Time(Action work)
    {
        for (var i = 0; i < 10; i++) work();
        var samples = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static void Check(bool ok)
    {
        if (!ok) throw new InvalidOperationException("Could not create the benchmark's admin.");
    }
}

/// <summary>The site on a real port over a fresh SQLite data directory and the repository's seed library.</summary>
internal sealed class StudioBenchSite(string root) : WebApplicationFactory<global::Program>
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"hh-studio-bench-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1"); // Production refuses any Host for its links (PublicAddress)
        builder.UseStaticWebAssets();
        builder.UseSetting("App:DataDirectory", data);
        builder.UseSetting("App:ContentDirectory", Path.Combine(root, "content"));
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
