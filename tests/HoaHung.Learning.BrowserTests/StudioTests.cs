using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Studio;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VipsImage = NetVips.Image;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// Anh Minh of the Khu phố 5 team writes a lesson with two pictures and a quiz in the studio, loses his connection
/// mid-sentence, finds every word after a reload, and sends the lesson for review — on a laptop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioTests(BrowserSite site)
{
    private const string Password = "viết bài buổi tối 2026";
    private const string Summary = "Bài giúp bạn nhận ra tin nhắn giả danh ngân hàng và biết phải làm gì.";
    private static int counter;

    /// <summary>An option longer than a phone's line.</summary>
    private const string LongOption = "Có, khi cần kiểm tra tài khoản hoặc tặng quà tri ân khách hàng, ngân hàng sẽ nhắn tin xin mã OTP để xác nhận";

    private static string Shot(string name) => Path.Combine(BrowserSite.ScreenshotDirectory, $"{name}.png");

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task An_author_writes_a_lesson_with_pictures_and_a_quiz_loses_nothing_offline_and_sends_it_for_review(int width, int height)
    {
        BrowserSite.RequireChromium();
        var phone = width < 900;
        var (context, page) = await SignedInAsync(width, height, "Khu phố 5");
        var size = phone ? "phone" : "laptop";
        try
        {
            await WriteAndSubmitAsync(context, page, phone, size);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Shot($"studio-failed-{size}"), FullPage = true });
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private async Task WriteAndSubmitAsync(IBrowserContext context, IPage page, bool phone, string size)
    {
        // Pictures are decoded and re-encoded on the server, which shares two cores with the rest of the suite.
        Assertions.SetDefaultExpectTimeout(20_000);
        page.SetDefaultTimeout(30_000);

        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Link, new() { Name = "Bài mới" }), "**/soan-bai/moi");
        await page.LiveAsync(); // the circuit is up (studio.js loaded)
        // He writes in the source text ("Văn bản gốc"); the cards are VolunteerStoryTests'.
        await page.GetByRole(AriaRole.Button, new() { Name = "Văn bản gốc", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Văn bản gốc của bài")).ToBeEditableAsync();

        var title = $"Cách nhận biết tin nhắn lừa đảo giả danh ngân hàng {size}";
        await page.GetByLabel("Tiêu đề").FillAsync(title);
        await page.GetByLabel("Tóm tắt").FillAsync(Summary);
        await page.GetByLabel("Chủ đề").SelectOptionAsync(new SelectOptionValue { Label = "An toàn trên mạng" });
        var body = page.GetByLabel("Văn bản gốc của bài");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync("## Dấu hiệu nhận biết\n\nTin nhắn lừa đảo thường đòi bạn bấm vào một đường link lạ.\n\n");
        await page.WaitForURLAsync("**/soan-bai/cach-nhan-biet-tin-nhan-lua-dao-gia-danh-ngan-hang*");

        // Two screenshots of a phone, each described, then put in the text.
        for (var i = 1; i <= 2; i++)
        {
            await page.GetByLabel("Thêm ảnh").SetInputFilesAsync(new FilePayload { Name = $"Ảnh chụp màn hình {i}.png", MimeType = "image/png", Buffer = Picture(600 + i, 1200) });
            await Assertions.Expect(page.Locator(".studio-media--selected .studio-media__name")).ToHaveTextAsync($"anh-chup-man-hinh-{i}.png");
            var description = page.GetByLabel("Mô tả ảnh");
            await Assertions.Expect(description).ToBeFocusedAsync();
            await description.FillAsync(i == 1 ? "Tin nhắn giả danh ngân hàng có đường link lạ" : "Màn hình cảnh báo của ứng dụng ngân hàng");
            await page.GetByRole(AriaRole.Button, new() { Name = "Chèn ảnh" }).ClickAsync();
            await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($@"\(anh-chup-man-hinh-{i}\.png\)"));
            await Assertions.Expect(description).ToBeHiddenAsync();
        }

        // A one-question quiz with the builder.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm bài kiểm tra" }).ClickAsync();
        await page.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("Ngân hàng có bao giờ nhắn tin xin mã OTP không?");
        await page.GetByLabel("Giải thích", new() { Exact = true }).FillAsync("Ngân hàng không bao giờ hỏi mã OTP.");
        await page.GetByLabel("Lựa chọn 1", new() { Exact = true }).FillAsync("Không bao giờ");
        await page.GetByLabel("Lựa chọn 2", new() { Exact = true }).FillAsync(LongOption);
        await page.GetByLabel("Lựa chọn 2", new() { Exact = true }).PressAsync("Tab");
        await CheckQuizBuilderFitsAsync(page, phone, size);

        // The last words before the connection drops, and words typed while it is down, reach only the browser.
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("Đừng bấm vào đường link đó. ");
        await context.SetOfflineAsync(true);
        await page.Keyboard.TypeAsync("Hãy gọi tổng đài của ngân hàng để hỏi.");
        await page.ScreenshotAsync(new() { Path = Shot($"studio-offline-{size}") });
        await context.SetOfflineAsync(false);
        await page.ReloadAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Văn bản gốc", Exact = true }).ClickAsync();
        body = page.GetByLabel("Văn bản gốc của bài");
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Đừng bấm vào đường link đó\\. Hãy gọi tổng đài của ngân hàng để hỏi\\.$"));
        foreach (var words in new[] { "Dấu hiệu nhận biết", "đòi bạn bấm vào một đường link lạ", "![Tin nhắn giả danh ngân hàng có đường link lạ]", "![Màn hình cảnh báo" })
            await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(words)));
        await Assertions.Expect(page.GetByLabel("Tiêu đề")).ToHaveValueAsync(title);
        // Typed while the first save was creating the lesson: neither reverted on the page nor lost across the reload.
        await Assertions.Expect(page.GetByLabel("Tóm tắt")).ToHaveValueAsync(Summary);
        await Assertions.Expect(page.GetByLabel("Chủ đề")).ToHaveValueAsync("an-toan-tren-mang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sửa bài kiểm tra" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Câu hỏi", new() { Exact = true })).ToHaveValueAsync("Ngân hàng có bao giờ nhắn tin xin mã OTP không?");
        // And the server has it: saved after the reload from what the browser kept ("Đã lưu lúc"), or before it, as
        // the text box lost focus to the reload ("Đã mở bản nháp" then, with nothing left to save).
        await Assertions.Expect(page.Locator(".studio-editor__saved")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Đã lưu lúc|Đã mở bản nháp)"));
        await ServerDraftEndsWithAsync(page.Url[(page.Url.LastIndexOf('/') + 1)..], "Đừng bấm vào đường link đó. Hãy gọi tổng đài của ngân hàng để hỏi.");

        // What a resident will see, through the public page's pipeline.
        if (phone)
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var preview = page.FrameLocator("iframe.studio-preview__frame");
        await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(preview.Locator(".lesson__body img")).ToHaveCountAsync(2);
        await Assertions.Expect(preview.Locator(".lesson__body picture source[type='image/webp']").First).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"\.webp \d+w"));
        await page.ScreenshotAsync(new() { Path = Shot($"studio-preview-{size}"), FullPage = false });
        if (phone)
            await page.GetByRole(AriaRole.Button, new() { Name = "Soạn" }).ClickAsync();
        await page.EvaluateAsync("window.scrollTo(0, 0)"); // the fields and the text, as she sees them on opening
        await page.ScreenshotAsync(new() { Path = Shot($"studio-editor-{size}"), FullPage = false });

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".studio-editor__state")).ToHaveTextAsync("Chờ duyệt");
        await page.ScreenshotAsync(new() { Path = Shot($"studio-submitted-{size}"), FullPage = false });

        // Until a reviewer publishes it, residents do not see it.
        var slug = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var reader = await site.PhoneAsync();
        var response = await reader.GotoAsync($"/bai-hoc/{slug}");
        Assert.Equal(404, response!.Status);
    }

    /// <summary>
    /// Long words wrap: no field name of the builder cut with "…" and an option's whole text in view. On a phone the
    /// bar that stays on screen (save state, Lưu nháp, Gửi duyệt, the panes) is at most 110 px tall: it was 181.
    /// </summary>
    private static async Task CheckQuizBuilderFitsAsync(IPage page, bool phone, string size)
    {
        var option = page.GetByLabel("Lựa chọn 2", new() { Exact = true });
        await Assertions.Expect(option).ToHaveValueAsync(LongOption);
        await option.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"studio-quiz-{size}") });
        Assert.Empty(await PageAudit.ClippedTextAsync(page, ".studio-quiz"));
        var (shortBox, longBox) = (await page.GetByLabel("Lựa chọn 1", new() { Exact = true }).BoundingBoxAsync(), await option.BoundingBoxAsync());
        Assert.True(longBox!.Height > shortBox!.Height + 12, $"the long option takes more lines than the short one: {longBox.Height} and {shortBox.Height} px");
        if (!phone)
            return;
        // Well below the top of the editor, where the bar is stuck under the app bar.
        var bar = page.Locator(".studio-editor__bar");
        var stuck = await bar.BoundingBoxAsync();
        Assert.True(stuck!.Y is > 50 and < 60, $"the bar is stuck under the app bar: y {stuck.Y}");
        Assert.True(stuck.Height <= 110, $"the sticky bar on a phone is {stuck.Height} px tall");
        foreach (var name in new[] { "Lưu nháp", "Gửi duyệt", "Soạn", "Xem trước" })
        {
            var action = bar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
            await Assertions.Expect(action).ToBeInViewportAsync(new() { Ratio = 1 });
            var b = await action.BoundingBoxAsync();
            Assert.True(b!.Width >= 47.5 && b.Height >= 47.5, $"{name}: {b.Width}×{b.Height}");
        }
        await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Cần xem lại") })).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    private async Task ServerDraftEndsWithAsync(string slug, string words)
    {
        var body = "";
        for (var tries = 0; tries < 100; tries++)
        {
            using (var scope = site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
                body = await db.LessonDrafts().AsNoTracking().Where(d => d.Lesson.Slug == slug)
                    .Select(d => d.Body).FirstOrDefaultAsync() ?? "";
            }
            if (body.TrimEnd().EndsWith(words, StringComparison.Ordinal))
                return;
            await Task.Delay(200);
        }
        Assert.Fail($"The server's draft of {slug} does not end with \"{words}\": …{body[Math.Max(0, body.Length - 200)..]}");
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(int width, int height, string team)
    {
        var userName = $"tacgia{Interlocked.Increment(ref counter)}{Guid.NewGuid():N}"[..20];
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Anh Minh", Team = team, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Learner, Roles.Author])).Succeeded);
        }
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 900,
            HasTouch = width < 900,
            DeviceScaleFactor = width < 900 ? 2 : 1,
            Locale = "vi-VN",
            BaseURL = site.BaseUrl,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tai-khoan/dang-nhap?ReturnUrl=%2Fsoan-bai");
        await page.GetByLabel("Số điện thoại hoặc tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }), "**/soan-bai");
        return (context, page);
    }

    private static byte[] Picture(int width, int height)
    {
        using var image = VipsImage.Black(width, height, bands: 3).NewFromImage([40, 90, 160]).Cast(NetVips.Enums.BandFormat.Uchar);
        return image.PngsaveBuffer();
    }
}
