using System.Net;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>Issue 26 item 12: rate limits count an IPv6 client by its /64, an IPv4 client (mapped or not) by its address.</summary>
public sealed class RateLimitKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::1", "::/64")]
    public void Clients_are_keyed_by_address_or_ipv6_prefix(string address, string key) =>
        Assert.Equal(key, RateLimiting.PartitionKey(IPAddress.Parse(address)));

    [Fact]
    public void A_missing_address_has_one_key() => Assert.Equal(RateLimiting.PartitionKey(null), RateLimiting.PartitionKey(null));
}

public sealed class PeerSite() : SiteFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(TestDoors.Register);
    }
}

/// <summary>A guesser who changes address inside her IPv6 /64 on every request is still one client to the join limit.</summary>
public sealed class Ipv6JoinGuessingTests(PeerSite site) : IClassFixture<PeerSite>
{
    [Fact]
    public async Task Rotating_addresses_inside_one_ipv6_prefix_does_not_escape_the_join_limit()
    {
        var client = site.Client(followRedirects: false);
        var refused = false;
        for (var i = 0; i < 400 && !refused; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/tham-gia/ZZ{i:D4}");
            request.Headers.Add(TestDoors.PeerHeader, $"2001:db8:7:9:{i:x}:{i * 7:x}:1:{i:x}");
            refused = (await client.SendAsync(request)).StatusCode == HttpStatusCode.TooManyRequests;
        }
        Assert.True(refused, "400 join pages from one /64, each from its own address, were all answered");

        // Her neighbour on another /64 is not slowed down by her.
        using var neighbour = new HttpRequestMessage(HttpMethod.Get, "/tham-gia");
        neighbour.Headers.Add(TestDoors.PeerHeader, "2001:db8:7:a::1");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SendAsync(neighbour)).StatusCode);
    }
}
