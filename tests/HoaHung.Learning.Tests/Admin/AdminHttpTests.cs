using System.Net;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Admin;

/// <summary>The admin pages decide on the server, before any circuit, who may see them.</summary>
public abstract class AdminHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : AdminSite
{
    private const string Secret = "Phạm Thị Bí Mật";

    [Theory]
    [InlineData("/quan-tri/nguoi-dung")]
    [InlineData("/quan-tri")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_sees_no_user(string path)
    {
        site.EnsureAvailable();
        await site.UserAsync(AccountSeed.UniquePhone(), Secret);

        var response = await site.Client(followRedirects: false).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/tai-khoan/dang-nhap?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Bí Mật", body);
        Assert.DoesNotContain("0912", body);
    }

    [Fact]
    public async Task A_signed_in_learner_gets_a_403_page_in_Vietnamese_and_no_circuit()
    {
        site.EnsureAvailable();
        await site.UserAsync(AccountSeed.UniquePhone(), Secret);
        var cookie = await site.SignInAsync(await site.UserAsync(roles: HoaHung.Learning.Accounts.Roles.Author));

        var (response, _) = await site.Client(followRedirects: false).GetPageAsync("/quan-tri/nguoi-dung", r => r.Headers.Add("Cookie", cookie));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));

        var (denied, doc) = await site.Client().GetPageAsync(response.Headers.Location!.ToString(), r => r.Headers.Add("Cookie", cookie));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Bạn không có quyền xem trang này", doc.Text("h1"));
        Assert.DoesNotContain("Bí Mật", doc.Body!.OuterHtml);
        Assert.Empty(doc.QuerySelectorAll("script[src*='blazor']"));
    }

    [Fact]
    public async Task An_admin_gets_the_interactive_staff_page()
    {
        site.EnsureAvailable();
        var cookie = await site.SignInAsync(await site.AdminAsync());

        var (response, doc) = await site.Client(followRedirects: false).GetPageAsync("/quan-tri/nguoi-dung", r => r.Headers.Add("Cookie", cookie));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Người dùng", doc.Text("h1"));
        Assert.NotNull(doc.QuerySelector("script[src*='blazor.web']"));
        Assert.NotNull(doc.QuerySelector("link[href*='MudBlazor']"));
        // Its circuit receives the page's state (the antiforgery token), unlike the static learner pages.
        Assert.Contains("Blazor-Server-Component-State", await response.Content.ReadAsStringAsync());
        Assert.Contains(doc.QuerySelectorAll(".staff-tools a"), a => a.GetAttribute("href") == "/quan-tri");
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/tai-khoan/dang-xuat");
    }
}

public sealed class AdminHttpTestsOnSqlite(SqliteAdminSite site) : AdminHttpTests<SqliteAdminSite>(site);

public sealed class AdminHttpTestsOnPostgres(PostgresAdminSite site) : AdminHttpTests<PostgresAdminSite>(site);
