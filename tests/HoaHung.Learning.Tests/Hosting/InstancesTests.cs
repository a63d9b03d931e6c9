using System.Diagnostics;
using System.Net;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// The site run as real processes the way an operator runs it (docs/architecture.md §7): a catalog change made by
/// another process — the <c>import-content</c> command — reaches every running instance's cached pages, with Redis
/// at once and without it within the poll interval; a lesson published in the studio of one instance is served by the
/// others within 3 s; a sign-in made on one instance is recognised by another.
/// </summary>
public sealed class InstancesTests : IAsyncLifetime
{
    private const string Topic = "chu-de-thu";
    private const string Lesson = "bai-doi-ten";
    private readonly ContentFolder content = new();
    private readonly string dataDir = TestEnvironment.NewTempDirectory("hh-instances");
    private readonly List<SiteProcess> sites = [];
    private string? database;
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        WriteLibrary("Tên cũ của bài");
        return ValueTask.CompletedTask;
    }

    private void WriteLibrary(string title) =>
        content.Topics((Topic, "Chủ đề thử")).Lesson(Lesson, title, Topic).Lesson("bai-giu-nguyen", "Bài giữ nguyên", Topic);

    [Fact]
    public async Task Without_redis_an_import_by_the_command_reaches_the_running_site_within_the_poll_interval()
    {
        var environment = Environment(("Database__Provider", "Sqlite"), ("App__CatalogSync__PollSeconds", "1"));
        var site = await StartAsync(environment);
        Assert.Contains("Tên cũ của bài", await PageAsync(site, Lesson)); // now in the output cache
        Assert.Contains("Tên cũ của bài", await PageAsync(site, Lesson));

        var (exit, output) = await ImportAsync(environment, "Tên mới sau khi nhập");
        Assert.True(exit == 0, output);

        var seconds = await SecondsUntilAsync(site, "Tên mới sau khi nhập", TimeSpan.FromSeconds(30));
        TestContext.Current.SendDiagnosticMessage($"change seen after {seconds:F2} s (poll 1 s)");
    }

    [Fact]
    public async Task Two_instances_on_postgres_and_redis_serve_an_import_within_3_s_and_share_a_sign_in()
    {
        TestEnvironment.RequirePostgres();
        TestEnvironment.RequireRedis();
        database = $"hh_instances_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = database }.ConnectionString;
        // A long poll interval: only Redis can bring the change within 3 seconds.
        var environment = Environment(("Database__Provider", "Postgres"), ("ConnectionStrings__Postgres", connection),
            ("ConnectionStrings__Redis", TestEnvironment.RedisServer!), ("App__CatalogSync__PollSeconds", "60"));
        var first = await StartAsync(environment); // migrates and imports the library
        var second = await StartAsync(environment);
        foreach (var site in new[] { first, second, first, second })
            Assert.Contains("Tên cũ của bài", await PageAsync(site, Lesson));

        var (exit, output) = await ImportAsync(environment, "Tên mới trên mọi máy");
        Assert.True(exit == 0, output);
        var clock = Stopwatch.StartNew();
        foreach (var site in new[] { first, second })
            await SecondsUntilAsync(site, "Tên mới trên mọi máy", TimeSpan.FromSeconds(3) - clock.Elapsed);
        TestContext.Current.SendDiagnosticMessage($"both instances served the change after {clock.Elapsed.TotalSeconds:F2} s");

        var (created, log) = await SiteProcess.RunAsync(environment, "hoa sen nở giữa đầm", ct,
            "users", "add", "--username", "cohoa", "--role", "Learner", "--display-name", "Trần Thị Hoa");
        Assert.True(created == 0, log);
        var cookies = new CookieContainer();
        var onFirst = new Visitor(first.BaseUrl, cookies);
        var (signedIn, _) = await onFirst.SignInAsync("cohoa", "hoa sen nở giữa đầm");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotNull(cookies.GetCookies(new Uri(first.BaseUrl))["hh.auth"]);
        // The same browser cookies, sent to the other instance (a load balancer without sticky sessions).
        var onSecond = new Visitor(second.BaseUrl, CopyCookies(cookies, first.BaseUrl, second.BaseUrl));
        var (mine, doc) = await onSecond.GetAsync("/cua-toi");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("Trần Thị Hoa", doc.Body!.TextContent);

        // Her lesson page on the second instance (its shell, and what it holds of her completions), then "done" on the
        // first: the second shows it at once (Redis tells it to forget what it held).
        var (_, before) = await onSecond.GetAsync($"/bai-hoc/{Lesson}");
        Assert.True(before.QuerySelector("[data-done-state]")!.HasAttribute("hidden"));
        Assert.Equal("Hoa", before.QuerySelector(".prefs__item--account .prefs__label")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await onFirst.CompleteAsync(Lesson)).StatusCode);
        var seen = Stopwatch.StartNew();
        while (true)
        {
            var (_, after) = await onSecond.GetAsync($"/bai-hoc/{Lesson}");
            if (!after.QuerySelector("[data-done-state]")!.HasAttribute("hidden"))
                break;
            Assert.True(seen.Elapsed < TimeSpan.FromSeconds(3), "the second instance still shows the lesson as not done after 3 s");
            await Task.Delay(50, ct);
        }
        TestContext.Current.SendDiagnosticMessage($"the other instance showed her completion after {seen.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task A_lesson_published_in_the_studio_of_one_instance_is_served_by_every_other_within_3_s()
    {
        TestEnvironment.RequirePostgres();
        TestEnvironment.RequireRedis();
        database = $"hh_instances_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = database }.ConnectionString;
        var environment = Environment(("Database__Provider", "Postgres"), ("ConnectionStrings__Postgres", connection),
            ("ConnectionStrings__Redis", TestEnvironment.RedisServer!), ("App__CatalogSync__PollSeconds", "60"));
        var first = await StartAsync(environment);
        var second = await StartAsync(environment);

        // The reviewer's instance: the same build in this process, on the same database, media folder and Redis.
        await using var studio = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            foreach (var (key, value) in environment)
                b.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
        });
        using var scope = studio.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var thao = new AppUser { UserName = "chithao", DisplayName = "Chị Thảo", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(thao, "hoa sen nở giữa đầm")).Succeeded);
        Assert.True((await users.AddToRolesAsync(thao, [Roles.Learner, Roles.Reviewer])).Succeeded);
        var drafts = studio.Services.GetRequiredService<Drafts>();
        var lesson = new LessonContent
        {
            Title = "Bài mới từ xưởng soạn bài", Summary = "Một câu nói bài học giúp gì.", Topic = Topic,
            Body = "Dòng một.\nDòng hai.", Minutes = 5, Tags = "thử",
        };
        var draft = Assert.IsType<OpenResult.Opened>(await drafts.CreateAsync(thao.Id, lesson, ct)).Draft;
        var sent = Assert.IsType<DraftResult.Saved>(await drafts.SubmitAsync(thao.Id, draft.LessonId, new DraftEdit(draft.Version, lesson), ct));
        foreach (var site in new[] { first, second })
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(site, draft.Slug)).StatusCode);

        var clock = Stopwatch.StartNew();
        Assert.IsType<ReviewResult.Done>(await studio.Services.GetRequiredService<Reviews>()
            .PublishAsync(thao.Id, draft.LessonId, sent.RevisionId!.Value, ct));
        foreach (var site in new[] { first, second })
        {
            while ((await GetAsync(site, draft.Slug)).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"{site.BaseUrl} did not serve the published lesson within 3 s:\n{site.Output}");
                await Task.Delay(50, ct);
            }
        }
        TestContext.Current.SendDiagnosticMessage($"both instances served the published lesson after {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Contains("Bài mới từ xưởng soạn bài", await PageAsync(second, draft.Slug));
    }

    private async Task<HttpResponseMessage> GetAsync(SiteProcess site, string slug)
    {
        using var http = new HttpClient();
        return await http.GetAsync($"{site.BaseUrl}/bai-hoc/{slug}", ct);
    }

    private static CookieContainer CopyCookies(CookieContainer from, string fromUrl, string toUrl)
    {
        var to = new CookieContainer();
        foreach (Cookie c in from.GetCookies(new Uri(fromUrl)))
            to.Add(new Uri(toUrl), new Cookie(c.Name, c.Value, "/"));
        return to;
    }

    private Dictionary<string, string> Environment(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["App__DataDirectory"] = dataDir, // shared, as the media folder is shared storage between instances
            ["App__ContentDirectory"] = content.Root,
        };
        foreach (var (key, value) in settings)
            environment[key] = value;
        return environment;
    }

    private async Task<SiteProcess> StartAsync(Dictionary<string, string> environment)
    {
        var site = await SiteProcess.StartAsync(environment, ct);
        sites.Add(site);
        return site;
    }

    private Task<(int Exit, string Output)> ImportAsync(Dictionary<string, string> environment, string newTitle)
    {
        WriteLibrary(newTitle);
        return SiteProcess.RunAsync(environment, null, ct, "import-content", content.Root);
    }

    private async Task<string> PageAsync(SiteProcess site, string slug)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("identity");
        return await http.GetStringAsync($"{site.BaseUrl}/bai-hoc/{slug}", ct);
    }

    /// <summary>Asks the anonymous (cached) lesson page every 50 ms until it shows <paramref name="text"/>.</summary>
    private async Task<double> SecondsUntilAsync(SiteProcess site, string text, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if ((await PageAsync(site, Lesson)).Contains(text, StringComparison.Ordinal))
                return clock.Elapsed.TotalSeconds;
            await Task.Delay(50, ct);
        }
        throw new Xunit.Sdk.XunitException($"{site.BaseUrl} still served the old lesson after {within.TotalSeconds:F1} s:\n{site.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var site in sites)
            await site.DisposeAsync();
        content.Dispose();
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }
}
