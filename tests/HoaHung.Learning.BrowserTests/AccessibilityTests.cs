using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// Every learner and staff page, as residents have set their phones: nothing scrolls sideways, nothing axe-core
/// finds, and (at the default size) every control outside running text is at least 48×48 CSS px.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    private static int counter = 500;

    public static TheoryData<string> Readers() => ["phone-vi", "phone-en", "largest-vi", "largest-en", "w320-text200-vi", "w320-a4-en"];

    internal static Reader ReaderNamed(string name) => name switch
    {
        "phone-vi" => Reader.Phone("vi"),
        "phone-en" => Reader.Phone("en"),
        "largest-vi" => Reader.Largest("vi"),
        "largest-en" => Reader.Largest("en"),
        "w320-text200-vi" => new Reader(320, 640, 200, 0, "vi"),
        "w320-a4-en" => new Reader(320, 640, 100, 4, "en"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static readonly string[] AnonymousPages =
    [
        "/", "/chu-de/vneid", "/lo-trinh/lam-thu-tuc-hanh-chinh-tren-mang", "/bai-hoc/ket-noi-wi-fi", "/bai-hoc/dung-zalo-co-ban",
        "/bai-hoc/kiem-tra-an-toan-tren-mang", "/tim-kiem", "/tim-kiem?q=dang+ky+vneid", "/tim-kiem?q=xyzzyq", "/khong-tim-thay",
        "/tai-khoan/dang-nhap", "/tai-khoan/dang-ky", "/cua-toi", "/chung-chi/aaaaaaaaaaaaaaaaaaaa",
    ];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Every_learner_and_staff_page_fits_and_passes_axe(string readerName)
    {
        BrowserSite.RequireChromium();
        var reader = ReaderNamed(readerName);
        var page = await PageAudit.OpenAsync(site, reader);
        var figures = new List<PageFigures>();
        try
        {
            await WalkAsync(page, reader, readerName, figures);
        }
        finally
        {
            PageAudit.Record("audit-" + readerName, figures);
        }
        // Staff pages (MudBlazor) too, at every size: the app bar, the user filters and the table's pager at 200% text on a 320 px screen.
        Assert.All(figures, f => Assert.False(f.ScrollsSideways, f.ToString()));
        Assert.All(figures, f => Assert.True(f.CutText is not { Count: > 0 }, f.ToString()));
        Assert.All(figures, f => Assert.True(f.Violations.Count == 0, f.ToString()));
        if (reader.BrowserTextPercent == 100 && reader.SiteTextSize == 0)
            Assert.All(figures, f => Assert.True(f.SmallTargets.Count == 0, f.ToString()));
    }

    private async Task WalkAsync(IPage page, Reader reader, string readerName, List<PageFigures> figures)
    {
        async Task MeasureAsync(string shot)
        {
            var f = await PageAudit.MeasureAsync(page, reader);
            figures.Add(f);
            await PageAudit.ShotAsync(page, $"audit-{readerName}-{shot}");
        }

        foreach (var path in AnonymousPages)
        {
            await page.GotoAsync(path);
            await MeasureAsync(Slug(path));
        }

        // A quiz from its start to its result, the answer feedback on the way.
        await page.GotoAsync("/bai-hoc/kiem-tra-an-toan-tren-mang/kiem-tra");
        await MeasureAsync("quiz-start");
        await page.ClickAndWaitForUrlAsync(page.Locator("form.quiz-actions button"), "**/kiem-tra/*/1");
        await MeasureAsync("quiz-question");
        for (var i = 0; i < 30 && !page.Url.Contains("/ket-qua/", StringComparison.Ordinal); i++)
        {
            await QuizWalk.AnswerAnythingAsync(page);
            if (i == 0)
                await MeasureAsync("quiz-feedback");
            await QuizWalk.GoOnAsync(page);
        }
        await MeasureAsync("quiz-result");

        // Her own pages, signed in.
        await page.GotoAsync("/bai-hoc/ket-noi-wi-fi");
        await page.ClickAndWaitForUrlAsync(page.Locator(".lesson-done button"), "**/cua-toi/hoan-thanh/ket-noi-wi-fi");
        await MeasureAsync("lesson-done");
        await AccountWalk.SignUpAsync(page, $"0955 {Interlocked.Increment(ref counter):D3} 111", "Lê Thị Hoa");
        foreach (var path in new[] { "/cua-toi", "/cua-toi/bai-kiem-tra", "/tai-khoan/doi-mat-khau", "/cua-toi/xoa-tai-khoan", "/quan-tri" })
        {
            await page.GotoAsync(path);
            await MeasureAsync(Slug(path));
        }

        // Staff pages, as the ward's admin.
        var admin = await PageAudit.OpenAsync(site, reader);
        await AccountWalk.SignInAsync(admin, BrowserSite.AdminName, BrowserSite.AdminPassword);
        foreach (var path in new[] { "/quan-tri", "/quan-tri/nguoi-dung" })
        {
            await admin.GotoAsync(path);
            await admin.LiveAsync();
            // Nothing of the app bar or the filters' names is cut to fit ("Kho học li…", "Tìm theo tên, tên đăng …").
            figures.Add(await PageAudit.MeasureAsync(admin, reader) with
            {
                CutText = [.. await PageAudit.ClippedTextAsync(admin, ".mud-appbar"), .. await PageAudit.ClippedTextAsync(admin, ".admin-users__filters")],
            });
            await PageAudit.ShotAsync(admin, $"audit-{readerName}-{Slug(path)}");
        }
    }

    internal static string Slug(string path) =>
        path == "/" ? "home" : new string(path.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}

/// <summary>Answers any question of the player with whatever is offered, then goes on.</summary>
internal static class QuizWalk
{
    public static async Task AnswerAnythingAsync(IPage page)
    {
        var form = page.Locator("form.quiz-form");
        if (await form.CountAsync() == 0)
            return;
        var choice = form.Locator("input[type=radio], input[type=checkbox]");
        if (await choice.CountAsync() > 0)
            await choice.First.CheckAsync(new() { Force = true });
        var selects = form.Locator("select");
        for (var i = 0; i < await selects.CountAsync(); i++)
            await selects.Nth(i).SelectOptionAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = form.Locator("input[type=text]");
        if (await text.CountAsync() > 0)
            await text.First.FillAsync("không biết");
        await page.SubmitAsync(() => form.Locator("button[type=submit]").ClickAsync());
    }

    public static async Task GoOnAsync(IPage page)
    {
        var finish = page.Locator("form.quiz-actions:not([hidden]) button");
        if (await finish.CountAsync() > 0)
        {
            await page.SubmitAsync(() => finish.ClickAsync());
            return;
        }
        var next = page.Locator(".quiz-actions a.button--primary");
        if (await next.CountAsync() > 0)
            await page.SubmitAsync(() => next.First.ClickAsync());
    }
}

internal static class AccountWalk
{
    public static async Task SignUpAsync(IPage page, string phone, string name)
    {
        await page.GotoAsync("/tai-khoan/dang-ky");
        await page.Locator("#name").FillAsync(phone);
        await page.Locator("#display-name").FillAsync(name);
        await page.Locator("#password").FillAsync("hoa mai nở sáng nay");
        await page.Locator("#confirm").FillAsync("hoa mai nở sáng nay");
        await page.Locator("input[type=checkbox][name='Input.Consent']").CheckAsync();
        await page.ClickAndWaitForUrlAsync(page.Locator("form.form button[type=submit]"), "**/cua-toi?chao=1");
    }

    public static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/tai-khoan/dang-nhap");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/tai-khoan/dang-nhap", StringComparison.Ordinal));
    }
}
