using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Gains;

/// <summary>Her entry-test scores per path are in her data export and removed with her account; the medians hold no one.</summary>
internal sealed class GainsPersonalData(LearningDbContext db) : IPersonalDataOwner
{
    public string ExportKey => "entryTests";

    public async Task<object> ExportAsync(string userId, CancellationToken ct) =>
        await db.Set<PathGain>().AsNoTracking().Where(g => g.UserId == userId)
            .Join(db.LearningPaths.AsNoTracking(), g => g.PathId, p => p.Id,
                (g, p) => new { path = p.Slug, before = g.BeforePercent, beforeAt = g.BeforeAt, after = g.AfterPercent, afterAt = g.AfterAt })
            .ToListAsync(ct);

    public Task DeleteAsync(string userId, CancellationToken ct) =>
        db.Set<PathGain>().Where(g => g.UserId == userId).ExecuteDeleteAsync(ct);
}
