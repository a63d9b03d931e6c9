using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>A new resident on her phone: sign up, read, finish, see it in "Của tôi", earn and show a certificate.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserSite site)
{
    private static int counter = 300;

    private static string Shot(string name) => Path.Combine(BrowserSite.ScreenshotDirectory, $"{name}.png");

    private static async Task SignUpAsync(IPage page, string phone, string name)
    {
        await page.GotoAsync("/tai-khoan/dang-ky");
        await page.GetByLabel("Số điện thoại (hoặc tên đăng nhập)").FillAsync(phone);
        await page.GetByLabel("Họ và tên").FillAsync(name);
        await page.GetByLabel("Khu phố (không bắt buộc)").SelectOptionAsync("Khu phố 7");
        await page.GetByLabel("Mật khẩu mới").FillAsync("hoa mai nở sáng nay");
        await page.GetByLabel("Nhập lại mật khẩu").FillAsync("hoa mai nở sáng nay");
        await page.GetByLabel("Tôi đã đọc và đồng ý").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Shot("sign-up"), FullPage = true });
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }), "**/cua-toi?chao=1");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_resident_signs_up_finishes_a_lesson_and_finds_it_in_my_learning(bool javaScript)
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync(javaScript);
        var phone = $"0933 000 {Interlocked.Increment(ref counter):D3}";

        // What she read before signing up is not lost.
        await page.GotoAsync("/bai-hoc/ket-noi-wi-fi");
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Tôi đã học xong bài này" }), "**/cua-toi/hoan-thanh/ket-noi-wi-fi");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Bạn đã học xong");

        await SignUpAsync(page, phone, "Nguyễn Thị Lan");
        await Assertions.Expect(page.Locator(".alert--success")).ToContainTextAsync("Chào mừng");
        await Assertions.Expect(page.Locator(".done-list")).ToContainTextAsync("Wi-Fi");

        await page.GotoAsync("/bai-hoc/bat-tat-du-lieu-di-dong");
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Tôi đã học xong bài này" }), "**/cua-toi/hoan-thanh/bat-tat-du-lieu-di-dong");
        await Assertions.Expect(page.Locator(".path-progress__meta").First).ToContainTextAsync("2/");
        await page.ScreenshotAsync(new() { Path = Shot($"lesson-done-js-{javaScript}"), FullPage = false });

        await page.ClickAndWaitForUrlAsync(page.Locator("header .prefs__item--account"), "**/cua-toi");
        await Assertions.Expect(page.Locator(".prefs__item--account")).ToHaveTextAsync("Lan");
        await Assertions.Expect(page.Locator(".done-list li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#continue-heading + a")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"my-learning-js-{javaScript}"), FullPage = true });

        // Home greets her with "Tiếp tục học".
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#continue-heading")).ToHaveTextAsync("Tiếp tục học");
    }

    [Fact]
    public async Task A_keen_learner_sees_her_newest_20_finished_and_pages_through_all_of_them_on_her_phone()
    {
        BrowserSite.RequireChromium();
        var reader = Reader.Phone();
        var page = await PageAudit.OpenAsync(site, reader);
        var phone = $"0933 100 {Interlocked.Increment(ref counter):D3}";
        await SignUpAsync(page, phone, "Võ Thị Siêng");
        var finished = await FinishedEveryLessonAsync(phone); // the library's published lessons (27 or a few more), one a day
        Assert.InRange(finished, 21, 40);
        var shots = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shots-mine")).FullName;
        var figures = new List<PageFigures>();

        await page.GotoAsync("/cua-toi");
        await Assertions.Expect(page.Locator("#completed-heading")).ToHaveTextAsync($"Bài đã học xong ({finished})");
        await Assertions.Expect(page.Locator(".done-list li")).ToHaveCountAsync(20);
        figures.Add(await PageAudit.MeasureAsync(page, reader));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "my-learning-390.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Shot("my-learning-newest-20"), FullPage = true });

        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Link, new() { Name = "Xem tất cả", Exact = true }), "**/cua-toi/da-hoc-xong");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Bài đã học xong ({finished})");
        await Assertions.Expect(page.Locator(".done-list li")).ToHaveCountAsync(20);
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Link, new() { Name = "Trang sau" }), "**/cua-toi/da-hoc-xong?trang=2");
        await Assertions.Expect(page.Locator(".done-list li")).ToHaveCountAsync(finished - 20);
        await Assertions.Expect(page.Locator(".pager__where")).ToHaveTextAsync("Trang 2/2");
        figures.Add(await PageAudit.MeasureAsync(page, reader));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "my-completed-page-2-390.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Shot("my-completed-page-2"), FullPage = true });
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Link, new() { Name = "Trang trước" }), "**/cua-toi/da-hoc-xong");

        PageAudit.Record("my-lists", figures);
        Assert.All(figures, f => Assert.False(f.ScrollsSideways, f.ToString()));
        Assert.All(figures, f => Assert.True(f.Violations.Count == 0, f.ToString()));
        Assert.All(figures, f => Assert.True(f.SmallTargets.Count == 0, f.ToString()));
    }

    private async Task<int> FinishedEveryLessonAsync(string phone)
    {
        var userName = new string(phone.Where(char.IsDigit).ToArray());
        string userId;
        int count;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HoaHung.Learning.Data.LearningDbContext>();
            userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            var lessons = await db.Lessons.Where(l => l.Status == HoaHung.Learning.Catalog.LessonStatus.Published).Select(l => l.Id).ToListAsync();
            var day = new DateTime(2026, 1, 1, 2, 0, 0, DateTimeKind.Utc);
            foreach (var (id, i) in lessons.Select((id, i) => (id, i)).Where(x => !db.Set<LessonProgress>().Any(p => p.UserId == userId && p.LessonId == x.id)))
                db.Add(new LessonProgress { UserId = userId, LessonId = id, FirstOpenedAt = day.AddDays(i), LastOpenedAt = day.AddDays(i), CompletedAt = day.AddDays(i) });
            await db.SaveChangesAsync();
            count = lessons.Count;
        }
        await site.Services.GetRequiredService<LearnerChanges>().ChangedAsync(userId, CancellationToken.None);
        return count;
    }

    [Fact]
    public async Task The_lesson_page_shows_done_and_resumes_the_video_for_a_reader_without_account()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/bai-hoc/dung-zalo-co-ban");
        var video = page.Locator(".lesson__video video");
        await page.WaitForFunctionAsync("() => document.querySelector('.lesson__video video').readyState >= 1");
        // Wait for the save that the pause triggers (started before the pause, so a fast answer is not missed).
        await page.RunAndWaitForResponseAsync(
            () => video.EvaluateAsync("v => { v.muted = true; v.currentTime = Math.min(12, v.duration - 1); v.dispatchEvent(new Event('pause')); }"),
            r => r.Url.EndsWith("/tien-do/dung-zalo-co-ban/video") && r.Status == 200);

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.lesson__video video').currentTime > 5");

        await video.EvaluateAsync("v => { v.currentTime = v.duration; v.dispatchEvent(new Event('ended')); }");
        await Assertions.Expect(page.Locator("[data-done-state]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Finishing_a_path_gives_a_certificate_that_prints_and_verifies()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await SignUpAsync(page, $"0944 000 {Interlocked.Increment(ref counter):D3}", "Trần Thị Bích Ngọc");
        await page.GotoAsync("/lo-trinh/bat-dau-voi-dien-thoai-thong-minh");
        var lessons = await page.Locator(".path-steps__title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var lesson in lessons)
        {
            // She learns each lesson: reads it (the clock moves on by its minutes), watches its video, passes its quiz.
            await page.GotoAsync(lesson);
            site.Clock.Advance(TimeSpan.FromMinutes(10));
            if (await page.Locator(".lesson__video video").CountAsync() > 0)
            {
                await page.WaitForFunctionAsync("() => document.querySelector('.lesson__video video').readyState >= 1");
                await page.RunAndWaitForResponseAsync(
                    () => page.Locator(".lesson__video video").EvaluateAsync("v => { v.muted = true; v.currentTime = v.duration; v.dispatchEvent(new Event('ended')); }"),
                    r => r.Url.EndsWith("/video") && r.Status == 200);
            }
            if (await page.Locator(".quiz-teaser a").CountAsync() > 0)
            {
                await QuizTests.PassAsync(page, lesson.Split('/')[^1]);
                await page.GotoAsync(lesson);
            }
            var done = page.GetByRole(AriaRole.Button, new() { Name = "Tôi đã học xong bài này" });
            if (await done.CountAsync() > 0)
                await page.ClickAndWaitForUrlAsync(done, "**/cua-toi/hoan-thanh/**");
        }
        var certificateLink = page.Locator(".certificate-earned a");
        await Assertions.Expect(certificateLink).ToBeVisibleAsync();
        await page.ClickAndWaitForUrlAsync(certificateLink, "**/chung-chi/**");
        await Assertions.Expect(page.Locator(".certificate__name")).ToHaveTextAsync("Trần Thị Bích Ngọc");
        await Assertions.Expect(page.Locator(".certificate-status--valid")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-print]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("certificate"), FullPage = true });

        // A verifier scanning the QR code, with no account.
        var verifier = await site.PhoneAsync();
        await verifier.GotoAsync(page.Url);
        await Assertions.Expect(verifier.Locator(".certificate__path")).ToHaveTextAsync("Bắt đầu với điện thoại thông minh");
        await verifier.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await verifier.ScreenshotAsync(new() { Path = Shot("certificate-print"), FullPage = true });
        await Assertions.Expect(verifier.Locator(".site-header")).ToBeHiddenAsync();
    }
}
