using System.Net;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Hosting;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Issue 26 items 1, 8, 9 and 11, on each provider: a forged <c>Host</c> reaches no other reader's page; a junk sign-in
/// cookie is an anonymous reader served from the output cache; every page made for one reader says
/// <c>private, no-cache</c>; <c>q=0</c> in <c>Accept-Encoding</c> is honoured by the shells, the compression and the cache.
/// </summary>
public abstract class HonestCachingTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    private const string Evil = "hoc-hoahung.evil.example";

    private async Task<HttpResponseMessage> GetAsync(string url, Role role, string? host = null, string? acceptEncoding = null, string? cookie = null)
    {
        var path = RouteMatrix.Resolve(url, site);
        using var request = new HttpRequestMessage(HttpMethod.Get, host is null ? new Uri(path, UriKind.Relative) : new Uri($"http://{host}{path}"));
        var cookies = new[] { await site.CookieAsync(role), cookie }.Where(c => c is not null).ToList();
        if (cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await site.Client(followRedirects: false).SendAsync(request);
    }

    /// <summary>Item 1: one learner's request with a forged Host made every signed-in learner's shell carry that domain.</summary>
    [Theory]
    [InlineData("/bai-hoc/{lesson}")]
    [InlineData("/chu-de/{topic}")]
    [InlineData("/lo-trinh/{path}")]
    public async Task A_forged_host_never_reaches_another_learners_page(string url)
    {
        await site.EnsurePeopleAsync();
        using var forged = await GetAsync(url, Role.Learner, host: Evil);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);

        foreach (var role in new[] { Role.OtherLearner, Role.Learner, Role.Author })
        {
            using var response = await GetAsync(url, role);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Evil, html);
            Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/", html);
        }
    }

    /// <summary>Item 8: any junk <c>hh.auth</c> cookie skipped the output cache (19× the cost of a hit).</summary>
    [Theory]
    [InlineData("hh.auth=junk")]
    [InlineData("hh.auth=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hh.auth=chunks-2; hh.authC1=abc; hh.authC2=def")]
    public async Task A_junk_sign_in_cookie_is_an_anonymous_reader_served_from_the_cache(string junk)
    {
        await site.EnsurePeopleAsync();
        using (var warm = await GetAsync("/", Role.Anonymous))
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAsync("/", Role.Anonymous, cookie: junk);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Age is not null, "served from the output cache"); // the cache adds Age to what it replays
            Assert.Equal($"public, max-age={OutputCaching.BrowserSeconds}", response.Headers.CacheControl?.ToString());
        }
        // A real sign-in still gets her own page, never the shared one.
        using var signedIn = await GetAsync("/", Role.Learner);
        Assert.Null(signedIn.Headers.Age);
        Assert.Contains("Learner", await signedIn.Content.ReadAsStringAsync());
    }

    /// <summary>Item 9: her own pages carried no Cache-Control; shells said <c>private, no-cache</c>.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/cua-toi")]
    [InlineData("/cua-toi/dang-hoc")]
    [InlineData("/cua-toi/da-hoc-xong?trang=2")]
    [InlineData("/cua-toi/bai-kiem-tra")]
    [InlineData("/tim-kiem?q=bai")]
    [InlineData("/cua-toi/hoan-thanh/{lesson}")]
    [InlineData("/bai-hoc/{lesson}")]
    [InlineData("/chu-de/{topic}")]
    [InlineData("/cua-toi/xoa-tai-khoan")]
    [InlineData("/chung-chi/{code}")]
    public async Task Every_page_made_for_her_says_private_no_cache(string url)
    {
        await site.EnsurePeopleAsync();
        using var response = await GetAsync(url, Role.Learner);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        // private, no-cache: only her browser keeps it, and asks again; or a form's no-store: nobody keeps it at all.
        Assert.True(cacheControl.NoStore || (cacheControl.Private && cacheControl.NoCache), $"{url}: {cacheControl}");
        Assert.False(cacheControl.Public);
        if (!cacheControl.NoStore)
            Assert.Contains("Learner", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Item 11: <c>gzip;q=0, identity</c> still got gzip from a shell. A shell is gzip or plain; a plain one still goes
    /// through the compression middleware, so a client that refuses gzip but takes brotli gets brotli.
    /// </summary>
    [Theory]
    [InlineData("gzip;q=0, identity", null)]
    [InlineData("gzip; q=0 , br", "br")]
    [InlineData("*;q=0.5, gzip;q=0", "br")]
    [InlineData("identity;q=1, gzip;q=0.5", null)]
    [InlineData("GZIP;q=0.001", "gzip")]
    [InlineData("*", "gzip")]
    [InlineData("br;q=1, gzip;q=0.8", "gzip")]
    public async Task A_shell_honours_the_weights_of_accept_encoding(string acceptEncoding, string? expected)
    {
        await site.EnsurePeopleAsync();
        using var response = await GetAsync("/bai-hoc/{lesson}", Role.Learner, acceptEncoding: acceptEncoding);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();
        var html = expected switch
        {
            "gzip" => await new StreamReader(new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync(),
            "br" => await new StreamReader(new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync(),
            _ => System.Text.Encoding.UTF8.GetString(body),
        };
        Assert.Contains("Learner", html);
        Assert.EndsWith("</html>", html.TrimEnd());
    }

    /// <summary>Item 11, the shared cache: a page stored for a client that refused a coding is never replayed in it to another, and the reverse.</summary>
    [Theory]
    [InlineData("/chu-de/{topic}", "gzip;q=0, identity", null, "gzip", "gzip")]
    [InlineData("/lo-trinh/{path}", "br;q=0, gzip", "gzip", "br", "br")]
    public async Task The_output_cache_keys_pages_by_the_coding_actually_sent(string url, string first, string? firstCoding, string second, string secondCoding)
    {
        await site.EnsurePeopleAsync();
        for (var round = 0; round < 2; round++) // stored, then replayed
        {
            using var refusing = await GetAsync(url, Role.Anonymous, acceptEncoding: first);
            Assert.Equal(firstCoding is null ? [] : [firstCoding], refusing.Content.Headers.ContentEncoding);
            using var taking = await GetAsync(url, Role.Anonymous, acceptEncoding: second);
            Assert.Equal([secondCoding], taking.Content.Headers.ContentEncoding);
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip;q=0, identity", "")]
    [InlineData("br;q=0, gzip;q=0.1", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("br;q=0.5, gzip;q=0.5", "br")]
    [InlineData("*", "br")]
    [InlineData("*;q=0", "")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("identity;q=1, br;q=0.9", "")]
    [InlineData("br;q=abc, gzip", "gzip")]
    [InlineData("br;q=1.5, gzip", "gzip")]
    [InlineData("br ; Q = 0 , gzip", "gzip")]
    [InlineData(",,;q=,br;", "br")]
    [InlineData("brotli, gzipx", "")]
    public void Accept_encoding_is_read_with_its_weights(string header, string expected) =>
        Assert.Equal(expected, ContentCodings.Choose(header));
}

public sealed class HonestCachingTestsOnSqlite(SqliteRolesSite site) : HonestCachingTests<SqliteRolesSite>(site);

public sealed class HonestCachingTestsOnPostgres(PostgresRolesSite site) : HonestCachingTests<PostgresRolesSite>(site);
