using System.Text;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Every route of the running site × every kind of visitor gets the answer <see cref="RouteMatrix"/> says
/// (issue 16 item 9). The routes come from the app itself, so a new route without a row fails here.
/// </summary>
public abstract class AuthorizationMatrixTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    [Fact]
    public async Task Every_route_of_the_app_has_a_row_in_the_matrix()
    {
        await site.EnsurePeopleAsync();
        var missing = AppRoutes.Of(site)
            .Where(r => !RouteMatrix.Rows.Any(row => row.Pattern == r.Pattern && (r.Method is null || row.Method == r.Method)))
            .Select(r => $"{r.Method ?? "(any method)"} {r.Pattern}")
            .ToList();
        Assert.True(missing.Count == 0,
            "These routes have no row in tests/HoaHung.Learning.Tests/Hosting/RouteMatrix.cs; add one line each saying what every kind " +
            "of visitor must get (Page(...) for a Razor page, Get/Post for an endpoint):\n  " + string.Join("\n  ", missing));
        var stale = RouteMatrix.Rows.Where(row => row.Pattern != RouteMatrix.MiddlewareRoute
            && !AppRoutes.Of(site).Any(r => r.Pattern == row.Pattern)).Select(r => r.Pattern).Distinct().ToList();
        Assert.True(stale.Count == 0, "Rows for routes the app no longer maps (remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_route_answers_every_kind_of_visitor_as_the_matrix_says()
    {
        await site.EnsurePeopleAsync();
        var client = site.Client(followRedirects: false);
        var wrong = new StringBuilder();
        var cells = 0;
        foreach (var row in RouteMatrix.Rows)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                cells++;
                var expected = row.Expect.For(role);
                var actual = await AskAsync(client, row.Method, RouteMatrix.Resolve(row.Url, site), await site.CookieAsync(role), row.Form);
                if (!Matches(expected, actual))
                    wrong.AppendLine($"  {row.Method} {row.Url} as {role}: expected {expected}, got {actual}");
            }
        }
        TestContext.Current.SendDiagnosticMessage($"Authorization matrix: {RouteMatrix.Rows.Count} rows × {Enum.GetValues<Role>().Length} visitors = {cells} cells");
        Assert.True(wrong.Length == 0, "Answers that differ from the matrix:\n" + wrong);
    }

    [Fact]
    public async Task A_session_that_must_change_its_password_does_nothing_anywhere_but_the_account_pages()
    {
        // Issue 26 item 5: the report's .csv and .xlsx, a pack import, a mark-done post all went through before.
        await site.EnsurePeopleAsync();
        var client = site.Client(followRedirects: false);
        var wrong = new StringBuilder();
        foreach (var row in RouteMatrix.Rows)
        {
            var expected = RouteMatrix.ForMustChangePassword(row);
            var actual = await AskAsync(client, row.Method, RouteMatrix.Resolve(row.Url, site), site.MustChangePasswordCookie, row.Form);
            if (!Matches(expected, actual))
                wrong.AppendLine($"  {row.Method} {row.Url}: expected {expected}, got {actual}");
        }
        Assert.True(wrong.Length == 0, "Answers to a session that must change its password that differ from the matrix:\n" + wrong);
    }

    [Fact]
    public async Task Every_static_asset_is_served_to_every_kind_of_visitor()
    {
        await site.EnsurePeopleAsync();
        var client = site.Client(followRedirects: false);
        var assets = AppRoutes.StaticAssets(site);
        Assert.NotEmpty(assets);
        var wrong = new List<string>();
        foreach (var path in assets)
        {
            foreach (var role in Enum.GetValues<Role>())
                if (await AskAsync(client, "GET", path, await site.CookieAsync(role), null) is { Status: not 200 } actual)
                    wrong.Add($"{path} as {role}: {actual}");
            if (await AskAsync(client, "GET", path, site.MustChangePasswordCookie, null) is { Status: not 200 } pending)
                wrong.Add($"{path} while the password must be changed: {pending}");
        }
        Assert.Empty(wrong);
    }

    internal static async Task<Answer> AskAsync(HttpClient client, string method, string url, string? cookie, string? form)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        if (method != "GET")
        {
            request.Headers.Add("Origin", Visitor.Origin);
            request.Content = new StringContent(form ?? "", Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        using var response = await client.SendAsync(request);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        return new Answer((int)response.StatusCode, location);
    }

    private static bool Matches(Answer expected, Answer actual) =>
        expected.Status == actual.Status
        && (expected.Location is null || (actual.Location?.StartsWith(expected.Location, StringComparison.Ordinal) ?? false));
}

/// <summary>The routes the running app maps, read from its endpoint data source.</summary>
public static class AppRoutes
{
    public sealed record Route(string Pattern, string? Method, RouteEndpoint Endpoint);

    private static IEnumerable<RouteEndpoint> Endpoints(SiteFactory site)
    {
        site.Client(); // the host is built and its endpoints are mapped
        return site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
    }

    /// <summary>Every route and method, static assets apart (<see cref="StaticAssets"/>); HEAD goes with GET.</summary>
    public static IReadOnlyList<Route> Of(SiteFactory site) => Endpoints(site)
        .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
                ? methods.Where(m => m != "HEAD").Select(m => (string?)m) : [null])
            .Select(m => new Route(e.RoutePattern.RawText ?? "", m, e)))
        .DistinctBy(r => (r.Pattern, r.Method))
        .ToList();

    /// <summary>The URL of every file <c>MapStaticAssets</c> serves.</summary>
    public static IReadOnlyList<string> StaticAssets(SiteFactory site) => Endpoints(site)
        .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Distinct()
        .ToList();
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteRolesSite site) : AuthorizationMatrixTests<SqliteRolesSite>(site);

public sealed class AuthorizationMatrixTestsOnPostgres(PostgresRolesSite site) : AuthorizationMatrixTests<PostgresRolesSite>(site);
