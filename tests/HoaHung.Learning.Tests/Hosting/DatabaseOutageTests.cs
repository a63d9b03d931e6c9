using System.Net;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Every 5xx a person can get while the database is unreachable is the Vietnamese error page, never an empty answer
/// (issue 26; <c>ErrorPages</c>). The site runs as an operator runs it, on a PostgreSQL cluster of the test's own that
/// the test stops. The first case the restart run found, made to happen every time: a learner who has just signed up
/// (her session not yet read back by this instance) opens a page while the database is down — her session check
/// fails, and the error page used to check it again, fail again, and leave Kestrel's empty 500.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Lesson = "bai-mot";
    private const string ErrorTitle = "Xin lỗi, đã có lỗi xảy ra";
    private readonly ContentFolder content = new();
    private readonly string dataDir = TestEnvironment.NewTempDirectory("hh-outage");
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private PrivatePostgres? postgres;
    private SiteProcess? site;

    public ValueTask InitializeAsync()
    {
        content.Topics(("chu-de", "Chủ đề thử")).Lesson(Lesson, "Bài một", "chu-de").Lesson("bai-hai", "Bài hai", "chu-de");
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_5xx_while_the_database_is_down_is_the_Vietnamese_error_page()
    {
        postgres = await PrivatePostgres.StartAsync(ct);
        var environment = new Dictionary<string, string>
        {
            ["App__DataDirectory"] = dataDir,
            ["App__ContentDirectory"] = content.Root,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = postgres.ConnectionString,
        };
        site = await SiteProcess.StartAsync(environment, ct);
        var (created, log) = await SiteProcess.RunAsync(environment, "sen hồng nở trong ao", ct,
            "users", "add", "--username", "cothao", "--role", "Reviewer", "--display-name", "Lê Thị Thảo");
        Assert.True(created == 0, log);

        // Lan has just signed up; Thảo, a reviewer (her header counts lessons waiting, from the database), has used the site.
        var lan = new Visitor(site.BaseUrl, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await lan.SignUpAsync("lan" + Random.Shared.Next(100_000))).StatusCode);
        var thao = new Visitor(site.BaseUrl, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await thao.SignInAsync("cothao", "sen hồng nở trong ao")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await thao.GetAsync("/cua-toi")).Response.StatusCode);
        var anyone = new Visitor(site.BaseUrl, new CookieContainer());

        await postgres.StopAsync(ct);
        var answers = new List<(string What, HttpResponseMessage Response, string Body)>();
        async Task Ask(string what, Func<Task<HttpResponseMessage>> call)
        {
            var response = await call();
            answers.Add((what, response, await response.Content.ReadAsStringAsync(ct)));
        }
        await Ask("her first page after signing up", async () => (await lan.GetAsync("/cua-toi")).Response);
        await Ask("her lesson marked done", () => lan.CompleteAsync(Lesson));
        await Ask("her lesson page", async () => (await lan.GetAsync($"/bai-hoc/{Lesson}")).Response);
        await Ask("the reviewer's Của tôi", async () => (await thao.GetAsync("/cua-toi")).Response);
        await Ask("the reviewer's home page", async () => (await thao.GetAsync("/")).Response);
        await Ask("the reviewer's lesson done", () => thao.CompleteAsync(Lesson));
        await Ask("a sign-in", async () => (await anyone.SignInAsync("cothao", "sen hồng nở trong ao")).Response);
        await Ask("a sign-up", () => new Visitor(site.BaseUrl, new CookieContainer()).SignUpAsync("mai" + Random.Shared.Next(100_000)));
        await Ask("an anonymous lesson done", () => anyone.CompleteAsync(Lesson));
        await Ask("the search page", async () => (await anyone.GetAsync("/tim-kiem?q=bai")).Response);

        var report = string.Join("\n", answers.Select(a => $"{a.What}: {(int)a.Response.StatusCode}, {a.Body.Length} chars"));
        // Her first page is the case that used to be empty: it must be an error, and a page.
        Assert.True((int)answers[0].Response.StatusCode >= 500, report);
        foreach (var (what, response, body) in answers.Where(a => (int)a.Response.StatusCode >= 500))
        {
            var page = Html.Parse(body);
            Assert.True(page.QuerySelector("h1")?.TextContent.Trim() == ErrorTitle, $"{what}: {(int)response.StatusCode} without the error page\n{report}\n{site.Output}");
            Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        }

        // Back: the site serves her again without being restarted.
        await postgres.StartAgainAsync(ct);
        var back = await lan.GetAsync("/cua-toi");
        for (var tries = 0; back.Response.StatusCode != HttpStatusCode.OK && tries < 50; tries++)
        {
            await Task.Delay(200, ct);
            back = await lan.GetAsync("/cua-toi");
        }
        Assert.Equal(HttpStatusCode.OK, back.Response.StatusCode);
        TestContext.Current.SendDiagnosticMessage(report);
    }

    [Fact]
    public void The_fixed_error_page_says_the_same_in_Vietnamese_and_encodes_what_it_is_given()
    {
        var html = HoaHung.Learning.Web.Hosting.ErrorPages.Page("vi", "Kho <học>", ErrorTitle, "Thử lại & chờ", "Về trang chủ");
        var page = Html.Parse(html);
        Assert.Equal(ErrorTitle, page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Thử lại & chờ", page.QuerySelector(".message-page p")!.TextContent);
        Assert.Equal("/", page.QuerySelector("a.button")!.GetAttribute("href"));
        Assert.DoesNotContain("<học>", html);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    public async ValueTask DisposeAsync()
    {
        if (site is not null)
            await site.DisposeAsync();
        if (postgres is not null)
            await postgres.DisposeAsync();
        content.Dispose();
    }
}
