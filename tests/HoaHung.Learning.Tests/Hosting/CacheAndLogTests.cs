using System.Net;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Issue 16 item 8: anonymous public pages tell browsers and proxies they may keep them (and nothing personal
/// does); an expected unique-key race, handled by its caller, is logged as information, not as an EF error.
/// </summary>
public abstract class CacheAndLogTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    private static readonly string Public = $"public, max-age={OutputCaching.BrowserSeconds}";

    private async Task<HttpResponseMessage> GetAsync(string url, Role role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RouteMatrix.Resolve(url, site));
        if (await site.CookieAsync(role) is { } cookie)
            request.Headers.Add("Cookie", cookie);
        return await site.Client(followRedirects: false).SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/chu-de/{topic}")]
    [InlineData("/lo-trinh/{path}")]
    [InlineData("/bai-hoc/{lesson}")]
    public async Task Anonymous_public_pages_may_be_kept_by_browsers_and_vary_by_cookie(string url)
    {
        await site.EnsurePeopleAsync();
        for (var i = 0; i < 2; i++) // rendered, then replayed from the output cache
        {
            using var response = await GetAsync(url, Role.Anonymous);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Public, response.Headers.CacheControl?.ToString());
            Assert.Equal(["Cookie", "Blazor-Enhanced-Nav"], response.Headers.Vary);
        }
        using var signedIn = await GetAsync(url, Role.Learner);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.DoesNotContain("public", signedIn.Headers.CacheControl?.ToString() ?? "");
    }

    [Theory]
    [InlineData("/cua-toi")]
    [InlineData("/tai-khoan/dang-nhap")]
    [InlineData("/tham-gia")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Personal_forms_and_missing_pages_are_never_public(string url)
    {
        foreach (var role in new[] { Role.Anonymous, Role.Learner })
        {
            using var response = await GetAsync(url, role);
            Assert.DoesNotContain("public", response.Headers.CacheControl?.ToString() ?? "");
        }
    }

    [Fact]
    public async Task A_handled_unique_key_race_is_information_not_an_error()
    {
        await site.EnsurePeopleAsync();
        site.Logs.Clear();
        await using (var db = await site.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>().CreateDbContextAsync())
        {
            db.Topics.Add(new Topic { Slug = RolesSite.Topic, Title = "Chủ đề trùng" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        var ef = site.Logs.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        Assert.Contains(ef, e => e.Level == LogLevel.Information && e.Category == "Microsoft.EntityFrameworkCore.Update");
        Assert.DoesNotContain(ef, e => e.Level >= LogLevel.Warning);
    }
}

public sealed class CacheAndLogTestsOnSqlite(SqliteRolesSite site) : CacheAndLogTests<SqliteRolesSite>(site);

public sealed class CacheAndLogTestsOnPostgres(PostgresRolesSite site) : CacheAndLogTests<PostgresRolesSite>(site);
