using System.Diagnostics;
using System.Globalization;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Xapi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Tests.Xapi;

/// <summary>
/// Figures for the closing note (TestResults/measurements/xapi.txt): how many statements a second the sender pushes
/// to the loopback LRS, and what the outbox adds to a lesson finished (the same completions with sending off and on).
/// Asserts only that everything arrived once.
/// </summary>
public abstract class XapiFiguresTests<TSite>(TSite site) : XapiTestsBase<TSite>(site), IClassFixture<TSite> where TSite : XapiSite
{
    [Fact]
    public async Task Sender_throughput_and_outbox_cost_per_event_are_measured()
    {
        Site.EnsureAvailable();
        await DrainAsync();
        var learners = new List<AppUser>();
        for (var i = 0; i < 60; i++)
            learners.Add(await Site.UserAsync(AccountSeed.UniquePhone(), "Cư dân"));

        // Outbox cost: 60 completions with sending off, 60 with it on (other learners, same lesson).
        var options = Site.Services.GetRequiredService<IOptions<XapiOptions>>().Value;
        var endpoint = options.Endpoint;
        options.Endpoint = null;
        var off = Stopwatch.StartNew();
        foreach (var learner in learners.Take(30))
            await FinishAsync(learner, XapiSite.OtherTutorial);
        off.Stop();
        options.Endpoint = endpoint;
        Site.Lrs.FailFor(TimeSpan.FromMinutes(5), only503: true); // keep the outbox full for the throughput run
        var on = Stopwatch.StartNew();
        foreach (var learner in learners.Skip(30))
            await FinishAsync(learner, XapiSite.OtherTutorial);
        on.Stop();

        // Throughput: the 30 above plus 1,000 statements written straight into the outbox, sent once the LRS is back.
        var links = Site.Services.GetRequiredService<IXapiAddresses>();
        var now = Site.Clock.GetUtcNow().UtcDateTime;
        await Site.WithDbAsync(async db =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var id = Guid.NewGuid();
                var learner = learners[i % learners.Count];
                db.Add(new XapiOutboxRow
                {
                    Id = id, UserId = learner.Id, CreatedAt = now, NextAttemptAt = now,
                    Statement = XapiStatements.LessonCompleted(id, "0123456789abcdef0123456789abcdef", links, XapiSite.Tutorial, "Bài hướng dẫn", now),
                });
            }
            return await db.SaveChangesAsync();
        });
        var storedBefore = Site.Lrs.Stored.Count;
        Site.Lrs.Heal();
        var send = Stopwatch.StartNew();
        Assert.True(await Site.Lrs.WaitForAsync(storedBefore + 1030, TimeSpan.FromMinutes(3)), $"the LRS holds {Site.Lrs.Stored.Count - storedBefore} of 1030");
        send.Stop();

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} {Site.Provider}: sender {1030 / send.Elapsed.TotalSeconds:F0} statements/s (1030 in {send.Elapsed.TotalSeconds:F2} s, batches of 10 in tests, 50 in production); "
            + $"a lesson finished {off.Elapsed.TotalMilliseconds / 30:F1} ms with sending off, {on.Elapsed.TotalMilliseconds / 30:F1} ms on (30 each, one process, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})\n");
        var dir = Path.Combine(TestEnvironment.RepoRoot, "TestResults", "measurements");
        Directory.CreateDirectory(dir);
        await File.AppendAllTextAsync(Path.Combine(dir, "xapi.txt"), line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}

public sealed class XapiFiguresTestsOnSqlite(SqliteXapiSite site) : XapiFiguresTests<SqliteXapiSite>(site);

public sealed class XapiFiguresTestsOnPostgres(PostgresXapiSite site) : XapiFiguresTests<PostgresXapiSite>(site);
