using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Xapi;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Xapi;

/// <summary>
/// Two senders over one PostgreSQL database (two instances' worth: the site's own and a second one started beside it)
/// share the outbox through <c>FOR UPDATE SKIP LOCKED</c> claims: every statement is POSTed once, by one of them.
/// </summary>
public sealed class XapiSendersTests(PostgresXapiSite site) : XapiTestsBase<PostgresXapiSite>(site), IClassFixture<PostgresXapiSite>
{
    [Fact]
    public async Task Two_senders_over_one_database_send_each_statement_once()
    {
        Site.EnsureAvailable();
        await DrainAsync();
        var acceptedBefore = Site.Lrs.Accepted.Count;
        var requestsBefore = Site.Lrs.Requests.Count;
        Site.Lrs.DelayMs = 25;
        var second = ActivatorUtilities.CreateInstance<XapiSender>(Site.Services);
        await second.StartAsync(CancellationToken.None);
        try
        {
            // The LRS is down while the events are made, so both senders find a full outbox when it comes back.
            Site.Lrs.FailFor(TimeSpan.FromSeconds(60), only503: true);
            var learners = new List<AppUser>();
            for (var i = 0; i < 40; i++)
                learners.Add(await Site.UserAsync(AccountSeed.UniquePhone(), "Cư dân"));
            foreach (var learner in learners)
            {
                await FinishAsync(learner, XapiSite.Tutorial);
                await FinishAsync(learner, XapiSite.OtherTutorial);
            }
            const int events = 80;
            Site.Lrs.Heal();
            await DrainAsync();
            await Task.Delay(1000); // a statement sent twice would arrive now

            var accepted = Site.Lrs.Accepted.Skip(acceptedBefore).ToList();
            Assert.Equal(events, accepted.Count);
            Assert.Equal(events, accepted.Distinct().Count());
            var answers = Site.Lrs.Requests.Skip(requestsBefore).Where(r => r.Answer != 503 && r.Answer != 0 && r.Answer != 429).ToList();
            Assert.DoesNotContain(answers, r => r.Answer == 409); // 409 would mean a statement it already held came again
            Assert.True(Site.Lrs.MaxConcurrent >= 2, $"the two senders never sent at the same time (at most {Site.Lrs.MaxConcurrent})");
        }
        finally
        {
            Site.Lrs.DelayMs = 0;
            Site.Lrs.Heal();
            await second.StopAsync(CancellationToken.None);
            second.Dispose();
        }
    }
}
