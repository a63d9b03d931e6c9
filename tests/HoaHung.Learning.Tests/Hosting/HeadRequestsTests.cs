using System.Net;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Issue 26 item 10: HEAD answers as GET does, without a body, on every GET route of <see cref="RouteMatrix"/> for
/// every kind of visitor: <c>/healthz</c>, cached pages, signed-in shells, redirects and refusals alike.
/// </summary>
public abstract class HeadRequestsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    [Fact]
    public async Task Head_answers_every_get_route_as_get_does_without_a_body()
    {
        await site.EnsurePeopleAsync();
        var client = site.Client(followRedirects: false);
        var wrong = new List<string>();
        var asked = 0;
        foreach (var row in RouteMatrix.Rows.Where(r => r.Method == "GET"))
        {
            var url = RouteMatrix.Resolve(row.Url, site);
            foreach (var role in Enum.GetValues<Role>())
            {
                var cookie = await site.CookieAsync(role);
                // Twice: the second HEAD of a cacheable page is answered from the output cache or a shell.
                for (var round = 0; round < 2; round++)
                {
                    var (getStatus, getLocation, getType, getBody) = await AskAsync(client, HttpMethod.Get, url, cookie);
                    var (headStatus, headLocation, headType, headBody) = await AskAsync(client, HttpMethod.Head, url, cookie);
                    asked++;
                    if (headStatus != getStatus || headLocation != getLocation || headType != getType || headBody.Length != 0)
                        wrong.Add($"HEAD {url} as {role}: {headStatus} {headLocation} {headType} body {headBody.Length} B; GET: {getStatus} {getLocation} {getType}");
                    if (getBody.Length == 0 && getStatus == HttpStatusCode.OK)
                        wrong.Add($"GET {url} as {role}: 200 with an empty body");
                }
            }
        }
        TestContext.Current.SendDiagnosticMessage($"HEAD: {asked} requests compared with GET");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Distinct().Take(40)));
    }

    [Fact]
    public async Task Head_of_healthz_and_of_a_cached_page_says_its_length()
    {
        var client = site.Client(followRedirects: false);
        using var health = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(await health.Content.ReadAsByteArrayAsync());

        var page = await client.GetByteArrayAsync($"/bai-hoc/{RolesSite.Tutorial}");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/bai-hoc/{RolesSite.Tutorial}"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(page.Length, head.Content.Headers.ContentLength);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(HttpStatusCode, string?, string?, byte[])> AskAsync(HttpClient client, HttpMethod method, string url, string? cookie)
    {
        using var request = new HttpRequestMessage(method, url);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, response.Headers.Location?.OriginalString, response.Content.Headers.ContentType?.MediaType, body);
    }
}

public sealed class HeadRequestsTestsOnSqlite(SqliteRolesSite site) : HeadRequestsTests<SqliteRolesSite>(site);

public sealed class HeadRequestsTestsOnPostgres(PostgresRolesSite site) : HeadRequestsTests<PostgresRolesSite>(site);
