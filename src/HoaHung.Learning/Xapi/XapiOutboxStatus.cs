using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Xapi;

/// <summary>What an admin sees of the outbox: whether sending is on, how many wait, how many the LRS refused and why.</summary>
public sealed record XapiOutboxView(bool On, int Waiting, int Parked, DateTime? OldestWaiting, IReadOnlyList<(string Reason, int Count)> Reasons);

public sealed class XapiOutboxStatus(IDbContextFactory<LearningDbContext> contexts, IOptions<XapiOptions> options)
{
    public async Task<XapiOutboxView> ReadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.Set<XapiOutboxRow>().AsNoTracking();
        var waiting = await rows.CountAsync(r => r.ParkedAt == null, ct);
        var oldest = waiting == 0 ? null : await rows.Where(r => r.ParkedAt == null).MinAsync(r => (DateTime?)r.CreatedAt, ct);
        var reasons = await rows.Where(r => r.ParkedAt != null).GroupBy(r => r.ParkReason ?? "")
            .Select(g => new { Reason = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(5).ToListAsync(ct);
        var parked = await rows.CountAsync(r => r.ParkedAt != null, ct);
        return new XapiOutboxView(options.Value.IsOn, waiting, parked, oldest, reasons.Select(r => (r.Reason, r.Count)).ToList());
    }
}
