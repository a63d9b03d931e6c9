using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// The published-like site on a real Kestrel port (SQLite, fresh data directory, the repo's content/) and one
/// Debian Chromium driven by Playwright. Playwright cannot download browsers here, so it launches
/// /usr/bin/chromium through ExecutablePath. Each test collection below has its own site and browser, and the
/// collections run side by side (most of a browser test is waiting on a page, not work): the run takes the time of
/// the longest collection, not their sum. xunit.runner.json gives one thread per collection: xunit's default (one
/// per core, 2 here) left a collection waiting for another to end.
/// </summary>
public class BrowserSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), $"hh-browser-{Guid.NewGuid():N}");

    /// <summary>A folder that goes when the site does.</summary>
    protected string DataDirectory => dataDir;

    /// <summary>The library the site imports at start: the repo's content/ unless a site needs less.</summary>
    protected virtual string ContentDirectory => Path.Combine(RepoRoot, "content");
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The site's clock, moved forward by tests ("she read for five minutes").</summary>
    public ShiftedTime Clock { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string ScreenshotDirectory => Path.Combine(RepoRoot, "TestResults", "screenshots");
    public const string AdminName = "quantri";
    public const string AdminPassword = "mây trắng bay qua đồi xanh";

    public static string Shot(string name) => Path.Combine(ScreenshotDirectory, $"{name}.png");

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("HH_CHROMIUM") is { Length: > 0 } p ? p : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    /// <summary>Starts <see cref="ChromiumPath"/> at nice 10 for good (chromium-low.sh): the HTTP tests beside it keep their CPU.</summary>
    private static string LowPriorityLauncher => Path.Combine(RepoRoot, "tests", "HoaHung.Learning.BrowserTests", "chromium-low.sh");

    public static void RequireChromium()
    {
        if (ChromiumPath is not null)
            return;
        const string message = "Browser tests need Debian's Chromium (/usr/bin/chromium); `bash tests/run.sh` installs it.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Production refuses any Host for its links (PublicAddress): the names the browser reaches it by.
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1");
        // A build output (not published) finds its static files, precompressed ones included, through the
        // static web assets manifest; outside Development that has to be asked for.
        builder.UseStaticWebAssets();
        builder.UseSetting("App:DataDirectory", dataDir);
        builder.UseSetting("App:ContentDirectory", ContentDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.UseSetting("App:Admin:UserName", AdminName);
        builder.UseSetting("App:Admin:Password", AdminPassword);
        // A sign-in's PBKDF2 at Identity's 100,000 rounds is CPU the run's budget cannot spare (appsettings.Testing.json does the same).
        builder.UseSetting("App:Accounts:PasswordHashIterations", "1000");
        // The kiosk (issue 23): only a browser started with this key is one; it asks after a few seconds, not two minutes.
        builder.UseSetting("App:Kiosk:Key", KioskKey);
        builder.UseSetting("App:Kiosk:IdleSeconds", KioskIdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Read-aloud audio and light videos of all 27 seed lessons cost minutes of ffmpeg and espeak-ng on a 2-core
        // machine: only the read-aloud collection's site makes them (ReadAloudSite).
        builder.UseSetting("App:Media:MakeRenditions", MakeRenditions ? "true" : "false");
        // Tests wait for those files: made at the site's priority, not starved by the tests beside them (Production: nice 10).
        builder.UseSetting("App:Media:Niceness", "0");
    }

    /// <summary>Whether this site makes read-aloud audio and light videos in the background (Production's default).</summary>
    protected virtual bool MakeRenditions => false;

    public const string KioskKey = "khoa-may-quay-mot-cua";
    public const int KioskIdleSeconds = 6; // a few seconds, yet longer than a page load on a busy test machine (a modal question blocks her next tap)

    /// <summary>A fresh page the size of the ward's portrait kiosk screen (1080×1920), Vietnamese locale, touch.</summary>
    public async Task<IPage> KioskScreenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1080, Height = 1920 },
            HasTouch = true,
            Locale = "vi-VN",
            BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask InitializeAsync()
    {
        if (ChromiumPath is null)
            return;
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = File.Exists(LowPriorityLauncher) ? LowPriorityLauncher : ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh page the size of a common phone (390×844), Vietnamese locale.</summary>
    public async Task<IPage> PhoneAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
            JavaScriptEnabled = javaScript,
            BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HoaHung.Learning.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Repository root not found");
    }
}

/// <summary>The real clock moved forward by what a test asks; only ever forward.</summary>
public sealed class ShiftedTime : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, Math.Max(0, by.Ticks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}

/// <summary>
/// The site with read-aloud audio and light videos made, as in Production, for a library of the two lessons its tests
/// open: the whole seed library's files (about 300 read-aloud parts and five videos in three sizes) took up to 13
/// minutes of espeak-ng and ffmpeg beside the other collections, and the tests waited for theirs behind them.
/// </summary>
public sealed class ReadAloudSite : BrowserSite
{
    public static readonly string[] Lessons = ["bat-tat-du-lieu-di-dong", "quet-ma-vietqr"];

    protected override bool MakeRenditions => true;

    protected override string ContentDirectory
    {
        get
        {
            var root = Path.Combine(DataDirectory, "content");
            if (Directory.Exists(root))
                return root;
            var from = Path.Combine(RepoRoot, "content");
            Directory.CreateDirectory(Path.Combine(root, "paths"));
            File.Copy(Path.Combine(from, "topics.yml"), Path.Combine(root, "topics.yml"));
            foreach (var slug in Lessons)
            {
                var source = Path.Combine(from, "lessons", slug);
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(root, "lessons", slug, Path.GetRelativePath(source, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            }
            return root;
        }
    }
}

/// <summary>Learner, class, studio and ward stories: one site, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}

/// <summary>
/// Every page measured at every size (axe, sideways scroll, targets): the longest walks, on their own site beside the
/// stories (a collection fixture is made once per collection).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser-audit";
}

/// <summary>The class pages and staff pages measured at every size: the other half of the audits, on a third site.</summary>
[CollectionDefinition(Name)]
public sealed class StaffAuditCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser-audit-staff";
}

/// <summary>Read-aloud and the light video, on a site that makes the seed library's audio and video files.</summary>
[CollectionDefinition(Name)]
public sealed class ReadAloudCollection : ICollectionFixture<ReadAloudSite>
{
    public const string Name = "browser-read-aloud";
}

public static class PageNavigation
{
    /// <summary>Starts waiting for the URL before clicking, so a fast navigation (or an enhanced one) is never missed.</summary>
    public static async Task ClickAndWaitForUrlAsync(this IPage page, ILocator target, string url)
    {
        var navigated = page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await target.ClickAsync();
        await navigated;
    }

    /// <summary>
    /// Waits for the page to settle and, on a staff page, for it to be live (StaffLayout called <c>hhStaff.live()</c>):
    /// as a person waits for "Đang kết nối…" to go. Until then staff-live.js holds her typing back on purpose (the
    /// prerendered field is replaced), and a quiet network does not mean the circuit is up on a busy machine (a title
    /// filled in that window was held back, and the lesson was named "bai-moi").
    /// </summary>
    public static async Task LiveAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("script[src*='staff-live']").CountAsync() > 0)
            await page.WaitForSelectorAsync("html.hh-live", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    }

    /// <summary>Does something that posts a form, and waits for the page the post redirects to (post, redirect, get).</summary>
    public static async Task SubmitAsync(this IPage page, Func<Task> action)
    {
        var loaded = page.WaitForRequestFinishedAsync(new() { Predicate = r => r.IsNavigationRequest && r.Method == "GET" });
        await action();
        await loaded;
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
