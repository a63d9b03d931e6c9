using AngleSharp.Dom;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Quizzes;

/// <summary>The site over a small library with a known quiz of every question type (answers below).</summary>
public abstract class QuizSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    public const string Slug = "bai-co-kiem-tra";
    public const string QuizLesson = "bai-kiem-tra";

    protected QuizSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    private static ContentFolder NewContent() => new ContentFolder().Topics(("chu-de", "Chủ đề"))
        .File($"lessons/{Slug}/index.md", "---\ntitle: Bài có kiểm tra\nsummary: Tóm tắt.\ntopic: chu-de\ntype: tutorial\n---\nNội dung bài.\n")
        .File($"lessons/{Slug}/a.png", TestMedia.Png(40, 80)).File($"lessons/{Slug}/b.png", TestMedia.Png(42, 80))
        .File($"lessons/{Slug}/quiz.yml", QuizFileTests.EveryType)
        .File($"lessons/{QuizLesson}/index.md", "---\ntitle: Bài kiểm tra ngắn\nsummary: Hai câu.\ntopic: chu-de\ntype: quiz\n---\nGiới thiệu.\n")
        .File($"lessons/{QuizLesson}/quiz.yml", "pass_mark: 50\nquestions:\n" +
            "  - { type: true_false, text: Công an gọi xin mã OTP là thật, answer: false, explanation: Không bao giờ }\n" +
            "  - { type: text, text: Mã một lần gọi là gì, answers: [OTP], explanation: Mã OTP }\n");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads an anonymous reader's progress cookie the way the site does.</summary>
    public AnonymousProgress? Progress(string? cookie)
    {
        if (cookie is null)
            return null;
        var protector = Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(HoaHung.Learning.Web.Progress.LearnerSession.ProtectorPurpose);
        return AnonymousProgress.FromBytes(protector.Unprotect(WebEncoders.Base64UrlDecode(cookie)));
    }
}

public sealed class QuizSqliteSite() : QuizSite(DatabaseProvider.Sqlite);

public sealed class QuizPostgresSite() : QuizSite(DatabaseProvider.Postgres);

/// <summary>
/// A phone without JavaScript: keeps its cookies, submits the page's own forms (hidden fields and antiforgery
/// token included) and follows redirects. <see cref="Copy"/> is the same phone after a dropped connection.
/// </summary>
public sealed class FormBrowser(HttpClient client)
{
    public Dictionary<string, string> Cookies { get; private init; } = [];
    public string Url { get; private set; } = "/";
    public IDocument Page { get; private set; } = Html.Parse("");
    public HttpResponseMessage Response { get; private set; } = new();

    public FormBrowser Copy(HttpClient other) => new(other) { Cookies = new(Cookies) };

    public async Task<IDocument> GetAsync(string url)
    {
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
        return Page;
    }

    /// <summary>Submits the form matching <paramref name="selector"/> with its hidden fields plus <paramref name="fields"/>.</summary>
    public async Task<IDocument> SubmitAsync(string selector, params (string Name, string Value)[] fields)
    {
        var form = Page.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No form '{selector}' on {Url}");
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        values.AddRange(fields);
        return await PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : Url, values);
    }

    public async Task<IDocument> PostAsync(string url, IEnumerable<(string Name, string Value)> values)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))),
        };
        await SendAsync(request);
        return Page;
    }

    public List<HttpResponseMessage> History { get; } = [];

    private async Task SendAsync(HttpRequestMessage request)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            if (Cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request);
            History.Add(response);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || pair[1].Length == 0)
                    Cookies.Remove(pair[0]);
                else
                    Cookies[pair[0]] = pair[1];
            }
            var target = request.RequestUri!.ToString();
            if ((int)response.StatusCode is 301 or 302 or 303 && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, location.IsAbsoluteUri ? location.PathAndQuery : location.ToString());
                continue;
            }
            Url = target.StartsWith("http") ? new Uri(target).PathAndQuery : target;
            Response = response;
            Page = Html.Parse(await response.Content.ReadAsStringAsync());
            return;
        }
        throw new Xunit.Sdk.XunitException("Too many redirects");
    }
}
