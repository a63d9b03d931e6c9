using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>
/// One person with one browser: cookies kept between requests, forms posted the way a browser posts them
/// (antiforgery token and all), redirects not followed so tests can see them.
/// </summary>
public sealed class Visitor
{
    public const string Origin = "http://localhost";
    private readonly SiteFactory? site;
    private readonly HttpClient client;
    private readonly string origin = Origin;

    /// <param name="peer">The client address the requests come from (a site with <see cref="TestDoors"/> only).</param>
    public Visitor(SiteFactory site, CookieContainer? cookies = null, string? peer = null)
    {
        site.EnsureAvailable();
        this.site = site;
        Cookies = cookies ?? new CookieContainer();
        client = site.CreateDefaultClient(new Uri(Origin), new CookieContainerHandler(Cookies));
        if (peer is not null)
            client.DefaultRequestHeaders.Add(TestDoors.PeerHeader, peer);
    }

    /// <summary>A browser talking to a site in another process (<see cref="SiteProcess"/>); the cookies may be shared with another visitor.</summary>
    public Visitor(string baseUrl, CookieContainer cookies)
    {
        Cookies = cookies;
        origin = baseUrl.TrimEnd('/');
        client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(origin) };
    }

    public CookieContainer Cookies { get; }

    /// <summary>The same browser after the connection dropped: a new client, the same cookies.</summary>
    public Visitor Reconnect() => site is null ? new Visitor(origin, Cookies) : new(site, Cookies);

    public string? Cookie(string name) => Cookies.GetCookies(new Uri(origin))[name]?.Value;

    public Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url) => client.GetPageAsync(url);

    /// <summary>Fills in and submits the form named <paramref name="formName"/> on the page at <paramref name="url"/>.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(string url, string formName,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (page, doc) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = doc.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new Xunit.Sdk.XunitException($"No form '{formName}' on {url}");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields).ToList();
        var action = form.GetAttribute("action");
        return await PostAsync(string.IsNullOrEmpty(action) ? url : action, values);
    }

    /// <summary>A POST as a browser sends it from one of the site's pages (with the Origin header).</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> PostAsync(string url,
        IEnumerable<KeyValuePair<string, string>> fields, string? origin = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
            request.Headers.Add("Origin", origin.Length == 0 ? this.origin : origin);
        var response = await client.SendAsync(request);
        return (response, Html.Parse(await response.Content.ReadAsStringAsync()));
    }

    public async Task<HttpResponseMessage> SignUpAsync(string name, string displayName = "Nguyễn Thị Lan", string password = "hoa mai nở sáng nay")
    {
        var (response, _) = await SubmitAsync("/tai-khoan/dang-ky", "sign-up", Fields(
            ("Input.Name", name), ("Input.DisplayName", displayName), ("Input.Password", password), ("Input.Confirm", password),
            ("Input.Consent", "true")));
        return response;
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> SignInAsync(string name, string password = "hoa mai nở sáng nay") =>
        await SubmitAsync("/tai-khoan/dang-nhap", "sign-in", Fields(("Input.Name", name), ("Input.Password", password)));

    public async Task<HttpResponseMessage> CompleteAsync(string slug) =>
        (await PostAsync($"/tien-do/{slug}/hoan-thanh", [])).Response;

    /// <summary>Where a redirect goes, as a site-relative path (Blazor redirects with absolute URLs).</summary>
    public static string Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} is not a redirect");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static IEnumerable<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value));
}
