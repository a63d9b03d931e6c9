using System.Net;
using HoaHung.Learning.Tests.Search;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>A class joining on one wifi is never refused (the site's own limits, no test override).</summary>
public sealed class ClassJoiningOnOneWifiTests(ClassroomSite site) : IClassFixture<ClassroomSite>
{
    [Fact]
    public async Task Thirty_residents_on_one_address_open_the_join_pages_without_being_refused()
    {
        // The in-memory server gives every request the same (absent) client address: one classroom wifi.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Url, HttpStatusCode Status)>();
        async Task ResidentAsync(int resident)
        {
            var client = site.Client(followRedirects: false);
            foreach (var url in new[] { "/tham-gia", "/tham-gia?ma=zzz-222", "/tham-gia/ZZZ222" })
                statuses.Add((url, (await client.GetAsync(url)).StatusCode));
        }
        await Task.WhenAll(Enumerable.Range(0, 30).Select(ResidentAsync));

        Assert.Equal(90, statuses.Count);
        Assert.Empty(statuses.Where(s => s.Status == HttpStatusCode.TooManyRequests).Select(s => s.Url));
    }
}

/// <summary>Someone trying join codes one after another is slowed down, told in Vietnamese, without blame.</summary>
public sealed class JoinCodeGuessingTests(ClassroomSite site) : IClassFixture<ClassroomSite>
{
    [Fact]
    public async Task Trying_hundreds_of_codes_in_a_minute_is_refused_with_a_wait()
    {
        var client = site.Client(followRedirects: false);
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 400 && refused is null; i++)
        {
            var response = await client.GetAsync($"/tham-gia/{Guess(i)}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused = response;
        }

        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Nhiều người đang vào lớp cùng lúc trên mạng này", body);
        Assert.Contains("Bạn không làm gì sai", body);
    }

    private static string Guess(int i)
    {
        const string alphabet = HoaHung.Learning.Classes.JoinCodes.Alphabet;
        var chars = new char[6];
        for (var k = 0; k < 6; k++, i /= alphabet.Length)
            chars[k] = alphabet[i % alphabet.Length];
        return new string(chars);
    }
}
