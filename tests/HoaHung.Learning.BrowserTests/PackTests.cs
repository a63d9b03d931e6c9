using System.IO.Compression;
using System.Text;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VipsImage = NetVips.Image;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// Chị Thảo, a reviewer of the neighbouring ward, downloads Hòa Hưng's path as a pack, imports a pack from the studio's
/// pack page, reads the report and opens the draft; a pack with a path leaving the folder is refused with its reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PackTests(BrowserSite site)
{
    private const string Password = "gói bài học giữa các phường";

    [Fact]
    public async Task A_reviewer_exports_a_path_imports_a_pack_as_drafts_and_sees_a_hostile_pack_refused()
    {
        BrowserSite.RequireChromium();
        Assertions.SetDefaultExpectTimeout(20_000);
        var context = await SignedInAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            await page.GotoAsync("/soan-bai");
            await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Link, new() { Name = "Gói bài học" }), "**/soan-bai/goi-bai");
            await page.LiveAsync(); // the circuit is up

            // Export: the download the page links to, with her sign-in cookie.
            var path = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(BrowserSite.RepoRoot, "content", "paths"), "*.yml").Order().First());
            var download = await context.APIRequest.GetAsync($"/soan-bai/goi-bai/xuat/lo-trinh/{path}");
            Assert.Equal(200, download.Status);
            Assert.Equal("application/zip", download.Headers["content-type"]);
            using (var zip = new ZipArchive(new MemoryStream(await download.BodyAsync())))
                Assert.Contains(zip.Entries, e => e.FullName == $"paths/{path}.yml");

            // Import: the report names the lesson added as a draft and links to it in the studio.
            await page.GetByLabel("Tệp gói bài học (.zip)").SetInputFilesAsync(new FilePayload { Name = "goi-phuong-ben.zip", MimeType = "application/zip", Buffer = Pack("bai-tu-phuong-ben") });
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập gói" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập 1 bài thành bản nháp");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cảnh giác khi mua hàng trên mạng" })).ToHaveAttributeAsync("href", "/soan-bai/bai-tu-phuong-ben");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "packs-imported.png"), FullPage = true });

            // A hostile pack: refused, the entry and the reason shown.
            await page.GetByLabel("Tệp gói bài học (.zip)").SetInputFilesAsync(new FilePayload { Name = "goi-xau.zip", MimeType = "application/zip", Buffer = Pack("bai-xau", "../../thoat-ra.md") });
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập gói" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Gói bị từ chối, không có gì được thêm");
            await Assertions.Expect(page.Locator(".studio-packs__problems")).ToContainTextAsync("../../thoat-ra.md: đường dẫn ra ngoài gói");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "packs-refused.png"), FullPage = true });

            // The draft opens in the editor; residents do not see it.
            await page.GotoAsync("/soan-bai/bai-tu-phuong-ben");
            await Assertions.Expect(page.GetByLabel("Tiêu đề")).ToHaveValueAsync("Cảnh giác khi mua hàng trên mạng");
            var anonymous = await site.Browser.NewPageAsync(new() { BaseURL = site.BaseUrl });
            Assert.Equal(404, (await anonymous.GotoAsync("/bai-hoc/bai-tu-phuong-ben"))!.Status);
            await anonymous.CloseAsync();
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "packs-failed.png"), FullPage = true });
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static byte[] Pack(string slug, string? hostile = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
            Add("topics.yml", Encoding.UTF8.GetBytes("- slug: an-toan-tren-mang\n  title: An toàn trên mạng\n  icon: shield\n"));
            Add($"lessons/{slug}/index.md", Encoding.UTF8.GetBytes("---\ntitle: Cảnh giác khi mua hàng trên mạng\nsummary: Những dấu hiệu của người bán lừa đảo.\n"
                + "topic: an-toan-tren-mang\n---\n## Dấu hiệu\n\n![Tin nhắn đòi chuyển tiền trước](tin-nhan.png)\n"));
            using (var image = VipsImage.Black(480, 320, bands: 3).NewFromImage([200, 120, 40]).Cast(NetVips.Enums.BandFormat.Uchar))
                Add($"lessons/{slug}/tin-nhan.png", image.PngsaveBuffer());
            if (hostile is not null)
                Add(hostile, "x"u8.ToArray());
        }
        return memory.ToArray();
    }

    private async Task<IBrowserContext> SignedInAsync()
    {
        var userName = $"duyet{Guid.NewGuid():N}"[..20];
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Chị Thảo", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Learner, Roles.Reviewer])).Succeeded);
        }
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "vi-VN", BaseURL = site.BaseUrl,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tai-khoan/dang-nhap?ReturnUrl=%2Fsoan-bai");
        await page.GetByLabel("Số điện thoại hoặc tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }), "**/soan-bai");
        await page.CloseAsync();
        return context;
    }
}
