using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Search;

/// <summary>The site's own rate limits (no test override): what a class on one wifi does in a minute.</summary>
public sealed class ClassroomSite() : SiteFactory(DatabaseProvider.Sqlite);

public sealed class ClassroomRateLimitTests(ClassroomSite site) : IClassFixture<ClassroomSite>
{
    private static readonly string[] Queries =
    [
        "dang ky vneid", "lua dao", "ket noi wifi", "mat khau", "quet ma qr", "hoa don dien", "nop ho so", "cong dan so",
        "zalo", "otp", "phong to chu", "the can cuoc", "dich vu cong", "chuyen tien",
    ];

    [Fact]
    public async Task A_class_of_30_on_one_address_searches_for_a_minute_without_being_refused()
    {
        // The in-memory server gives every request the same (absent) client address: one classroom wifi.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Url, HttpStatusCode Status)>();
        async Task ResidentAsync(int resident)
        {
            var client = site.Client();
            for (var n = 0; n < 3; n++) // three searches in the minute, each typed letter by letter
            {
                var query = Queries[(resident + n * 7) % Queries.Length];
                for (var typed = 2; typed <= query.Length; typed++)
                {
                    var url = $"/api/v1/search/suggestions?limit=6&q={Uri.EscapeDataString(query[..typed].Trim())}";
                    statuses.Add((url, (await client.GetAsync(url)).StatusCode));
                }
                foreach (var url in new[] { $"/tim-kiem?q={Uri.EscapeDataString(query)}", $"/tim-kiem?q={Uri.EscapeDataString(query)}&loai=huong-dan" })
                    statuses.Add((url, (await client.GetAsync(url)).StatusCode));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 30).Select(ResidentAsync));

        Assert.True(statuses.Count > 900, $"{statuses.Count} requests");
        Assert.Empty(statuses.Where(s => s.Status != HttpStatusCode.OK).Select(s => $"{s.Status} {s.Url}"));
    }

    [Fact]
    public async Task A_class_of_30_on_one_address_signs_up_and_in_together_some_twice_without_being_refused()
    {
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task ResidentAsync(int resident)
        {
            var phone = $"0978 {resident:D3} {Random.Shared.Next(1000):D3}";
            var visitor = new Visitor(site);
            // A mistake first (the confirmation differs), then the form again, as a class does in its first session.
            var (mistake, _) = await visitor.SubmitAsync("/tai-khoan/dang-ky", "sign-up", Visitor.Fields(
                ("Input.Name", phone), ("Input.DisplayName", "Học viên lớp"), ("Input.Password", "hoa mai nở sáng nay"),
                ("Input.Confirm", "hoa mai no sang nay"), ("Input.Consent", "true")));
            if (mistake.StatusCode == HttpStatusCode.TooManyRequests) refused.Add($"sign-up {resident}");
            if ((await visitor.SignUpAsync(phone)).StatusCode == HttpStatusCode.TooManyRequests) refused.Add($"sign-up again {resident}");
            // Next session, on a shared phone: a mistyped password, then the right one.
            var next = new Visitor(site);
            if ((await next.SignInAsync(phone, "hoa mai no sang nay")).Response.StatusCode == HttpStatusCode.TooManyRequests) refused.Add($"sign-in {resident}");
            if ((await next.SignInAsync(phone)).Response.StatusCode == HttpStatusCode.TooManyRequests) refused.Add($"sign-in again {resident}");
        }
        await Task.WhenAll(Enumerable.Range(0, 30).Select(ResidentAsync));
        Assert.Empty(refused);
    }
}

/// <summary>Three searches a minute, to see the fourth refused.</summary>
public sealed class TightlyLimitedSearchTests(TightlyLimitedSearchSite site) : IClassFixture<TightlyLimitedSearchSite>
{
    [Fact]
    public async Task A_client_searching_too_fast_is_asked_to_wait_seconds_on_the_sites_own_page_without_blame()
    {
        var client = site.Client();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/search?q=vneid{i}")).StatusCode);

        var api = await client.GetAsync("/api/v1/search?q=vneid");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        var wait = int.Parse(api.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 20); // the bucket refills one search every 20 s: never "a minute"
        var detail = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains($"khoảng {wait} giây", detail);

        var (page, doc) = await client.GetPageAsync("/tim-kiem?q=vneid");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("Xin đợi vài giây", doc.Text("h1"));
        Assert.Contains("Bạn không làm gì sai", doc.Text(".message-page"));
        Assert.Matches(@"khoảng \d+ giây", doc.Text(".message-page"));
        Assert.NotNull(doc.QuerySelector("link[rel=stylesheet]")); // the site's own page, styled
        Assert.Single(doc.QuerySelectorAll("form[role=search]"));

        // Suggestions have their own bucket: typing still gets them.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search/suggestions?q=vneid")).StatusCode);
        // Other pages are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
