using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// The class pages (issue 12, "axe-core reports nothing on any learner or staff page"): a resident joining by code and
/// marking herself present, her trainer's list, new class, every tab of the class page, the poster and the session QR —
/// each read as residents and trainers have set their phones.
/// </summary>
[Collection(StaffAuditCollection.Name)]
public sealed class ClassPageAccessibilityTests(BrowserSite site)
{
    private static int counter = 900;

    public static TheoryData<string> Readers() => AccessibilityTests.Readers();

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Every_class_page_of_resident_and_trainer_fits_and_passes_axe(string readerName)
    {
        BrowserSite.RequireChromium();
        var reader = AccessibilityTests.ReaderNamed(readerName);
        var (classId, sessionId, joinCode, qr) = await ClassWithSessionAsync();
        var figures = new List<PageFigures>();
        try
        {
            // The resident: the code form, the class's join page, joining, and the session's QR scanned.
            var page = await PageAudit.OpenAsync(site, reader);
            async Task MeasureAsync(string shot)
            {
                figures.Add(await PageAudit.MeasureAsync(page, reader));
                await PageAudit.ShotAsync(page, $"classes-{readerName}-{shot}");
            }
            await page.GotoAsync("/tham-gia");
            await MeasureAsync("join-form");
            await page.GotoAsync($"/tham-gia/{joinCode}");
            await MeasureAsync("join-signed-out");
            await AccountWalk.SignUpAsync(page, $"0977 {Interlocked.Increment(ref counter):D3} 333", "Phạm Thị Mai");
            await page.GotoAsync($"/tham-gia/{joinCode}");
            await MeasureAsync("join-signed-in");
            await page.ClickAndWaitForUrlAsync(page.Locator("section.join form button[type=submit]"), $"**/tham-gia/{joinCode}?*");
            await MeasureAsync("joined");
            await page.GotoAsync($"/diem-danh/{sessionId}/{qr}");
            await MeasureAsync("self-attendance");
            await page.GotoAsync("/cua-toi");
            await MeasureAsync("my-learning-with-class");

            // The trainer (the ward's admin): every page and every tab of the class page.
            var trainer = await PageAudit.OpenAsync(site, reader);
            await AccountWalk.SignInAsync(trainer, BrowserSite.AdminName, BrowserSite.AdminPassword);
            async Task MeasureStaffAsync(string path, string shot)
            {
                await trainer.GotoAsync(path);
                await trainer.LiveAsync();
                figures.Add(await PageAudit.MeasureAsync(trainer, reader));
                await PageAudit.ShotAsync(trainer, $"classes-{readerName}-{shot}");
            }
            await MeasureStaffAsync("/lop-hoc", "list");
            await MeasureStaffAsync("/lop-hoc/moi", "new");
            await MeasureStaffAsync($"/lop-hoc/{classId}/ap-phich", "poster");
            await MeasureStaffAsync($"/lop-hoc/buoi/{sessionId}/diem-danh", "session-qr");
            await MeasureStaffAsync($"/lop-hoc/{classId}", "class-tab-0");
            // Every tab's name whole and on screen: none scrolled out of the tab bar behind an arrow, none cut.
            figures[^1] = figures[^1] with
            {
                CutText = [.. await PageAudit.OutsideAsync(trainer, "[role=tab]", ".mud-tabs-tabbar"), .. await PageAudit.ClippedTextAsync(trainer, ".mud-tabs-tabbar")],
            };
            var tabs = trainer.GetByRole(AriaRole.Tab);
            var count = await tabs.CountAsync();
            Assert.True(count >= 5, $"{count} tabs");
            for (var i = 1; i < count; i++)
            {
                // A tap before the circuit is connected does nothing: tap again, as a person would.
                for (var tap = 0; tap < 20 && await tabs.Nth(i).GetAttributeAsync("aria-selected") != "true"; tap++)
                {
                    await tabs.Nth(i).ClickAsync();
                    await trainer.WaitForTimeoutAsync(250);
                }
                Assert.Equal("true", await tabs.Nth(i).GetAttributeAsync("aria-selected"));
                await trainer.LiveAsync();
                figures.Add(await PageAudit.MeasureAsync(trainer, reader) with { Url = $"/lop-hoc/{classId}#tab-{i}" });
                await PageAudit.ShotAsync(trainer, $"classes-{readerName}-class-tab-{i}");
                var session = trainer.Locator(".sessions__session");
                if (await session.CountAsync() == 0)
                    continue;
                // The sessions tab: a session opened (its attendance list), then edited in place.
                await session.First.Locator(".mud-expand-panel-header").ClickAsync();
                var edit = session.First.Locator(".mud-expand-panel-content .mud-button-outlined");
                await edit.WaitForAsync();
                await session.First.Locator(".attendance__note").First.WaitForAsync(); // the resident who joined above
                // Her four marks and the note field lie inside the session's panel (at 200% text the note was 500 px in a 286 px panel).
                figures.Add(await PageAudit.MeasureAsync(trainer, reader) with
                {
                    Url = $"/lop-hoc/{classId}#tab-{i}-session",
                    CutText = [.. await PageAudit.OutsideAsync(trainer, ".attendance__note, .attendance__mark", ".mud-expand-panel-content")],
                });
                await edit.ClickAsync();
                await trainer.Locator(".sessions__edit").WaitForAsync();
                figures.Add(await PageAudit.MeasureAsync(trainer, reader) with { Url = $"/lop-hoc/{classId}#tab-{i}-session-edit" });
                // Not a full-page shot: taking one resets the emulated text size of the rest of the walk.
                await PageAudit.ShotAsync(trainer, $"classes-{readerName}-class-tab-{i}-session-edit");
            }
        }
        finally
        {
            PageAudit.Record("classes-" + readerName, figures);
        }
        Assert.All(figures, f => Assert.False(f.ScrollsSideways, f.ToString())); // the trainer's pages too, at every size
        Assert.All(figures, f => Assert.True(f.CutText is not { Count: > 0 }, f.ToString()));
        Assert.Contains(figures, f => f.Url.EndsWith("-session", StringComparison.Ordinal)); // the attendance list was looked at
        Assert.All(figures, f => Assert.True(f.Violations.Count == 0, f.ToString()));
        if (reader.BrowserTextPercent == 100 && reader.SiteTextSize == 0)
            Assert.All(figures, f => Assert.True(f.SmallTargets.Count == 0, f.ToString()));
    }

