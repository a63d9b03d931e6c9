using System.Net;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Forwarded headers and host names (issue 16 item 7): <c>X-Forwarded-For</c> is believed only from the configured
/// proxies — a client rotating it does not escape the per-address limits, even with
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> — and absolute links come from <c>App:PublicBaseUrl</c>, or from a
/// <c>Host</c> header that <c>AllowedHosts</c> accepts, as the start-up log says. Host-level: one provider is enough.
/// </summary>
public sealed class ProxyTests
{
    private const string Proxy = "192.0.2.1";
    private const string Client = "198.51.100.9";
    private static int searches;

    /// <summary>An empty library, three searches a minute per address, the test doors, and the given settings.</summary>
    private sealed class ProxySite(params (string Key, string Value)[] settings)
        : SiteFactory(DatabaseProvider.Sqlite, TestEnvironment.NewTempDirectory("hh-empty"))
    {
        public LogCollector Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("App:RateLimits:SearchPermitLimit", "3");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureServices(TestDoors.Register);
            builder.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<LogCollector>(null, LogLevel.Information));
        }
    }

    /// <summary>Searches once per forwarded address and counts the 429s.</summary>
    private static async Task<int> RefusedAsync(SiteFactory site, string? peer, IEnumerable<string> forwardedFor)
    {
        var client = site.Client(followRedirects: false);
        var refused = 0;
        foreach (var address in forwardedFor)
        {
            // A new query each time: an answer from the output cache is not counted.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?q=vneid{Interlocked.Increment(ref searches)}");
            if (peer is not null)
                request.Headers.Add(TestDoors.PeerHeader, peer);
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{address}: {response.StatusCode}");
            refused += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }
        return refused;
    }

    private static IEnumerable<string> Rotating(int count, int from = 1) => Enumerable.Range(from, count).Select(i => $"203.0.113.{i}");

    [Fact]
    public async Task Without_known_proxies_a_rotated_forwarded_for_is_ignored()
    {
        await using var site = new ProxySite();
        Assert.Equal(7, await RefusedAsync(site, Client, Rotating(10)));
        Assert.Contains(site.Logs.Entries, e => e.Message.StartsWith("Forwarded headers are ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_framework_switch_that_believes_everyone_does_not_open_the_door()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true adds a forwarded-headers middleware that believes any sender.
        await using var site = new ProxySite(("FORWARDEDHEADERS_ENABLED", "true"));
        Assert.Equal(7, await RefusedAsync(site, peer: null, Rotating(10)));
    }

    [Fact]
    public async Task From_a_known_proxy_each_resident_has_her_own_limit_and_nobody_else_is_believed()
    {
        await using var site = new ProxySite(("App:KnownProxies:0", Proxy));

        Assert.Equal(0, await RefusedAsync(site, Proxy, Rotating(10)));
        Assert.Equal(2, await RefusedAsync(site, Proxy, Enumerable.Repeat("203.0.113.200", 5)));
        // A client that is not the proxy sends the header itself: its own address is what counts.
        Assert.Equal(7, await RefusedAsync(site, Client, Rotating(10, from: 100)));
        Assert.Contains(site.Logs.Entries, e => e.Message == $"Forwarded headers are trusted from {Proxy} ");
    }

    [Fact]
    public async Task Without_a_public_address_only_allowed_hosts_make_links_and_the_log_says_so()
    {
        await using var site = new ProxySite(("AllowedHosts", "hoc.hoahung.example"));
        var client = site.Client(followRedirects: false);

        using var evil = new HttpRequestMessage(HttpMethod.Get, "/");
        evil.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(evil)).StatusCode);
        using var ours = new HttpRequestMessage(HttpMethod.Get, "/");
        ours.Headers.Host = "hoc.hoahung.example";
        using var page = await client.SendAsync(ours);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<link rel=\"canonical\" href=\"http://hoc.hoahung.example/\"", await page.Content.ReadAsStringAsync());
        Assert.Contains(site.Logs.Entries, e => e.Level == LogLevel.Information
            && e.Message.Contains("accepted only when it is one of AllowedHosts hoc.hoahung.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_public_address_links_ignore_the_host_header_and_any_host_warns()
    {
        await using (var open = new ProxySite())
        {
            open.Client();
            Assert.Contains(open.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("AllowedHosts is '*'", StringComparison.Ordinal));
        }
        await using var site = new ProxySite(("App:PublicBaseUrl", "https://hoc.hoahung.example"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        using var page = await site.Client(followRedirects: false).SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<link rel=\"canonical\" href=\"https://hoc.hoahung.example/\"", html);
        Assert.DoesNotContain("evil.example", html);
        Assert.Contains(site.Logs.Entries, e => e.Message == "Absolute links use App:PublicBaseUrl https://hoc.hoahung.example");
    }
}
