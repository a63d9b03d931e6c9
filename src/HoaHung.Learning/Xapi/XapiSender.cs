using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Xapi;

/// <summary>
/// The background sender of one instance (registered only when <c>App:Xapi:Endpoint</c> is set): makes sure the actor
/// secret exists, then sends the outbox round after round — at once while there is work, after the back-off when the
/// LRS failed, else when a save on this instance wakes it or every <see cref="XapiTimings.Poll"/> (statements saved by
/// other instances). Every instance runs one; the claims decide who sends what.
/// </summary>
public sealed class XapiSender(XapiDelivery delivery, XapiActors actors, XapiSignal signal, IDbContextFactory<LearningDbContext> contexts,
    XapiTimings timings, TimeProvider clock, ILogger<XapiSender> log) : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            await actors.EnsureSecretAsync(db, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextPurge)
                {
                    await delivery.PurgeAsync(stoppingToken);
                    nextPurge = clock.GetUtcNow() + PurgeEvery;
                }
                switch (await delivery.RunOnceAsync(stoppingToken))
                {
                    case XapiRound.Done:
                        continue;
                    case XapiRound.Later later:
                        await Task.Delay(later.Wait, clock, stoppingToken);
                        break;
                    default:
                        await signal.WaitAsync(timings.Poll, stoppingToken);
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database was unreachable or a round failed unexpectedly: nothing is lost (rows stay or their lease runs out).
                log.LogError(e, "xAPI sender round failed");
                await Task.Delay(timings.Poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