    /// <summary>A class of the admin's with a lesson assigned and a session starting now; its join code and the session's current QR code.</summary>
    private async Task<(int ClassId, int SessionId, string JoinCode, string Qr)> ClassWithSessionAsync()
    {
        using var scope = site.Services.CreateScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(BrowserSite.AdminName);
        var adminId = admin!.Id;
        var classes = site.Services.GetRequiredService<Classrooms>();
        var created = Assert.IsType<ClassResult.Created>(await classes.CreateAsync(adminId,
            new ClassForm("VNeID mức 2 — Khu phố 3 — chiều thứ Tư", "Khu phố 3", "Nhà văn hóa khu phố 3"), default));
        var start = site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).AddMinutes(-5).DateTime;
        var session = Assert.IsType<ClassResult.Created>(await site.Services.GetRequiredService<ClassSchedule>().AddSessionAsync(adminId,
            created.Id, new SessionForm(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), 90, "Đăng ký VNeID mức 1"), default));
        Assert.IsType<ClassResult.Created>(await site.Services.GetRequiredService<ClassAssignments>().AddAsync(adminId, created.Id,
            new AssignmentForm(AssignmentKind.Lesson, "dang-ky-vneid-muc-1", DueOn: new DateOnly(2099, 1, 31)), default));
        // A co-trainer, so the settings tab lists two trainers, each with its remove button.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var co = new AppUser { UserName = $"tro{Interlocked.Increment(ref counter)}x{Guid.NewGuid():N}"[..14], DisplayName = "Chị Hoa", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(co, "ca-phe-sua-da-1975")).Succeeded);
        Assert.True((await users.AddToRolesAsync(co, [Roles.Learner, Roles.Trainer])).Succeeded);
        Assert.IsType<ClassResult.Done>(await classes.AddTrainerAsync(adminId, created.Id, co.UserName, default));
        var list = Assert.IsType<ClassRead<IReadOnlyList<ClassCard>>.Found>(await classes.ListAsync(adminId, false, default));
        var qr = Assert.IsType<ClassRead<AttendanceQr>.Found>(await site.Services.GetRequiredService<ClassAttendance>().QrAsync(adminId, session.Id, default));
        return (created.Id, session.Id, list.Value.Single(c => c.Id == created.Id).JoinCode, qr.Value.Code);
    }
}
