using System.Diagnostics;
using System.Text.Json;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Xapi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Xapi;

/// <summary>
/// Learning records out (issue 22 item 7): every kind of statement passes @learninglocker/xapi-validation and holds
/// nothing personal; statements made while the LRS fails (503, dropped connections, 429, answers lost after storing)
/// all arrive, each once; a statement the LRS refuses is parked with its reason and shown to an admin.
/// </summary>
public abstract class XapiTests<TSite>(TSite site) : XapiTestsBase<TSite>(site), IClassFixture<TSite> where TSite : XapiSite
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_kind_of_statement_passes_the_validator_and_names_no_one()
    {
        Site.EnsureAvailable();
        XapiValidator.Require();
        var phone = AccountSeed.UniquePhone();
        var name = "Nguyễn Thị Lan " + Guid.NewGuid().ToString("N")[..6];
        var learner = await Site.UserAsync(phone, name, "Khu phố 3");
        var before = Site.Lrs.Stored.Count;

        await OpenAndFinishAsync(learner, XapiSite.Tutorial);        // completed (a lesson)
        await TakeQuizAsync(learner, right: false);                  // failed, with its score
        await TakeQuizAsync(learner, right: true);                   // passed; completes the quiz lesson and the path: certificate
        await AttendAsync(learner);                                  // attended
        const int made = 6;
        Assert.True(await Site.Lrs.WaitForAsync(before + made, Within), $"the LRS holds {Site.Lrs.Stored.Count - before} of {made} statements");

        var actor = await ActorOfAsync(learner);
        var hers = Site.Lrs.Stored.Where(s => s.GetProperty("actor").GetProperty("account").GetProperty("name").GetString() == actor).ToList();
        Assert.Equal(made, hers.Count);
        var verbs = hers.Select(s => s.GetProperty("verb").GetProperty("id").GetString()!).Order().ToList();
        Assert.Equal([XapiStatements.Attended, XapiStatements.Completed, XapiStatements.Completed, XapiStatements.Completed,
            XapiStatements.Failed, XapiStatements.Passed], verbs);
        Assert.Contains(hers, s => s.GetProperty("object").GetProperty("id").GetString() == XapiSite.PublicBaseUrl + "/bai-hoc/" + XapiSite.Tutorial);
        Assert.Contains(hers, s => s.GetProperty("object").GetProperty("id").GetString() == XapiSite.PublicBaseUrl + "/lo-trinh/" + XapiSite.Path);
        var failed = hers.Single(s => s.GetProperty("verb").GetProperty("id").GetString() == XapiStatements.Failed).GetProperty("result");
        var passed = hers.Single(s => s.GetProperty("verb").GetProperty("id").GetString() == XapiStatements.Passed).GetProperty("result");
        Assert.Equal((0.0, 0.0, 0.0, 2.0, false), Score(failed));
        Assert.Equal((1.0, 2.0, 0.0, 2.0, true), Score(passed));
        Assert.All(hers, s =>
        {
            Assert.Equal(XapiSite.PublicBaseUrl, s.GetProperty("actor").GetProperty("account").GetProperty("homePage").GetString());
            Assert.False(string.IsNullOrEmpty(s.GetProperty("object").GetProperty("definition").GetProperty("name").GetProperty("vi-VN").GetString()));
        });

        // (a) the validator, on exactly what was POSTed
        var json = "[" + string.Join(",", hers.Select(s => s.GetRawText())) + "]";
        var (exit, output) = await XapiValidator.ValidateAsync(json);
        Assert.True(exit == 0, output);
        Assert.Contains($"\"checked\":{made}", output, StringComparison.Ordinal);
        // and the validator does fail: a statement without its verb id
        var (badExit, badOutput) = await XapiValidator.ValidateAsync("[" + hers[0].GetRawText().Replace(XapiStatements.Attended, "not an iri", StringComparison.Ordinal)
            .Replace(XapiStatements.Completed, "not an iri", StringComparison.Ordinal).Replace(XapiStatements.Passed, "x", StringComparison.Ordinal)
            .Replace(XapiStatements.Failed, "x", StringComparison.Ordinal) + "]");
        Assert.True(badExit == 1, badOutput);

        // (d) nothing personal: no phone, name, user id or username anywhere in what left the site
        foreach (var personal in new[] { phone, name, "Nguyễn Thị Lan", learner.Id, learner.UserName! })
            Assert.DoesNotContain(personal, json, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{32}$", actor);

        // Every POST carried the version header and the Basic credentials, to {Endpoint}/statements.
        Assert.All(Site.Lrs.Requests, r =>
        {
            Assert.Equal("/xapi/statements", r.Path);
            Assert.Equal("1.0.3", r.Version);
            Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{XapiSite.Username}:{XapiSite.Password}")), r.Authorization);
        });
    }

    [Fact]
    public async Task Statements_made_while_the_LRS_fails_all_arrive_once_each()
    {
        Site.EnsureAvailable();
        await DrainAsync();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("HH_XAPI_FAIL_SECONDS"), out var s) ? s : 6;
        var acceptedBefore = Site.Lrs.Accepted.Count;
        var storedBefore = Site.Lrs.Stored.Count;
        var learners = new List<AppUser>();
        for (var i = 0; i < 12; i++)
            learners.Add(await Site.UserAsync(AccountSeed.UniquePhone(), "Cư dân"));

        Site.Lrs.FailFor(TimeSpan.FromSeconds(seconds));
        var failing = Stopwatch.StartNew();
        var events = 0;
        // Events spread over the failure: each learner finishes two lessons, some take the quiz.
        for (var round = 0; failing.Elapsed < TimeSpan.FromSeconds(seconds) - TimeSpan.FromSeconds(1) || round < 2; round++)
        {
            foreach (var learner in learners)
            {
                if (round == 0) { await FinishAsync(learner, XapiSite.Tutorial); events++; }
                else if (round == 1) { await FinishAsync(learner, XapiSite.OtherTutorial); events++; }
                else if (round == 2 && learners.IndexOf(learner) % 3 == 0) { await TakeQuizAsync(learner, right: false); events++; }
            }
            await Task.Delay(300);
            if (round > 50)
                break;
        }
        var failedAnswers = Site.Lrs.Requests.Count(r => r.Answer is 0 or 503 or 429);
        Assert.True(await Site.Lrs.WaitForAsync(storedBefore + events, Within + TimeSpan.FromSeconds(seconds)),
            $"the LRS holds {Site.Lrs.Stored.Count - storedBefore} of {events}");
        await Task.Delay(500); // anything sent twice would arrive now
        var accepted = Site.Lrs.Accepted.Skip(acceptedBefore).ToList();
        Assert.Equal(events, accepted.Count);           // none accepted twice
        Assert.Equal(events, accepted.Distinct().Count()); // none lost
        Assert.True(failedAnswers > 0, "the LRS never failed");
        Assert.Equal(0, await Site.WithDbAsync(db => db.Set<XapiOutboxRow>().CountAsync(r => r.ParkedAt == null)));
    }

    [Fact]
    public async Task A_statement_the_LRS_refuses_is_parked_with_its_reason_and_its_batch_mates_are_sent()
    {
        Site.EnsureAvailable();
        await DrainAsync();
        var storedBefore = Site.Lrs.Stored.Count;
        var learner = await Site.UserAsync(AccountSeed.UniquePhone(), "Cư dân");
        var other = await Site.UserAsync(AccountSeed.UniquePhone(), "Cư dân");
        Site.Lrs.RefuseMarker = await ActorOfAsync(learner);
        try
        {
            await FinishAsync(learner, XapiSite.Tutorial);
            await FinishAsync(other, XapiSite.Tutorial);
            Assert.True(await Site.Lrs.WaitForAsync(storedBefore + 1, Within));
            var parked = await WaitParkedAsync(learner.Id);
            Assert.NotNull(parked);
            Assert.StartsWith("HTTP 400: statement refused", parked!.ParkReason, StringComparison.Ordinal);

            var status = await Site.Services.GetRequiredService<XapiOutboxStatus>().ReadAsync(CancellationToken.None);
            Assert.True(status.On);
            Assert.True(status.Parked >= 1);
            Assert.Contains(status.Reasons, r => r.Reason.StartsWith("HTTP 400", StringComparison.Ordinal));

            // An admin sees it on /quan-tri, in Vietnamese.
            var admin = await Site.AdminAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/quan-tri");
            request.Headers.Add("Cookie", await Site.SignInAsync(admin));
            using var response = await Site.Client(followRedirects: false).SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Hồ sơ học tập gửi đi", html, StringComparison.Ordinal);
            Assert.Contains("Bị kho nhận từ chối, không gửi lại: ", html, StringComparison.Ordinal);
            Assert.Contains("lý do: HTTP 400: statement refused", html, StringComparison.Ordinal);
        }
        finally
        {
            Site.Lrs.RefuseMarker = null;
        }
    }

}

public sealed class XapiTestsOnSqlite(SqliteXapiSite site) : XapiTests<SqliteXapiSite>(site);

public sealed class XapiTestsOnPostgres(PostgresXapiSite site) : XapiTests<PostgresXapiSite>(site);
