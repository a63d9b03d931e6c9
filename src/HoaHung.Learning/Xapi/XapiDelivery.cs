using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Xapi;

/// <summary>What one round of sending did.</summary>
public abstract record XapiRound
{
    /// <summary>Nothing was due.</summary>
    public sealed record Idle : XapiRound;
    /// <summary>The LRS took <paramref name="Sent"/> statements; <paramref name="Parked"/> were refused for good.</summary>
    public sealed record Done(int Sent, int Parked) : XapiRound;
    /// <summary>The LRS could not be reached or asked to wait: try again after <paramref name="Wait"/>.</summary>
    public sealed record Later(TimeSpan Wait) : XapiRound;
}

/// <summary>
/// One round of the outbox (docs/architecture.md §9, "xAPI"): claim a batch of due statements for this sender, POST
/// them to <c>{Endpoint}/statements</c>, settle each. Several senders (instances) share one database: a claim is a
/// lease taken atomically — <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, one conditional <c>UPDATE</c> on SQLite
/// (which writes one at a time) — so a statement is held by one sender at a time.
/// </summary>
public sealed class XapiDelivery(IDbContextFactory<LearningDbContext> contexts, IHttpClientFactory http, IOptions<XapiOptions> options,
    XapiTimings timings, TimeProvider clock, ILogger<XapiDelivery> log)
{
    public const string HttpClientName = "xapi";
    public const string VersionHeader = "X-Experience-API-Version";

    /// <summary>Claims a batch under a token of its own, sends it and settles it.</summary>
    public async Task<XapiRound> RunOnceAsync(CancellationToken ct)
    {
        var sender = Guid.NewGuid();
        var batch = await ClaimAsync(sender, ct);
        if (batch.Count == 0)
            return new XapiRound.Idle();
        return await SendAsync(sender, batch, ct);
    }

    private async Task<XapiRound> SendAsync(Guid sender, IReadOnlyList<Claimed> batch, CancellationToken ct)
    {
        var (status, retryAfter, reason) = await PostAsync(batch, ct);
        switch (status)
        {
            case HttpStatusCode.OK or HttpStatusCode.NoContent:
                await SettleAsync(sender, batch, q => q.ExecuteDeleteAsync(ct));
                return new XapiRound.Done(batch.Count, 0);
            // A batch refused whole (a statement the LRS already holds answers 409 for the whole POST; one bad
            // statement spoils a batch): try each alone. Alone, 409 means the LRS has it: sent.
            case HttpStatusCode.Conflict when batch.Count == 1:
                await SettleAsync(sender, batch, q => q.ExecuteDeleteAsync(ct));
                return new XapiRound.Done(1, 0);
            case >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
                when status != HttpStatusCode.TooManyRequests && status != HttpStatusCode.RequestTimeout && batch.Count > 1:
            {
                int sent = 0, parked = 0;
                foreach (var one in batch)
                {
                    switch (await SendAsync(sender, [one], ct))
                    {
                        case XapiRound.Done d: sent += d.Sent; parked += d.Parked; break;
                        case XapiRound.Later later:
                            await ReleaseAsync(sender, batch, later.Wait, ct);
                            return later;
                    }
                }
                return new XapiRound.Done(sent, parked);
            }
            case >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
                when status != HttpStatusCode.TooManyRequests && status != HttpStatusCode.RequestTimeout:
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var text = Cut($"HTTP {(int)status}: {reason}");
                await SettleAsync(sender, batch, q => q.ExecuteUpdateAsync(s => s.SetProperty(r => r.ParkedAt, now).SetProperty(r => r.ParkReason, text)
                    .SetProperty(r => r.ClaimedBy, (Guid?)null).SetProperty(r => r.ClaimedUntil, (DateTime?)null), ct));
                log.LogWarning("xAPI statement {Id} refused by the LRS and parked: {Reason}", batch[0].Id, text);
                return new XapiRound.Done(0, 1);
            }
            default: // no answer, 5xx, 429, 408, anything unexpected: back off and try again
            {
                var attempts = batch.Max(b => b.Attempts) + 1;
                var wait = retryAfter is { } asked ? Clamp(asked) : BackOff(attempts);
                log.LogInformation("xAPI LRS unavailable ({Reason}); {Count} statements again in {Wait}", reason, batch.Count, wait);
                await ReleaseAsync(sender, batch, wait, ct);
                return new XapiRound.Later(wait);
            }
        }
    }

    /// <summary>Exponential back-off with jitter: half the step fixed, half random, so senders that failed together do not return together.</summary>
    public TimeSpan BackOff(int attempts)
    {
        var step = timings.FirstBackOff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = Math.Min(step, timings.MaxBackOff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }

    private TimeSpan Clamp(TimeSpan asked) => asked < TimeSpan.Zero ? TimeSpan.Zero : asked > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : asked;

    private async Task<(HttpStatusCode? Status, TimeSpan? RetryAfter, string Reason)> PostAsync(IReadOnlyList<Claimed> batch, CancellationToken ct)
    {
        var xapi = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, xapi.Endpoint!.TrimEnd('/') + "/statements")
        {
            Content = new StringContent("[" + string.Join(",", batch.Select(b => b.Statement)) + "]", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(VersionHeader, "1.0.3");
        if (!string.IsNullOrEmpty(xapi.Username))
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{xapi.Username}:{xapi.Password}")));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(timings.RequestTimeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var body = response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - clock.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            return (response.StatusCode, retryAfter, body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return (null, null, e.GetType().Name + ": " + e.Message);
        }
    }

    private sealed record Claimed(Guid Id, string Statement, int Attempts);

    private async Task<IReadOnlyList<Claimed>> ClaimAsync(Guid sender, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + timings.Lease;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE "XapiOutbox" SET "ClaimedBy" = {0}, "ClaimedUntil" = {1}
                WHERE "Id" IN (SELECT "Id" FROM "XapiOutbox"
                               WHERE "ParkedAt" IS NULL AND "NextAttemptAt" <= {2} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {2})
                               ORDER BY "CreatedAt" LIMIT {3} FOR UPDATE SKIP LOCKED)
                """, [sender, until, now, timings.BatchSize], ct);
        }
        else
        {
            // SQLite runs one writer at a time, so this one statement claims atomically; the conditions are checked
            // again in the UPDATE, so a row another sender took between the read and the write is left alone.
            var due = await Due(db, now).OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(timings.BatchSize).ToListAsync(ct);
            if (due.Count == 0)
                return [];
            await Due(db, now).Where(r => due.Contains(r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, sender).SetProperty(r => r.ClaimedUntil, until), ct);
        }
        return await db.Set<XapiOutboxRow>().AsNoTracking().Where(r => r.ClaimedBy == sender && r.ParkedAt == null)
            .OrderBy(r => r.CreatedAt).Select(r => new Claimed(r.Id, r.Statement, r.Attempts)).ToListAsync(ct);
    }

    private static IQueryable<XapiOutboxRow> Due(LearningDbContext db, DateTime now) => db.Set<XapiOutboxRow>()
        .Where(r => r.ParkedAt == null && r.NextAttemptAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now));

    private async Task SettleAsync(Guid sender, IReadOnlyList<Claimed> batch, Func<IQueryable<XapiOutboxRow>, Task<int>> action)
    {
        // Not cancelled with the host: what the LRS accepted is recorded even while stopping.
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var ids = batch.Select(b => b.Id).ToList();
        await action(db.Set<XapiOutboxRow>().Where(r => ids.Contains(r.Id) && r.ClaimedBy == sender));
    }

    private Task ReleaseAsync(Guid sender, IReadOnlyList<Claimed> batch, TimeSpan wait, CancellationToken ct)
    {
        var next = clock.GetUtcNow().UtcDateTime + wait;
        return SettleAsync(sender, batch, q => q.ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1)
            .SetProperty(r => r.NextAttemptAt, next).SetProperty(r => r.ClaimedBy, (Guid?)null).SetProperty(r => r.ClaimedUntil, (DateTime?)null),
            CancellationToken.None));
    }

    /// <summary>Retention: parked statements older than <see cref="XapiTimings.KeepParked"/> are removed (sent ones already are).</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var before = clock.GetUtcNow().UtcDateTime - timings.KeepParked;
        return await db.Set<XapiOutboxRow>().Where(r => r.ParkedAt != null && r.ParkedAt < before).ExecuteDeleteAsync(ct);
    }

    private static string Cut(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= XapiOutboxRow.MaxReason ? line : line[..XapiOutboxRow.MaxReason];
    }
}
