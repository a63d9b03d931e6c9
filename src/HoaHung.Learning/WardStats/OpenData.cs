namespace HoaHung.Learning.WardStats;

/// <summary>
/// One open dataset as cells: text, whole numbers and protected counts (<see cref="Shown"/>: written as their text in
/// CSV, as a number or the text in JSON). <see cref="First"/>–<see cref="Last"/> is its period, <see cref="Modified"/>
/// the last day it changed; all null while it holds nothing.
/// </summary>
public sealed record OpenDataset(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object>> Rows,
    DateOnly? First, DateOnly? Last, DateOnly? Modified);

/// <summary>
/// What the catalogue and the open-data page say of a dataset: its period, last update and number of rows, found
/// without building its rows (the same values as <see cref="OpenDataset"/>'s).
/// </summary>
public sealed record OpenDataFacts(string Name, IReadOnlyList<string> Columns, int Rows, DateOnly? First, DateOnly? Last, DateOnly? Modified);

/// <summary>
/// The ward's open datasets (issue 22 item 5): month × khu phố learning and classes, and the published catalogue.
/// Nothing personal: counts only, protected by <see cref="Disclosure"/>; read from the rollups, never progress rows.
/// </summary>
public sealed class OpenData(WardFigures figures, TimeProvider clock)
{
    public const string Learning = "hoc-tap-theo-khu-pho";
    public const string Classes = "lop-hoc-theo-khu-pho";
    public const string Lessons = "bai-hoc";

    /// <summary>How a row without a known khu phố and the ward's total row are named in the data.</summary>
    public const string UnknownArea = "Không rõ";
    public const string WardTotal = "Toàn phường";

    public static readonly IReadOnlyList<string> Names = [Learning, Classes, Lessons];

    public static IReadOnlyList<string> ColumnsOf(string name) => name switch
    {
        Learning => ["thang", "khu_pho", "tai_khoan_moi", "nguoi_hoc", "bai_hoc_xong", "bai_kiem_tra_dat", "chung_chi"],
        Classes => ["thang", "khu_pho", "lop_hoc", "buoi_hoc", "luot_diem_danh"],
        Lessons => ["slug", "tieu_de", "chu_de", "loai", "muc_do", "so_phut", "ngay_xuat_ban"],
        _ => [],
    };

    /// <summary>The dataset, or null for a name that is not one.</summary>
    public async Task<OpenDataset?> DatasetAsync(string name, CancellationToken ct) => name switch
    {
        Learning => await MonthlyAsync(name, Measures.Learning, ct),
        Classes => await MonthlyAsync(name, Measures.ClassWork, ct),
        Lessons => await CatalogAsync(ct),
        _ => null,
    };

    /// <summary>A dataset's facts without its rows (the catalogue, the open-data page), or null for a name that is not one.</summary>
    public async Task<OpenDataFacts?> FactsAsync(string name, CancellationToken ct)
    {
        switch (name)
        {
            case Learning or Classes:
                if (await figures.PeriodAsync(name == Learning ? Measures.Learning : Measures.ClassWork, ct) is not { } p)
                    return new OpenDataFacts(name, ColumnsOf(name), 0, null, null, null);
                var last = WardCalendar.MonthOf(LastOf(p.Last));
                var first = WardCalendar.MonthOf(p.First);
                var months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
                // A row per configured khu phố, one for "not known" and the ward's total, every month (TablesAsync's rows).
                return new OpenDataFacts(name, ColumnsOf(name), months * (figures.Neighbourhoods.Count + 2), first, last.AddMonths(1).AddDays(-1), p.Last);
            case Lessons:
                var (count, firstDay, lastDay) = await figures.CatalogFactsAsync(ct);
                return new OpenDataFacts(name, ColumnsOf(name), count, firstDay, lastDay, lastDay);
            default:
                return null;
        }
    }

    private DateOnly LastOf(DateOnly lastWithFigures) => lastWithFigures < WardCalendar.Today(clock) ? WardCalendar.Today(clock) : lastWithFigures;

    private async Task<OpenDataset> MonthlyAsync(string name, IReadOnlyList<string> measures, CancellationToken ct)
    {
        var period = await figures.PeriodAsync(measures, ct);
        if (period is not { } p)
            return new OpenDataset(name, ColumnsOf(name), [], null, null, null);
        var last = LastOf(p.Last);
        var tables = await figures.TablesAsync(p.First, last, measures, area: null, topic: null, ct);
        var rows = new List<IReadOnlyList<object>>();
        foreach (var table in tables)
        {
            var month = WardCalendar.Name(table.Month);
            foreach (var row in table.Rows)
                rows.Add([month, row.Area.Length == 0 ? UnknownArea : row.Area, .. row.Values.Cast<object>()]);
            rows.Add([month, WardTotal, .. table.Total.Values.Cast<object>()]);
        }
        return new OpenDataset(name, ColumnsOf(name), rows, WardCalendar.MonthOf(p.First), WardCalendar.MonthOf(last).AddMonths(1).AddDays(-1), p.Last);
    }

    private async Task<OpenDataset> CatalogAsync(CancellationToken ct)
    {
        var lessons = await figures.CatalogAsync(ct);
        var rows = lessons.Select(l => (IReadOnlyList<object>)
        [
            l.Slug, l.Title, l.Topic, l.Type.ToString().ToLowerInvariant(), l.Level.ToString().ToLowerInvariant(), l.Minutes,
            l.PublishedAt is { } at ? WardCalendar.Day(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "",
        ]).ToList();
        var dates = lessons.Where(l => l.PublishedAt is not null).Select(l => WardCalendar.Day(l.PublishedAt!.Value)).ToList();
        return dates.Count == 0
            ? new OpenDataset(Lessons, ColumnsOf(Lessons), rows, null, null, null)
            : new OpenDataset(Lessons, ColumnsOf(Lessons), rows, dates.Min(), dates.Max(), dates.Max());
    }
}
