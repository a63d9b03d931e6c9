using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// Learning without a connection (issue 24 item 1, docs/architecture.md §3 "Offline"): a resident saves a lesson and a
/// path, opens them with no connection, taps "done" offline and it is counted once when the phone is online again;
/// an unsaved page shows the offline page; nothing personal is ever served from the worker's cache.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineTests(BrowserSite site)
{
    private const string Lesson = "dang-ky-vneid-muc-1";
    private const string LessonTitle = "Đăng ký tài khoản định danh điện tử mức 1 trên VNeID";
    private const string Path = "bat-dau-voi-dien-thoai-thong-minh";
    private const string PathLesson = "ket-noi-wi-fi";
    private const string Unsaved = "vneid-la-gi";
    private const string SaveName = "Lưu để học khi không có mạng";
    private static int counter;

    private static string Shot(string name) => BrowserSite.Shot(name);

    /// <summary>A phone whose browser runs the site's service worker (390×844).</summary>
    private async Task<IPage> PhoneAsync()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
            BaseURL = site.BaseUrl,
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        var page = await context.NewPageAsync();
        return page;
    }

    /// <summary>Opens a page and waits for the worker; a reader's first page does not register it, so it is opened twice.</summary>
    private static async Task OpenControlledAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 15_000 });
    }

    private static async Task SaveAsync(IPage page)
    {
        var box = page.Locator("[data-save]");
        await Assertions.Expect(box).ToBeVisibleAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = SaveName });
        await Assertions.Expect(button).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\(khoảng \d+(,\d)? MB\)"));
        await button.ClickAsync();
        await Assertions.Expect(box.Locator("[data-save-label]")).ToHaveTextAsync("✓ Đã lưu", new() { Timeout = 30_000 });
    }

    private static Task AssertEveryPictureShownAsync(IPage page) => page.WaitForFunctionAsync("""
        () => {
          const imgs = [...document.querySelectorAll('.lesson__body img')];
          imgs.forEach(i => i.loading = 'eager');
          return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);
        }
        """, null, new() { Timeout = 15_000 });

    private int ProgressRequestsSince(DateTime since)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        return db.Set<ProgressRequest>().Count(r => r.ReceivedAt >= since);
    }

    [Fact]
    public async Task A_saved_lesson_and_path_open_offline_and_a_done_tap_offline_counts_once_when_online_again()
    {
        BrowserSite.RequireChromium();
        var started = site.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var page = await PhoneAsync();
        await OpenControlledAsync(page, $"/bai-hoc/{Lesson}");
        await page.ScreenshotAsync(new() { Path = Shot("offline-save-button") });
        await SaveAsync(page);
        await page.GotoAsync($"/lo-trinh/{Path}");
        await SaveAsync(page);

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/da-luu");
        var list = page.Locator("[data-saved-items]");
        await Assertions.Expect(list).ToContainTextAsync(LessonTitle);
        await Assertions.Expect(list).ToContainTextAsync("Bắt đầu với điện thoại thông minh");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Xóa: {LessonTitle}" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("offline-saved-390x844"), FullPage = true });

        await page.ClickAndWaitForUrlAsync(list.GetByRole(AriaRole.Link, new() { Name = LessonTitle }), $"**/bai-hoc/{Lesson}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(LessonTitle);
        await AssertEveryPictureShownAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("offline-lesson-390x844") });

        // A lesson saved with its path opens from its own address, pictures included.
        await page.GotoAsync($"/bai-hoc/{PathLesson}");
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Bạn đang không có mạng");
        await Assertions.Expect(page.Locator(".lesson-done__button")).ToBeVisibleAsync();

        await page.GotoAsync($"/bai-hoc/{Lesson}");
        await page.SubmitAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tôi đã học xong bài này" }).ClickAsync());
        await Assertions.Expect(page.Locator("[data-done-queued]")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-done-queued]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(LessonTitle);
        Assert.Equal(0, ProgressRequestsSince(started));

        // An unsaved page: the friendly offline page, listing what is saved.
        await page.GotoAsync($"/bai-hoc/{Unsaved}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bạn đang không có mạng");
        await Assertions.Expect(page.Locator("[data-saved-items]")).ToContainTextAsync(LessonTitle);
        await page.ScreenshotAsync(new() { Path = Shot("offline-page-390x844"), FullPage = true });

        await page.Context.SetOfflineAsync(false);
        await page.GotoAsync($"/bai-hoc/{Lesson}");
        await page.WaitForFunctionAsync("""
            async () => (await (await caches.open('hh-outbox')).keys()).length === 0
              && (await (await fetch(location.pathname.replace('/bai-hoc/', '/tien-do/'))).json()).completed
            """, null, new() { Timeout = 15_000, PollingInterval = 250 });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-done-state]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-done-queued]")).ToBeHiddenAsync();
        Assert.Equal(1, ProgressRequestsSince(started)); // the tap, once

        // "Xóa" removes a saved lesson and its pictures.
        await page.GotoAsync("/da-luu");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Xóa: {LessonTitle}" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-saved-items]")).Not.ToContainTextAsync(LessonTitle);
        Assert.False(await page.EvaluateAsync<bool>($"async () => !!(await caches.match('/bai-hoc/{Lesson}'))"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_signed_in_readers_pages_are_never_served_from_the_workers_cache()
    {
        BrowserSite.RequireChromium();
        var page = await PhoneAsync();
        var name = $"Võ Thị Riêng {Interlocked.Increment(ref counter)}";
        await page.GotoAsync("/tai-khoan/dang-ky");
        await page.GetByLabel("Số điện thoại (hoặc tên đăng nhập)").FillAsync($"0955 {Random.Shared.Next(100, 999)} {Random.Shared.Next(100, 999)}");
        await page.GetByLabel("Họ và tên").FillAsync(name);
        await page.GetByLabel("Mật khẩu mới").FillAsync("hoa mai nở sáng nay");
        await page.GetByLabel("Nhập lại mật khẩu").FillAsync("hoa mai nở sáng nay");
        await page.GetByLabel("Tôi đã đọc và đồng ý").CheckAsync();
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }), "**/cua-toi?chao=1");

        await OpenControlledAsync(page, $"/bai-hoc/{Lesson}");
        await SaveAsync(page); // signed in: the anonymous page is what is kept
        await page.GotoAsync("/cua-toi");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(name);
        await page.GotoAsync("/tien-do/" + Lesson);

        var cached = await page.EvaluateAsync<string>("""
            async () => {
              let text = '';
              for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                  const response = await cache.match(request);
                  text += '\nURL ' + new URL(request.url).pathname + '\n';
                  if ((response.headers.get('Content-Type') || '').match(/html|json|javascript|css/)) text += await response.text();
                }
              }
              return text;
            }
            """);
        Assert.DoesNotContain(name, cached);
        Assert.DoesNotContain("\nURL /cua-toi", cached);
        Assert.DoesNotContain("\nURL /tien-do/", cached);
        Assert.DoesNotContain("\nURL /tai-khoan", cached);
        Assert.Contains($"\nURL /bai-hoc/{Lesson}\n", cached);

        await page.GotoAsync("/tai-khoan/dang-xuat");
        await page.SubmitAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync());
        await page.Context.SetOfflineAsync(true);
        foreach (var url in new[] { "/cua-toi", $"/cua-toi/hoan-thanh/{Lesson}", "/tai-khoan/doi-mat-khau" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bạn đang không có mạng");
            Assert.DoesNotContain(name, await page.ContentAsync());
        }
        await page.GotoAsync($"/bai-hoc/{Lesson}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(LessonTitle);
        Assert.DoesNotContain(name, await page.ContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_full_phone_gets_a_clear_sentence_and_nothing_half_saved()
    {
        BrowserSite.RequireChromium();
        var page = await PhoneAsync();
        // 200 KB left of a 2 GB quota: what a phone full of photos reports.
        await page.AddInitScriptAsync("navigator.storage.estimate = async () => ({ quota: 2147483648, usage: 2147483648 - 204800 });");
        await OpenControlledAsync(page, $"/bai-hoc/{Lesson}");
        await page.GetByRole(AriaRole.Button, new() { Name = SaveName }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-save-note]")).ToContainTextAsync("Điện thoại của bạn gần hết chỗ trống");
        await page.Locator("[data-save]").ScreenshotAsync(new() { Path = Shot("offline-phone-full-390x844") });
        await Assertions.Expect(page.Locator("[data-save-label]")).Not.ToContainTextAsync("Đã lưu");
        Assert.False(await page.EvaluateAsync<bool>($"async () => !!(await caches.match('/bai-hoc/{Lesson}'))"));
        await page.Context.CloseAsync();
    }
    /// <summary>
    /// The figures of docs/architecture.md §3 for the worker: a first visit to a lesson page as bench/page-weight.mjs
    /// counts it (compressed, pictures and video aside, until the network is idle), what the worker fetches for
    /// itself, and the bytes a saved lesson takes on the phone.
    /// </summary>
    [Fact]
    public async Task A_first_visit_carries_only_the_small_script_and_the_figures_are_written_down()
    {
        BrowserSite.RequireChromium();
        var page = await PhoneAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        var types = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var urls = new System.Collections.Concurrent.ConcurrentBag<string>();
        long first = 0;
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            types[e!.Value.GetProperty("requestId").GetString()!] = e.Value.GetProperty("type").GetString()!;
            urls.Add(e.Value.GetProperty("response").GetProperty("url").GetString()!);
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            var type = types.GetValueOrDefault(e!.Value.GetProperty("requestId").GetString()!, "Other");
            if (type is not ("Image" or "Media"))
                Interlocked.Add(ref first, (long)e.Value.GetProperty("encodedDataLength").GetDouble());
        };
        await page.GotoAsync($"/bai-hoc/{Lesson}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var firstVisit = Interlocked.Read(ref first);
        // A first visit carries the small offline.js only: neither saved.js nor the worker.
        Assert.Contains(urls, u => u.Contains("/js/offline.", StringComparison.Ordinal));
        Assert.DoesNotContain(urls, u => u.Contains("/js/saved.", StringComparison.Ordinal) || u.EndsWith("/sw.js", StringComparison.Ordinal));
        Assert.False(await page.EvaluateAsync<bool>("async () => !!(await navigator.serviceWorker.getRegistration())"));

        // Sizes as a published site sends them (gzip; its precompressed Brotli is smaller still).
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        static long Gzip(byte[] raw)
        {
            using var output = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
                gzip.Write(raw);
            return output.Length;
        }
        var html = await page.ContentAsync();
        string Asset(string name) => "/" + System.Text.RegularExpressions.Regex.Match(html, $"\"/?({name}[^\"]+)\"").Groups[1].Value;
        var lessonPage = Gzip(await http.GetByteArrayAsync($"/bai-hoc/{Lesson}"));
        var small = Gzip(await http.GetByteArrayAsync(Asset("js/offline.")));
        var more = Gzip(await http.GetByteArrayAsync(System.Text.RegularExpressions.Regex.Match(html, "data-more=\"([^\"]+)\"").Groups[1].Value is var m && m.StartsWith('/') ? m : "/" + m));
        var worker = Gzip(await http.GetByteArrayAsync("/sw.js"));
        var install = Gzip(await http.GetByteArrayAsync("/ngoai-tuyen")) + Gzip(await http.GetByteArrayAsync("/da-luu"));

        await SaveAsync(page);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 15_000 });
        var saved = await page.EvaluateAsync<long>($"async () => (await (await caches.match('/__hh/saved.json')).json()).items['/bai-hoc/{Lesson}'].bytes");
        var pictures = await page.Locator(".lesson__body img").CountAsync();

        Directory.CreateDirectory(System.IO.Path.Combine(BrowserSite.RepoRoot, "TestResults", "measurements"));
        await File.WriteAllTextAsync(System.IO.Path.Combine(BrowserSite.RepoRoot, "TestResults", "measurements", "offline.txt"),
            $"lesson first visit as this test server sends it (static files uncompressed here): {firstVisit} B; it loads offline.js only\n" +
            $"gzip: lesson page HTML {lessonPage} B; offline.js {small} B; saved.js {more} B; sw.js {worker} B; worker and its scripts together {small + more + worker} B\n" +
            $"worker install, gzip (offline page + Bài đã lưu; their CSS/JS come from the HTTP cache): {install} B\n" +
            $"saved lesson {Lesson} ({pictures} pictures) on the phone: {saved} B\n");
        Assert.True(small <= 1024, $"offline.js {small} B gzip");
        Assert.True(small + more + worker <= 15 * 1024, $"worker and its scripts {small + more + worker} B gzip");
        Assert.InRange(saved, 20_000, 2_000_000);
        await page.Context.CloseAsync();
    }
}
