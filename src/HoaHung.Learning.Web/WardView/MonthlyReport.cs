using HoaHung.Learning.WardStats;

namespace HoaHung.Learning.Web.WardView;

/// <summary>
/// What the monthly report holds (issue 22 item 4), for its printed page and its spreadsheet alike: the headline
/// figures, the khu phố table of every figure, and the month's new lessons.
/// </summary>
public sealed record MonthlyReport(DateOnly Month, WardTable Learning, WardTable Classes, IReadOnlyList<NewLesson> NewLessons)
{
    public IReadOnlyList<string> Measures => [.. Learning.Measures, .. Classes.Measures];

    /// <summary>Each khu phố with its learning and class figures side by side.</summary>
    public IReadOnlyList<WardRow> Rows => Learning.Rows.Select((r, i) => new WardRow(r.Area, [.. r.Values, .. Classes.Rows[i].Values])).ToList();

    public IReadOnlyList<Shown> Total => [.. Learning.Total.Values, .. Classes.Total.Values];

    public static async Task<MonthlyReport> BuildAsync(WardFigures figures, DateOnly month, CancellationToken ct) => new(month,
        await figures.TableAsync(month, WardStats.Measures.Learning, null, null, ct),
        await figures.TableAsync(month, WardStats.Measures.ClassWork, null, null, ct),
        await figures.NewLessonsAsync(month, ct));
}
