using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Admin;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>
/// The site over a small library — two topics, an imported published lesson with a described picture, a second lesson
/// and a path — with the studio's services, and staff of two khu phố teams.
/// </summary>
public abstract class StudioSite(DatabaseProvider provider, ContentFolder content) : AdminSite(provider, content.Root)
{
    public const string Imported = "nhan-biet-lua-dao";
    public const string ImportedText = "Không bao giờ đọc mã OTP cho người lạ.";
    public const string TeamA = "Khu phố 5";
    public const string TeamB = "Khu phố 7";

    protected StudioSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    private static ContentFolder NewContent() => new ContentFolder()
        .Topics(("an-toan-tren-mang", "An toàn trên mạng"), ("dien-thoai", "Điện thoại"))
        .File($"lessons/{Imported}/index.md", "---\ntitle: Nhận biết lừa đảo\nsummary: Cách nhận ra tin nhắn lừa đảo.\n"
            + $"topic: an-toan-tren-mang\ntype: tutorial\n---\n{ImportedText}\n\n![Tin nhắn giả danh ngân hàng](tin-nhan.png)\n")
        .File($"lessons/{Imported}/tin-nhan.png", TestMedia.Png(400, 300))
        .File("lessons/bai-thu-hai/index.md", "---\ntitle: Bài thứ hai\nsummary: Tóm tắt.\ntopic: dien-thoai\ntype: tutorial\n---\nNội dung.\n")
        .Path("an-toan", "An toàn", Imported, "bai-thu-hai");

    public Drafts Drafts => Services.GetRequiredService<Drafts>();
    public StudioMedia Media => Services.GetRequiredService<StudioMedia>();
    public StudioLessons Lessons => Services.GetRequiredService<StudioLessons>();

    public string MediaDirectory => Path.Combine(DataDirectory, "media");

    /// <summary>A staff member with these roles, in <paramref name="team"/>.</summary>
    public async Task<AppUser> StaffAsync(string? team, params string[] roles)
    {
        var user = await this.UserAsync(AccountSeed.UniqueName("staff"), $"Tình nguyện viên {team}", roles: roles);
        await WithDbAsync(async db =>
        {
            var stored = await db.Users.FindAsync(user.Id);
            stored!.Team = team;
            return await db.SaveChangesAsync();
        });
        user.Team = team;
        return user;
    }

    public Task<AppUser> AuthorAsync(string? team = TeamA) => StaffAsync(team, Roles.Author);

    /// <summary>What studio.js sends: the file as the request body, the page's antiforgery token in a header, the sign-in cookie.</summary>
    public async Task<HttpResponseMessage> UploadAsync(AppUser? user, string url, HttpContent content, string fileName, bool token = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        content.Headers.ContentType = new("application/octet-stream");
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        var cookies = new List<string>();
        if (user is not null)
        {
            cookies.Add(await this.SignInAsync(user));
            using var scope = Services.CreateScope();
            var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
            var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>()
                .GetAndStoreTokens(new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider });
            cookies.Add($"hh.af={tokens.CookieToken}");
            if (token)
                request.Headers.Add("RequestVerificationToken", tokens.RequestToken);
        }
        if (cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await Client(followRedirects: false).SendAsync(request);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class StudioSqliteSite() : StudioSite(DatabaseProvider.Sqlite);

public sealed class StudioPostgresSite() : StudioSite(DatabaseProvider.Postgres);
