using System.Text.RegularExpressions;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// Anh Minh sends a lesson for review; Chị Thảo comments on a line and sends it back with a reason; he sees both, fixes
/// it and sends it again; she sees what changed, publishes it, and a resident on a phone reads it at once. While both
/// have the lesson open in the editor, each sees the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewTests(BrowserSite site)
{
    private const string Password = "duyệt bài buổi tối 2026";

    private static string Shot(string name) => Path.Combine(BrowserSite.ScreenshotDirectory, $"{name}.png");

    [Fact]
    public async Task A_reviewer_comments_sends_back_the_author_fixes_and_the_published_lesson_reaches_a_phone_at_once()
    {
        BrowserSite.RequireChromium();
        Assertions.SetDefaultExpectTimeout(20_000);
        var (authorContext, author) = await SignedInAsync("Anh Minh", Roles.Author, "Khu phố 5");
        var (reviewerContext, reviewer) = await SignedInAsync("Chị Thảo", Roles.Reviewer, null);
        try
        {
            await StoryAsync(author, reviewer);
        }
        catch
        {
            await author.ScreenshotAsync(new() { Path = Shot("review-failed-author"), FullPage = true });
            await reviewer.ScreenshotAsync(new() { Path = Shot("review-failed-reviewer"), FullPage = true });
            throw;
        }
        finally
        {
            await authorContext.CloseAsync();
            await reviewerContext.CloseAsync();
        }
    }

    private async Task StoryAsync(IPage author, IPage reviewer)
    {
        // He writes and sends.
        await author.ClickAndWaitForUrlAsync(author.GetByRole(AriaRole.Link, new() { Name = "Bài mới" }), "**/soan-bai/moi");
        await author.LiveAsync();
        var title = $"Cách chặn cuộc gọi lừa đảo {Guid.NewGuid():N}"[..36];
        await author.GetByLabel("Tiêu đề").FillAsync(title);
        await author.GetByLabel("Tóm tắt").FillAsync("Bài giúp bạn chặn số lạ gọi đến.");
        await author.GetByLabel("Chủ đề").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await author.GetByRole(AriaRole.Button, new() { Name = "Văn bản gốc", Exact = true }).ClickAsync();
        var body = author.GetByLabel("Văn bản gốc của bài");
        await body.ClickAsync();
        await author.Keyboard.TypeAsync("Mở ứng dụng Điện thoại.\n\nBấm vào đây để chặn số.");
        await author.WaitForURLAsync(new Regex("/soan-bai/cach-chan-cuoc-goi"));
        await author.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(author.Locator(".studio-editor__state")).ToHaveTextAsync("Chờ duyệt");
        var slug = author.Url[(author.Url.LastIndexOf('/') + 1)..];

        // She finds it in her queue, comments on the second paragraph and sends it back with a reason.
        await reviewer.GotoAsync("/soan-bai/cho-duyet");
        await reviewer.ClickAndWaitForUrlAsync(reviewer.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }), $"**/soan-bai/cho-duyet/{slug}");
        await reviewer.LiveAsync();
        var second = reviewer.GetByRole(AriaRole.Group, new() { Name = "Đoạn văn", Exact = true }).Nth(1);
        await second.GetByRole(AriaRole.Button, new() { Name = "Nhận xét", Exact = true }).ClickAsync();
        await second.GetByLabel("Nhận xét", new() { Exact = true }).FillAsync("Đừng viết “bấm vào đây”: nói rõ bấm nút nào.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Thêm nhận xét" }).ClickAsync();
        await Assertions.Expect(second.Locator(".review-comment__text")).ToContainTextAsync("nói rõ bấm nút nào");
        await reviewer.GetByLabel("Lý do trả lại").FillAsync("Sửa dòng 3 rồi gửi lại nhé.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".review-message")).ToContainTextAsync("Đã trả lại bài cho tác giả.");
        await reviewer.ScreenshotAsync(new() { Path = Shot("review-sent-back-reviewer"), FullPage = true });

        // He sees why, and the comment, fixes the line and sends it again.
        await author.ReloadAsync();
        await author.LiveAsync();
        await Assertions.Expect(author.Locator(".review-sent-back")).ToContainTextAsync("Sửa dòng 3 rồi gửi lại nhé.");
        await Assertions.Expect(author.Locator(".review-notes")).ToContainTextAsync("nói rõ bấm nút nào");
        await author.ScreenshotAsync(new() { Path = Shot("review-sent-back-author") });
        await author.GetByRole(AriaRole.Button, new() { Name = "Văn bản gốc", Exact = true }).ClickAsync();
        body = author.GetByLabel("Văn bản gốc của bài");
        await body.FillAsync("Mở ứng dụng Điện thoại.\n\nBấm nút Chặn số ở cuối trang.");
        await body.PressAsync("End");
        await Assertions.Expect(author.Locator(".studio-editor__saved")).ToContainTextAsync("Đã lưu lúc");
        await author.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(author.Locator(".studio-editor__state")).ToHaveTextAsync("Chờ duyệt");

        // While he still has it open, she opens the editor too: each sees the other.
        await reviewer.GotoAsync($"/soan-bai/{slug}");
        await Assertions.Expect(reviewer.Locator(".review-presence")).ToContainTextAsync("Anh Minh đang sửa bài này.");
        await Assertions.Expect(author.Locator(".review-presence")).ToContainTextAsync("Chị Thảo đang sửa bài này.");
        // The review bar must not take the editor's stylesheet away (a second HeadContent would).
        await Assertions.Expect(author.Locator("head link[href*='css/studio']")).ToHaveCountAsync(1);
        await author.ScreenshotAsync(new() { Path = Shot("review-presence-author") });

        // She sees only what changed since her review, and publishes.
        await reviewer.GotoAsync($"/soan-bai/cho-duyet/{slug}");
        await reviewer.LiveAsync();
        await Assertions.Expect(reviewer.Locator(".review-diff__removed")).ToHaveTextAsync(new Regex("vào đây"));
        await Assertions.Expect(reviewer.Locator(".review-diff__added").First).ToContainTextAsync("nút Chặn số");
        await reviewer.ScreenshotAsync(new() { Path = Shot("review-changes-reviewer"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Xuất bản ngay" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".review-message")).ToContainTextAsync("người dân xem được ngay");

        // A resident on a phone (390×844), not signed in, reads it at once.
        var reader = await site.PhoneAsync();
        var response = await reader.GotoAsync($"/bai-hoc/{slug}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(reader.Locator(".lesson__body")).ToContainTextAsync("Bấm nút Chặn số ở cuối trang.");
        await reader.ScreenshotAsync(new() { Path = Shot("review-published-phone"), FullPage = true });
        await reader.Context.CloseAsync();
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(string name, string role, string? team)
    {
        var userName = $"duyet{Guid.NewGuid():N}"[..20];
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = name, Team = team, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Learner, role])).Succeeded);
        }
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "vi-VN",
            BaseURL = site.BaseUrl,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/tai-khoan/dang-nhap?ReturnUrl=%2Fsoan-bai");
        await page.GetByLabel("Số điện thoại hoặc tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }), "**/soan-bai");
        return (context, page);
    }
}
