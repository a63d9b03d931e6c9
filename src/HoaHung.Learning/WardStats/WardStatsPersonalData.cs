using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.WardStats;

/// <summary>
/// The months in which she was counted as a learner (<see cref="WardMonthMember"/>, keyed by her account id) are in
/// her data export and removed with her account; the ward's published figures, which hold no one, stay: the daily
/// and monthly counts (<see cref="WardDailyCount"/>, <see cref="WardMonthCount"/>) are per day or month, khu phố,
/// topic and measure, with no account id, so there is nothing of hers in them to export or erase.
/// </summary>
internal sealed class WardStatsPersonalData(LearningDbContext db) : IPersonalDataOwner
{
    public string ExportKey => "wardFigures";

    public async Task<object> ExportAsync(string userId, CancellationToken ct)
    {
        var months = await db.Set<WardMonthMember>().AsNoTracking()
            .Where(m => m.Kind == WardStatsWriter.LearnerKind && m.Key == userId && m.Topic == "" && m.Events > 0)
            .OrderBy(m => m.Month).Select(m => m.Month).ToListAsync(ct);
        return new { countedAsLearnerIn = months.Select(WardCalendar.Name).ToList() };
    }

    public Task DeleteAsync(string userId, CancellationToken ct) =>
        db.Set<WardMonthMember>().Where(m => m.Kind == WardStatsWriter.LearnerKind && m.Key == userId).ExecuteDeleteAsync(ct);
}
