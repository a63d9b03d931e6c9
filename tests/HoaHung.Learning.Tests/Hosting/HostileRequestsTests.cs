using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// The no-5xx crawl (issue 16 item 2): every route of <see cref="RouteMatrix"/> (which the matrix test keeps equal
/// to the app's routes), every method it accepts and a few it does not, as an anonymous visitor, a learner and an
/// admin, with hostile query strings, route values, headers and bodies, and every form of every page filled with
/// hostile values under a valid antiforgery token; and (issue 26) HEAD of every GET route and every form posted twice.
/// Nothing may answer 5xx or log an unhandled exception, and no form posted again may answer an empty page.
/// </summary>
public abstract class HostileRequestsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    private static readonly Role[] Visitors = [Role.Anonymous, Role.Learner, Role.Admin];

    /// <summary>Raw (already percent-encoded) values for query strings, route values and form fields.</summary>
    public static readonly string[] Values =
    [
        "a", "-1", "0", "1.5", "2147483648", "-2147483649", "99999999999999999999999", "1e309", "NaN", "true",
        "", "%20", "%00", "a%00b", "%C0%AF", "%FF%FE", "%E0%80%80", "%ED%A0%80", "%", "%zz", "%2", "%0d%0aSet-Cookie:%20x=y",
        "..%2F..%2Fetc%2Fpasswd", "%2F%2Fevil.example", "https:%2F%2Fevil.example", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%E2%80%AEabc.exe%E2%80%AC", "'%20OR%201=1--", new string('a', 10_240), string.Concat(Enumerable.Repeat("%E1%BB%87", 3_500)),
    ];

    /// <summary>
    /// The values every form field gets in turn: fewer than <see cref="Values"/>, because the account forms hash a
    /// password on every post (the most expensive thing the site does, by design).
    /// </summary>
    public static readonly string[] FormValues =
    [
        "a", "", "99999999999999999999999", "%00", "%FF%FE", "%ED%A0%80", "%", "%E2%80%AEabc.exe%E2%80%AC",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", new string('a', 10_240),
    ];

    private static readonly string[] ExtraQueryKeys = ["ReturnUrl", "r", "q", "page", "trang", "limit", "type", "topic", "length", "handler", "_handler"];

    private int requests;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> failures = new();
    private int peer;
    private int turn;

    [Fact]
    public async Task No_request_gets_a_5xx_or_logs_an_unhandled_exception()
    {
        await site.EnsurePeopleAsync();
        site.Logs.Clear();
        var client = site.Client(followRedirects: false);
        var keys = QueryKeys();
        foreach (var row in RouteMatrix.Rows)
        {
            var url = RouteMatrix.Resolve(row.Url, site);
            var path = url.Split('?')[0];
            await Task.WhenAll(Visitors.Select(async role =>
            {
                var cookie = site.UserOf(role) is { } user ? await site.SignInAsync(user) : null;
                foreach (var value in Values)
                {
                    // A long value goes in one key at a time (turn by turn): Kestrel refuses a request line over 8 KB anyway.
                    var query = value.Length > 200 ? $"{keys[Interlocked.Increment(ref turn) % keys.Count]}={value}"
                        : string.Join("&", keys.Select(k => $"{k}={value}"));
                    await SendAsync(client, row.Method, $"{path}?{query}", cookie, $"query={Short(value)}", row.Form);
                }
                await SendAsync(client, row.Method, $"{path}?{string.Join("&", keys.SelectMany(k => new[] { $"{k}=1", $"{k}=2" }))}", cookie, "repeated keys", row.Form);
                if (row.Method == "GET")
                    foreach (var routeUrl in HostileRouteValues(row))
                        await SendAsync(client, "GET", routeUrl, cookie, "route value", null);
                foreach (var (name, configure) in HostileHeaders())
                    await SendAsync(client, row.Method, url, cookie, name, row.Form, configure);
                if (row.Method != "GET")
                    foreach (var (name, content) in HostileBodies(large: role == Role.Anonymous))
                        await SendAsync(client, row.Method, url, cookie, name, content: content);
                if (role == Role.Anonymous)
                    foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS" })
                        await SendAsync(client, method, url, cookie, "unaccepted method", "");
                if (row.Method == "GET")
                    await SendAsync(client, "HEAD", url, cookie, "HEAD");
                if (row.Method == "GET" && row.Pattern != RouteMatrix.MiddlewareRoute)
                {
                    await FuzzFormsAsync(client, url, cookie);
                    await RepostFormsAsync(client, url, cookie);
                }
            }));
        }
        foreach (var asset in AppRoutes.StaticAssets(site))
            foreach (var (name, configure) in HostileHeaders())
                await SendAsync(client, "GET", asset, null, name, null, configure);

        // ASP.NET Core logs a form token that cannot be decrypted at Error, then answers 400: handled, not a failure.
        var errors = site.Logs.AtLeast(LogLevel.Error).Where(e => !e.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal)).ToList();
        var figures = $"{requests} requests over {RouteMatrix.Rows.Count} routes (hostile values, headers, bodies and methods, HEAD, every form fuzzed and posted twice), {failures.Count} answered 5xx, {errors.Count} unhandled exceptions logged";
        TestContext.Current.SendDiagnosticMessage("Hostile crawl: " + figures);
        Measurements.Write("crawl.txt", "hostile-crawl-" + GetType().Name.Replace("HostileRequestsTestsOn", "", StringComparison.Ordinal).ToLowerInvariant(), figures);
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} hostile requests answered 5xx:\n  " + string.Join("\n  ",
            failures.GroupBy(f => f.Split(' ')[0] + " " + f[(f.IndexOf('(') + 1)..]).Select(g => $"{g.Count()}× {g.First()}").Take(60)));
        Assert.True(errors.Count == 0, $"{errors.Count} unhandled exceptions logged:\n  " + string.Join("\n  ", errors.Take(20)));
    }

    /// <summary>Every form on the page, submitted with its own antiforgery token and every field set to each hostile value.</summary>
    private async Task FuzzFormsAsync(HttpClient client, string url, string? cookie)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
            get.Headers.Add("Cookie", cookie);
        get.Headers.Add(TestDoors.PeerHeader, NextPeer());
        using var page = await client.SendAsync(get);
        Interlocked.Increment(ref requests);
        if ((int)page.StatusCode >= 500)
            failures.Enqueue($"{(int)page.StatusCode} GET {url} (form page)");
        var setCookies = page.Headers.TryGetValues("Set-Cookie", out var c) ? c.Select(v => v.Split(';')[0]) : [];
        var cookies = string.Join("; ", new[] { cookie }.Concat(setCookies).Where(v => !string.IsNullOrEmpty(v)));
        var doc = Html.Parse(await page.Content.ReadAsStringAsync());
        foreach (var form in doc.QuerySelectorAll("form[method=post]"))
        {
            var hidden = form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
            if (hidden.Any(h => h.Item2 == "sign-out"))
                continue; // ends the session the rest of the crawl uses; sign-out has no fields to fuzz
            var fields = form.QuerySelectorAll("input:not([type=hidden]), select, textarea").Select(i => i.GetAttribute("name"))
                .Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
            foreach (var value in FormValues)
            {
                var body = string.Join("&", hidden.Select(h => $"{Uri.EscapeDataString(h.Item1)}={Uri.EscapeDataString(h.Item2)}")
                    .Concat(fields.Select(f => $"{Uri.EscapeDataString(f!)}={value}")));
                await SendAsync(client, "POST", action, cookies, $"form {Short(value)}",
                    content: new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
            }
        }
    }

    /// <summary>
    /// Every form on the page posted twice with its own values, the second time exactly as a browser's reload re-sends it
    /// (issue 26 item 14): the second answer is never a 5xx nor an empty page.
    /// </summary>
    private async Task RepostFormsAsync(HttpClient client, string url, string? cookie)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
            get.Headers.Add("Cookie", cookie);
        get.Headers.Add(TestDoors.PeerHeader, NextPeer());
        using var page = await client.SendAsync(get);
        var setCookies = page.Headers.TryGetValues("Set-Cookie", out var c) ? c.Select(v => v.Split(';')[0]) : [];
        var cookies = string.Join("; ", new[] { cookie }.Concat(setCookies).Where(v => !string.IsNullOrEmpty(v)));
        var doc = Html.Parse(await page.Content.ReadAsStringAsync());
        foreach (var form in doc.QuerySelectorAll("form[method=post]"))
        {
            var hidden = form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
            if (hidden.Any(h => h.Item2 is "sign-out" or "delete-account" or "change-password"))
                continue; // would end or change the sessions the rest of the crawl uses (RepeatedPostsTests posts them twice)
            var fields = form.QuerySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea")
                .Select(i => (i.GetAttribute("name"), i.GetAttribute("value") ?? "")).Where(f => !string.IsNullOrEmpty(f.Item1));
            var body = string.Join("&", hidden.Concat(fields!).Select(f => $"{Uri.EscapeDataString(f.Item1!)}={Uri.EscapeDataString(f.Item2)}"));
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
            for (var time = 1; time <= 2; time++)
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, action)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
                if (cookies.Length > 0)
                    post.Headers.TryAddWithoutValidation("Cookie", cookies);
                post.Headers.Add(TestDoors.PeerHeader, NextPeer());
                post.Headers.TryAddWithoutValidation("Origin", Visitor.Origin);
                Interlocked.Increment(ref requests);
                using var response = await client.SendAsync(post);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var status = (int)response.StatusCode;
                if (status >= 500 || (status is 200 or >= 400 && bytes.Length == 0))
                    failures.Enqueue($"{status} POST {Short(action)} (form posted {(time == 1 ? "once" : "again")}, {bytes.Length} B)");
            }
        }
    }

    private async Task SendAsync(HttpClient client, string method, string url, string? cookie, string what, string? form = null,
        Action<HttpRequestMessage>? configure = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (cookie is not null)
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        request.Headers.Add(TestDoors.PeerHeader, NextPeer()); // a new address each time: rate limits are not what this tests
        if (method != "GET")
            request.Headers.TryAddWithoutValidation("Origin", Visitor.Origin);
        if (content is not null)
            request.Content = content;
        else if (method is not ("GET" or "OPTIONS" or "DELETE"))
            request.Content = new StringContent(form ?? "", Encoding.UTF8, "application/x-www-form-urlencoded");
        configure?.Invoke(request);
        Interlocked.Increment(ref requests);
        try
        {
            using var response = await client.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if ((int)response.StatusCode >= 500)
                failures.Enqueue($"{(int)response.StatusCode} {method} {Short(url)} ({what})");
            if (method == "HEAD" && bytes.Length != 0)
                failures.Enqueue($"HEAD {Short(url)} answered {(int)response.StatusCode} with a body of {bytes.Length} B");
            if (method == "HEAD" && response.StatusCode is HttpStatusCode.MethodNotAllowed)
                failures.Enqueue($"405 HEAD {Short(url)}: HEAD must answer as GET does");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            failures.Enqueue($"exception {method} {Short(url)} ({what}): {e.GetType().Name}: {e.Message}");
        }
    }

    private string NextPeer()
    {
        var n = Interlocked.Increment(ref peer);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <summary>The row's URL with each route value (a segment of the sample URL that the pattern has as a parameter) replaced by each hostile value.</summary>
    private IEnumerable<string> HostileRouteValues(RouteRow row)
    {
        // A NUL in the path is refused by Kestrel with 400 before the site sees it; the in-memory server throws instead.
        var values = Values.Where(v => v.Length > 0 && !v.Contains("%00")).ToList();
        if (row.Pattern == RouteMatrix.MiddlewareRoute || !row.Pattern.Contains('{'))
            return row.Pattern == RouteMatrix.MiddlewareRoute ? values.Select(v => "/media/" + v) : [];
        var patternParts = row.Pattern.Trim('/').Split('/');
        var urlParts = RouteMatrix.Resolve(row.Url, site).Split('?')[0].Trim('/').Split('/');
        var urls = new List<string>();
        for (var i = 0; i < Math.Min(patternParts.Length, urlParts.Length); i++)
        {
            if (!patternParts[i].Contains('{'))
                continue;
            foreach (var value in values)
            {
                var parts = (string[])urlParts.Clone();
                parts[i] = value;
                urls.Add("/" + string.Join("/", parts));
            }
        }
        return urls;
    }

    private static IEnumerable<(string, Action<HttpRequestMessage>)> HostileHeaders() =>
    [
        ("bad cookies", r => r.Headers.TryAddWithoutValidation("Cookie",
            "hh.auth=garbage; hh.progress=%00%FF; .AspNetCore.Culture=c=zz|uic=%FF; hh.textsize=99999999999; hh.af=x; hh.device=%00")),
        ("culture cookie", r => r.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=c%3D%00%7Cuic%3Den-XX-garbage; hh.textsize=-5")),
        ("huge cookie", r => r.Headers.TryAddWithoutValidation("Cookie", "hh.progress=" + new string('A', 60_000))),
        ("Accept-Language", r => r.Headers.TryAddWithoutValidation("Accept-Language", "zz-ZZZZ;q=abc, *;q=-1, \u0000, en;q=2")),
        ("huge header", r => r.Headers.TryAddWithoutValidation("X-Big", new string('x', 100_000))),
        ("Accept-Encoding", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "br;q=abc, gzip;q=2, *;q=0, identity;q=0")),
        ("conditional and range", r =>
        {
            r.Headers.TryAddWithoutValidation("Range", "bytes=999999999999-1,-0,abc");
            r.Headers.TryAddWithoutValidation("If-None-Match", "\"garbage");
            r.Headers.TryAddWithoutValidation("If-Modified-Since", "yesterday");
        }),
        ("Authorization", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer %00garbage")),
        ("forwarded", r =>
        {
            r.Headers.TryAddWithoutValidation("X-Forwarded-For", "not-an-ip, 999.1.1.1, ::ffff:zz");
            r.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "gopher");
            r.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");
        }),
        ("cross-site", r =>
        {
            r.Headers.Remove("Origin");
            r.Headers.TryAddWithoutValidation("Origin", "null");
            r.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        }),
        ("Accept", r => r.Headers.TryAddWithoutValidation("Accept", "text/html;q=abc, */*;q=-1, application/json;;;")),
        ("blazor headers", r =>
        {
            r.Headers.TryAddWithoutValidation("blazor-enhanced-nav", "on");
            r.Headers.TryAddWithoutValidation("X-Requested-With", "%00");
        }),
    ];

    /// <summary>Malformed bodies; the large ones (5 MB, 5,000 fields) only when <paramref name="large"/>.</summary>
    private static IEnumerable<(string, HttpContent)> HostileBodies(bool large)
    {
        static HttpContent Raw(byte[] bytes, string contentType)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }
        static HttpContent Text(string text, string contentType) => Raw(Encoding.UTF8.GetBytes(text), contentType);
        (string, HttpContent)[] bodies =
        [
            ("body %00", Text("position=%00&duration=%00&_handler=%00", "application/x-www-form-urlencoded")),
            ("body invalid UTF-8", Raw([.. "position="u8, 0xFF, 0xFE, .. "&duration=1"u8], "application/x-www-form-urlencoded")),
            ("multipart without boundary", Text("garbage", "multipart/form-data")),
            ("multipart cut short", Text("--b\r\nContent-Disposition: form-data; name=\"position\"\r\n\r\n1", "multipart/form-data; boundary=b")),
            ("body of 5 MB", Text("position=" + new string('1', 5 * 1024 * 1024), "application/x-www-form-urlencoded")),
            ("5000 fields", Text(string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=1")), "application/x-www-form-urlencoded")),
            ("key of 10 KB", Text(new string('k', 10_240) + "=1", "application/x-www-form-urlencoded")),
            ("bad charset", Text("position=1", "application/x-www-form-urlencoded; charset=no-such-charset")),
            ("JSON garbage", Text("{\"position\":", "application/json")),
            ("no content type", Raw("position=1"u8.ToArray(), "")),
        ];
        return large ? bodies : bodies.Where(b => !b.Item1.StartsWith("body of") && !b.Item1.StartsWith("5000"));
    }

    /// <summary>
    /// Query keys the app reads: every <c>[SupplyParameterFromQuery]</c> of its pages, every parameter its endpoints
    /// bind that is not a route value, and a few common names.
    /// </summary>
    private List<string> QueryKeys()
    {
        var pages = typeof(HoaHung.Learning.Web.Hosting.HostingExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(p => (p, a: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(x => x.a is not null)
            .Select(x => x.a!.Name ?? x.p.Name);
        var endpoints = AppRoutes.Of(site)
            .SelectMany(r => r.Endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                .Where(m => !r.Pattern.Contains("{" + m.Name, StringComparison.OrdinalIgnoreCase) && IsSimple(m.ParameterInfo.ParameterType))
                .Select(m => m.Name));
        return pages.Concat(endpoints).Concat(ExtraQueryKeys).Distinct().ToList();
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.IsEnum || type == typeof(Guid);
    }

    private static string Short(string s) => s.Length > 60 ? s[..60] + $"…({s.Length})" : s;
}

public sealed class HostileRequestsTestsOnSqlite(SqliteRolesSite site) : HostileRequestsTests<SqliteRolesSite>(site);

public sealed class HostileRequestsTestsOnPostgres(PostgresRolesSite site) : HostileRequestsTests<PostgresRolesSite>(site);
