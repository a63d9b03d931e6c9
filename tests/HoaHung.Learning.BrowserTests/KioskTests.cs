using HoaHung.Learning.Quizzes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// The kiosk at the one-stop counter (issue 23), on its portrait screen (1080×1920): visitor A learns, walks away,
/// and visitor B finds no trace of her; the account pages never show a form; the hand-off carries A's visit to her phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskTests(BrowserSite site)
{
    private const string Lesson = "dang-ky-vneid-muc-1";
    private const string QuizLesson = "kiem-tra-an-toan-tren-mang";
    private static readonly string ShotDir = Directory.CreateDirectory("/tmp/shots-counter").FullName;

    private static async Task ShotAsync(IPage page, string name, bool fullPage = false)
    {
        await page.ScreenshotAsync(new() { Path = BrowserSite.Shot(name), FullPage = fullPage });
        File.Copy(BrowserSite.Shot(name), Path.Combine(ShotDir, name + ".png"), overwrite: true);
    }

    private async Task<IPage> StartKioskAsync()
    {
        var page = await site.KioskScreenAsync();
        await page.GotoAsync("/kiosk/bat-dau?khoa=" + Uri.EscapeDataString(BrowserSite.KioskKey));
        Assert.EndsWith("/kiosk", page.Url);
        return page;
    }

    private int AnonymousAttempts()
    {
        using var scope = site.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HoaHung.Learning.Data.LearningDbContext>().Set<QuizAttempt>().Count(a => a.AnonymousId != null);
    }

    /// <summary>Visitor A: searches, finishes a lesson, starts a quiz, types in the search box and leaves something in storage.</summary>
    private async Task VisitorAAsync(IPage page)
    {
        await page.Locator("#kiosk-search-box").FillAsync("dang ky vneid");
        await page.Locator("#kiosk-search-box").PressAsync("Enter");
        await page.WaitForURLAsync("**/tim-kiem?q=dang+ky+vneid");
        await page.GotoAsync("/bai-hoc/" + Lesson);
        await page.SubmitAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tôi đã học xong bài này" }).ClickAsync());
        Assert.Contains("/cua-toi/hoan-thanh/" + Lesson, page.Url);
        await page.GotoAsync($"/bai-hoc/{QuizLesson}/kiem-tra");
        await page.SubmitAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm bài" }).ClickAsync());
        Assert.Contains("/kiem-tra/", page.Url);
        await page.Locator("#site-search").FillAsync("mật khẩu của tôi");
        await page.EvaluateAsync("() => { localStorage.setItem('hh.a', 'A'); sessionStorage.setItem('hh.a', 'A'); }");
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "hh.progress");
    }

    /// <summary>Visitor B: the kiosk home, nothing of A anywhere.</summary>
    private static async Task AssertNoTraceAsync(IPage page, string shot)
    {
        Assert.EndsWith("/kiosk", page.Url);
        await Assertions.Expect(page.Locator("#kiosk-search-box")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#site-search")).ToHaveValueAsync("");
        var cookies = await page.Context.CookiesAsync();
        Assert.Equal(["hh.kiosk"], cookies.Select(c => c.Name).ToArray());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
        await ShotAsync(page, shot);

        // Back does not reach A's pages.
        await page.GoBackAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.DoesNotContain("/bai-hoc/", page.Url);
        Assert.DoesNotContain("/tim-kiem", page.Url);
        Assert.DoesNotContain("/cua-toi", page.Url);

        await page.GotoAsync("/bai-hoc/" + Lesson);
        await Assertions.Expect(page.Locator("[data-done-state]")).ToBeHiddenAsync();
        await page.GotoAsync("/cua-toi");
        await Assertions.Expect(page.GetByText("Đăng ký VNeID", new() { Exact = false })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task After_the_idle_time_and_the_countdown_visitor_B_finds_no_trace_of_visitor_A()
    {
        BrowserSite.RequireChromium();
        var page = await StartKioskAsync();
        await ShotAsync(page, "kiosk-home-1080", fullPage: true);
        var before = AnonymousAttempts();
        await VisitorAAsync(page);
        Assert.Equal(before + 1, AnonymousAttempts());

        var question = page.GetByRole(AriaRole.Dialog).GetByText("Bạn còn dùng máy không?");
        await Assertions.Expect(question).ToBeVisibleAsync(new() { Timeout = (BrowserSite.KioskIdleSeconds + 5) * 1000 });
        await ShotAsync(page, "kiosk-idle-1080");
        // "I am still using it" puts the question away; left alone, it comes back and the countdown ends the visit.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tôi vẫn đang dùng" }).ClickAsync();
        await Assertions.Expect(question).ToBeHiddenAsync();
        var reset = page.WaitForRequestFinishedAsync(new() { Predicate = r => r.Url.Contains("/kiosk/xong"), Timeout = 40_000 });
        await Assertions.Expect(question).ToBeVisibleAsync(new() { Timeout = (BrowserSite.KioskIdleSeconds + 5) * 1000 });
        await reset;
        await page.WaitForURLAsync("**/kiosk", new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(before, AnonymousAttempts());
        await AssertNoTraceAsync(page, "kiosk-after-idle-1080");
    }

    [Fact]
    public async Task Done_for_the_next_person_forgets_visitor_A_at_once()
    {
        BrowserSite.RequireChromium();
        var page = await StartKioskAsync();
        await VisitorAAsync(page);
        var reset = page.WaitForRequestFinishedAsync(new() { Predicate = r => r.Url.Contains("/kiosk/xong") });
        await page.Locator(".kiosk-bar").GetByRole(AriaRole.Link, new() { Name = "Xong, dành cho người sau" }).ClickAsync();
        await reset;
        await page.WaitForURLAsync("**/kiosk", new() { WaitUntil = WaitUntilState.Load });
        await AssertNoTraceAsync(page, "kiosk-after-done-1080");
    }

    [Fact]
    public async Task A_kiosk_never_shows_a_sign_in_page_and_a_kiosk_link_changes_nothing_on_a_phone()
    {
        BrowserSite.RequireChromium();
        var page = await StartKioskAsync();
        foreach (var url in new[] { "/tai-khoan/dang-nhap", "/tai-khoan/dang-ky", "/cua-toi" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("input[type=password]")).ToHaveCountAsync(0);
        }
        await page.GotoAsync("/tai-khoan/dang-nhap");
        Assert.EndsWith("/kiosk/tai-khoan", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Không đăng nhập trên máy dùng chung");
        await ShotAsync(page, "kiosk-no-account-1080");
        var links = await page.Locator("a[href]").EvaluateAllAsync<string[]>("els => els.map(a => a.href)");
        Assert.All(links, href => Assert.StartsWith(site.BaseUrl, href));

        var phone = await site.PhoneAsync();
        var start = await phone.GotoAsync("/kiosk/bat-dau");
        Assert.Equal(404, start!.Status);
        await phone.GotoAsync("/kiosk");
        Assert.Equal(site.BaseUrl + "/", phone.Url);
        await Assertions.Expect(phone.Locator("#kiosk")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await phone.Context.CookiesAsync(), c => c.Name == "hh.kiosk");
        await phone.GotoAsync("/tai-khoan/dang-nhap");
        await Assertions.Expect(phone.Locator("input[type=password]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_hand_off_code_opens_the_lesson_with_the_visit_merged_on_a_phone_once_and_for_10_minutes()
    {
        BrowserSite.RequireChromium();
        var kiosk = await StartKioskAsync();
        await kiosk.GotoAsync("/bai-hoc/" + Lesson);
        await kiosk.SubmitAsync(() => kiosk.GetByRole(AriaRole.Button, new() { Name = "Tôi đã học xong bài này" }).ClickAsync());
        await kiosk.GotoAsync("/bai-hoc/" + Lesson);
        await kiosk.ClickAndWaitForUrlAsync(kiosk.GetByRole(AriaRole.Link, new() { Name = "Học tiếp trên điện thoại" }), "**/kiosk/tiep-tuc/" + Lesson);
        await Assertions.Expect(kiosk.Locator(".handoff__qr svg")).ToBeVisibleAsync();
        await ShotAsync(kiosk, "kiosk-handoff-1080");
        var code = (await kiosk.Locator(".handoff__code strong").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-9]{6}$", code);
        Assert.DoesNotContain(await kiosk.Context.CookiesAsync(), c => c.Name == "hh.progress");

        var phone = await site.PhoneAsync();
        await phone.GotoAsync("/tiep-tuc/" + code);
        Assert.EndsWith("/bai-hoc/" + Lesson, phone.Url);
        await Assertions.Expect(phone.Locator("[data-done-state]")).ToBeVisibleAsync();
        await ShotAsync(phone, "continue-phone-390");

        var other = await site.PhoneAsync();
        await other.GotoAsync("/tiep-tuc/" + code);
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã được dùng");
        await ShotAsync(other, "continue-used-390");

        var second = await StartKioskAsync();
        await second.GotoAsync(KioskEndpointsHandoff(Lesson));
        var late = (await second.Locator(".handoff__code strong").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        site.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var third = await site.PhoneAsync();
        await third.GotoAsync("/tiep-tuc/" + late);
        await Assertions.Expect(third.GetByRole(AriaRole.Alert)).ToContainTextAsync("quá 10 phút");
        await ShotAsync(third, "continue-expired-390");
    }

    private static string KioskEndpointsHandoff(string slug) => "/kiosk/tiep-tuc/" + slug;
}
