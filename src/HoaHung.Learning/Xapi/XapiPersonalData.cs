using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Xapi;

/// <summary>Her statements not yet sent (her export shows them as they would be sent) go with her account.</summary>
internal sealed class XapiPersonalData(LearningDbContext db) : IPersonalDataOwner
{
    public string ExportKey => "learningRecordsWaiting";

    public async Task<object> ExportAsync(string userId, CancellationToken ct) =>
        await db.Set<XapiOutboxRow>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.CreatedAt, r.Statement, r.ParkedAt }).ToListAsync(ct);

    public Task DeleteAsync(string userId, CancellationToken ct) =>
        db.Set<XapiOutboxRow>().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
}
