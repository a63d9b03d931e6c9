using System.Text;
using System.Text.RegularExpressions;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.WardStats;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// Issue 22's browser story: a ward official opens the dashboard on a laptop (1366×768) and on a phone (390×844) —
/// nothing scrolls sideways, axe finds nothing —, changes the month and the khu phố, and prints the monthly report on
/// at most two A4 pages; a learner and an anonymous reader are refused; no resident's name shows anywhere.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WardViewTests(BrowserSite site)
{
    private const string Password = "ca-phe-sua-da-1975";
    private static readonly string[] ResidentNames = ["Lê Thị Mười Một", "Đỗ Văn Mười Hai", "Phan Thị Mười Ba"];

    [Fact]
    public async Task An_official_reads_the_dashboard_on_laptop_and_phone_filters_it_and_prints_two_A4_pages_and_others_are_refused()
    {
        BrowserSite.RequireChromium();
        var (official, learner) = await PeopleAsync();
        var month = WardCalendar.MonthOf(WardCalendar.Today(site.Clock));
        var dir = "/tmp/shots-ward-view"; // looked at by hand (the preamble's screenshot check); TestResults/screenshots has them too
        Directory.CreateDirectory(dir);
        var figures = new List<PageFigures>();

        foreach (var reader in new[] { new Reader(1366, 768, 100, 0, "vi"), Reader.Phone() })
        {
            var page = await PageAudit.OpenAsync(site, reader);
            await AccountWalk.SignInAsync(page, official, Password);
            await page.GotoAsync("/quan-tri/tong-quan");
            await page.LiveAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"dashboard-{reader.Width}.png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = BrowserSite.Shot($"ward-dashboard-{reader.Width}") });
            var figure = await PageAudit.MeasureAsync(page, reader);
            figures.Add(figure);
            Assert.False(figure.ScrollsSideways, figure.ToString());
            Assert.True(figure.Violations.Count == 0, figure.ToString());
            var text = await page.Locator("main").InnerTextAsync();
            Assert.Contains("Khu phố 5", text);
            Assert.DoesNotContain(ResidentNames, text.Contains);

            // Another month and one khu phố: a plain form, so the choice is the page's address.
            var previous = WardCalendar.Name(month.AddMonths(-1));
            await page.Locator("#thang").SelectOptionAsync(previous);
            await page.Locator("#khu-pho").SelectOptionAsync("Khu phố 5");
            await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }), "**/quan-tri/tong-quan?*");
            await page.LiveAsync();
            Assert.Contains($"thang={previous}", page.Url);
            Assert.Equal(previous, await page.Locator("#thang").InputValueAsync());
            Assert.Equal("Khu phố 5", await page.Locator("#khu-pho").InputValueAsync());
            var rows = await page.Locator("#bang-khu-pho tbody th").AllInnerTextsAsync();
            Assert.Equal(["Khu phố 5"], rows.Select(r => r.Trim()));
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"dashboard-filtered-{reader.Width}.png"), FullPage = true });
            var filtered = await PageAudit.MeasureAsync(page, reader);
            figures.Add(filtered);
            Assert.False(filtered.ScrollsSideways, filtered.ToString());
            Assert.True(filtered.Violations.Count == 0, filtered.ToString());

            // The monthly report, printed.
            await page.GotoAsync($"/quan-tri/bao-cao/{WardCalendar.Name(month)}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"report-{reader.Width}.png"), FullPage = true });
            var report = await PageAudit.MeasureAsync(page, reader);
            figures.Add(report);
            Assert.False(report.ScrollsSideways, report.ToString());
            Assert.True(report.Violations.Count == 0, report.ToString());
            Assert.DoesNotContain(ResidentNames, (await page.ContentAsync()).Contains);
            await page.Context.CloseAsync();
        }
        PageAudit.Record("ward-view", figures);

        var print = await PageAudit.OpenAsync(site, new Reader(1366, 768, 100, 0, "vi"));
        await AccountWalk.SignInAsync(print, official, Password);
        await print.GotoAsync($"/quan-tri/bao-cao/{WardCalendar.Name(month)}");
        var pdf = await print.PdfAsync(new() { Format = "A4", PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(dir, "report.pdf"), pdf);
        var pages = PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;
        Assert.InRange(pages, 1, 2);
        await print.Context.CloseAsync();

        // A learner is refused; an anonymous reader is sent to sign in.
        var other = await PageAudit.OpenAsync(site, Reader.Phone());
        await AccountWalk.SignInAsync(other, learner, Password);
        await other.GotoAsync("/quan-tri/tong-quan");
        Assert.Contains("/tai-khoan/khong-co-quyen", other.Url);
        await other.GotoAsync($"/quan-tri/bao-cao/{WardCalendar.Name(month)}");
        Assert.Contains("/tai-khoan/khong-co-quyen", other.Url);
        await other.Context.CloseAsync();
        var anonymous = await PageAudit.OpenAsync(site, Reader.Phone());
        await anonymous.GotoAsync("/quan-tri/tong-quan");
        Assert.Contains("/tai-khoan/dang-nhap", anonymous.Url);
        await anonymous.Context.CloseAsync();
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    /// <summary>An official, a learner, and residents of Khu phố 5 who finished lessons (so the tables hold figures).</summary>
    private async Task<(string Official, string Learner)> PeopleAsync()
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        async Task<AppUser> MakeAsync(string prefix, string name, string? neighbourhood, params string[] roles)
        {
            var user = new AppUser { UserName = $"{prefix}{Guid.NewGuid():N}"[..14], DisplayName = name, Neighbourhood = neighbourhood, CreatedAt = site.Clock.GetUtcNow().UtcDateTime };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Learner, .. roles])).Succeeded);
            return user;
        }
        var official = await MakeAsync("cb", "Cán bộ Thu", null, Roles.Official);
        var learner = await MakeAsync("hv", "Học viên", "Khu phố 2");
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var lessons = await db.Lessons.Where(l => l.Status == Catalog.LessonStatus.Published && l.Type != Catalog.LessonType.Quiz)
            .OrderBy(l => l.Id).Select(l => l.Id).Take(3).ToListAsync();
        foreach (var name in ResidentNames)
        {
            var resident = await MakeAsync("cd", name, "Khu phố 5");
            using var inner = site.Services.CreateScope();
            foreach (var lesson in lessons)
                await inner.ServiceProvider.GetRequiredService<LearnerProgress>().CompleteAsync(Learner.Account(resident.Id), lesson, default);
        }
        return (official.UserName!, learner.UserName!);
    }
}
