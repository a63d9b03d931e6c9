using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.WardStats;

/// <summary>One row of a protected table: a khu phố (<see cref="Area"/>; "" for "not known") and one shown value per measure.</summary>
public sealed record WardRow(string Area, IReadOnlyList<Shown> Values);

/// <summary>
/// A month × khu phố table as it may be shown: one column per measure, a row per configured khu phố (in their
/// order), one for accounts or classes without a known khu phố, and the ward's total, every cell protected by
/// <see cref="Disclosure"/>.
/// </summary>
public sealed record WardTable(DateOnly Month, IReadOnlyList<string> Measures, IReadOnlyList<WardRow> Rows, WardRow Total)
{
    public Shown TotalOf(string measure) => Total.Values[Measures.ToList().IndexOf(measure)];
}

public sealed record TrendPoint(DateOnly Month, IReadOnlyList<Shown> Values);

public sealed record NamedCount(string Name, Shown Count);

public sealed record NewLesson(string Slug, string Title, string Topic, string? Team, DateTime PublishedAt);

public sealed record CatalogLesson(string Slug, string Title, string Topic, LessonType Type, LessonLevel Level, int Minutes, DateTime? PublishedAt);

/// <summary>
/// The reads of the dashboard, the monthly report and the open data (docs/architecture.md §9): only the rollups
/// (<see cref="WardMonthCount"/> for every table and trend, <see cref="WardDailyCount"/> for the last day with
/// figures, <see cref="SearchMiss"/>) and the small lessons table, never progress rows.
/// A singleton with a context per call, so Interactive Server pages may hold it.
/// </summary>
public sealed class WardFigures(IDbContextFactory<LearningDbContext> contexts, IOptions<AccountsOptions> accounts)
{
    public IReadOnlyList<string> Neighbourhoods => accounts.Value.Neighbourhoods;

    /// <summary>The month's table; with <paramref name="area"/> only that khu phố's row, with <paramref name="topic"/> only topical figures.</summary>
    public async Task<WardTable> TableAsync(DateOnly month, IReadOnlyList<string> measures, string? area, string? topic, CancellationToken ct)
    {
        var tables = await TablesAsync(month, month, measures, area, topic, ct);
        return tables[0];
    }

    /// <summary>
    /// One table per month from <paramref name="first"/> to <paramref name="last"/>, in one query of the month rows
    /// (<see cref="WardMonthCount"/>: one row per month, khu phố, topic and measure; without a topic only the
    /// all-topics rows), added up in one pass.
    /// </summary>
    public async Task<IReadOnlyList<WardTable>> TablesAsync(DateOnly first, DateOnly last, IReadOnlyList<string> measures, string? area, string? topic,
        CancellationToken ct)
    {
        first = WardCalendar.MonthOf(first);
        last = WardCalendar.MonthOf(last);
        var wanted = measures.ToList();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < wanted.Count; i++)
            column.TryAdd(wanted[i], i);
        var topicKey = topic ?? "";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.Set<WardMonthCount>().AsNoTracking()
            .Where(c => c.Month >= first && c.Month <= last && wanted.Contains(c.Measure) && c.Topic == topicKey);
        if (area is not null)
            rows = rows.Where(c => c.Neighbourhood == area);

        var areas = area is null ? [.. Neighbourhoods, ""] : new List<string> { area };
        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in areas)
            row.TryAdd(a, row.Count);
        var monthCount = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        // values[month][measure][area row]: the cells, filled in one pass over the rows read.
        var values = new int[monthCount][][];
        for (var m = 0; m < monthCount; m++)
        {
            values[m] = new int[wanted.Count][];
            for (var i = 0; i < wanted.Count; i++)
                values[m][i] = new int[areas.Count];
        }
        var unknown = row.GetValueOrDefault("", -1);
        await foreach (var c in rows.Select(c => new { c.Month, c.Neighbourhood, c.Measure, c.Count }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // A khu phố that is no longer configured counts as "not known" (only shown when the whole ward is).
            var r = row.TryGetValue(c.Neighbourhood, out var known) ? known : unknown;
            if (r < 0)
                continue;
            var m = (c.Month.Year - first.Year) * 12 + c.Month.Month - first.Month;
            values[m][column[c.Measure]][r] += c.Count;
        }

        var tables = new List<WardTable>(monthCount);
        for (var m = 0; m < monthCount; m++)
        {
            var columns = values[m].Select(cells => Disclosure.Column(cells)).ToList();
            var tableRows = areas.Select((a, r) => new WardRow(a, columns.Select(c => c.Cells[r]).ToList())).ToList();
            tables.Add(new WardTable(first.AddMonths(m), wanted, tableRows, new WardRow("", columns.Select(c => c.Total).ToList())));
        }
        return tables;
    }

    /// <summary>
    /// The month-by-month figures from <paramref name="first"/> to <paramref name="last"/>: the ward's protected total
    /// per month (what <see cref="TablesAsync"/>'s <see cref="WardTable.Total"/> says), or with <paramref name="area"/>
    /// that khu phố's row. The ward's totals are added up in SQL, grouped by month and measure — with what
    /// <see cref="Disclosure.Column"/> needs: each configured khu phố is a cell (how many are 1–4 and their sum) and the
    /// rest ("" and khu phố no longer configured) one more cell — so a city's 12 months read a few dozen rows, not
    /// 12 × 6,888 × the measures.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(DateOnly first, DateOnly last, IReadOnlyList<string> measures, string? area, string? topic,
        CancellationToken ct)
    {
        if (area is not null)
            return (await TablesAsync(first, last, measures, area, topic, ct)).Select(t => new TrendPoint(t.Month, t.Rows[0].Values)).ToList();
        first = WardCalendar.MonthOf(first);
        last = WardCalendar.MonthOf(last);
        var wanted = measures.ToList();
        var known = Neighbourhoods.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var topicKey = topic ?? "";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.Set<WardMonthCount>().AsNoTracking()
            .Where(c => c.Month >= first && c.Month <= last && wanted.Contains(c.Measure) && c.Topic == topicKey);
        var cells = await rows.Where(c => known.Contains(c.Neighbourhood)).GroupBy(c => new { c.Month, c.Measure })
            .Select(g => new
            {
                g.Key.Month, g.Key.Measure, Sum = g.Sum(c => c.Count),
                Small = g.Count(c => c.Count >= 1 && c.Count <= 4), SmallSum = g.Sum(c => c.Count >= 1 && c.Count <= 4 ? c.Count : 0),
            })
            .ToListAsync(ct);
        var rest = await rows.Where(c => !known.Contains(c.Neighbourhood)).GroupBy(c => new { c.Month, c.Measure })
            .Select(g => new { g.Key.Month, g.Key.Measure, Sum = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        var byKey = cells.ToDictionary(c => (c.Month, c.Measure), c => (c.Sum, c.Small, c.SmallSum));
        var restByKey = rest.ToDictionary(c => (c.Month, c.Measure), c => c.Sum);
        var points = new List<TrendPoint>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var values = new List<Shown>(wanted.Count);
            foreach (var measure in wanted)
            {
                var (sum, small, smallSum) = byKey.GetValueOrDefault((month, measure));
                var unknown = restByKey.GetValueOrDefault((month, measure));
                if (Disclosure.IsSmall(unknown))
                    (small, smallSum) = (small + 1, smallSum + unknown);
                values.Add(Disclosure.Total(sum + unknown, small, smallSum));
            }
            points.Add(new TrendPoint(month, values));
        }
        return points;
    }

    /// <summary>What residents searched for most in the month and did not find (folded text, count).</summary>
    public async Task<IReadOnlyList<NamedCount>> TopMissesAsync(DateOnly month, int count, CancellationToken ct)
    {
        var (from, to) = (WardCalendar.MonthOf(month), WardCalendar.MonthOf(month).AddMonths(1));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var top = await db.Set<SearchMiss>().AsNoTracking().Where(m => m.Day >= from && m.Day < to)
            .GroupBy(m => m.Query).Select(g => new { Query = g.Key, Count = g.Sum(m => m.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Query).Take(count).ToListAsync(ct);
        return top.Select(t => new NamedCount(t.Query, new Shown(t.Count, false))).ToList();
    }

    /// <summary>Lessons first published in the month, per khu phố team ("" for lessons without a team).</summary>
    public async Task<IReadOnlyList<NamedCount>> PublishedByTeamAsync(DateOnly month, CancellationToken ct)
    {
        var lessons = await NewLessonsAsync(month, ct);
        return lessons.GroupBy(l => l.Team ?? "").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamedCount(g.Key, new Shown(g.Count(), false))).ToList();
    }

    /// <summary>Published lessons whose publication date falls in the ward month, oldest first.</summary>
    public async Task<IReadOnlyList<NewLesson>> NewLessonsAsync(DateOnly month, CancellationToken ct)
    {
        var from = WardCalendar.Start(WardCalendar.MonthOf(month));
        var to = WardCalendar.Start(WardCalendar.MonthOf(month).AddMonths(1));
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Lessons.AsNoTracking()
            .Where(l => l.Status == LessonStatus.Published && l.PublishedAt >= from && l.PublishedAt < to)
            .OrderBy(l => l.PublishedAt).ThenBy(l => l.Slug)
            .Select(l => new NewLesson(l.Slug, l.Title, l.Topic.Title, l.Team, l.PublishedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>The published catalogue (the open dataset <c>bai-hoc</c>).</summary>
    public async Task<IReadOnlyList<CatalogLesson>> CatalogAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published)
            .OrderBy(l => l.Topic.Order).ThenBy(l => l.Order).ThenBy(l => l.Slug)
            .Select(l => new CatalogLesson(l.Slug, l.Title, l.Topic.Slug, l.Type, l.Level, l.Minutes, l.PublishedAt))
            .ToListAsync(ct);
    }

    /// <summary>How many lessons are published, and the first and last ward day one was (the catalogue's facts, without reading it).</summary>
    public async Task<(int Count, DateOnly? First, DateOnly? Last)> CatalogFactsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var published = db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published);
        var count = await published.CountAsync(ct);
        var first = await published.MinAsync(l => l.PublishedAt, ct);
        var last = await published.MaxAsync(l => l.PublishedAt, ct);
        return (count, first is { } f ? WardCalendar.Day(f) : null, last is { } t ? WardCalendar.Day(t) : null);
    }

    /// <summary>
    /// The first month (its first day) and the last ward day holding one of <paramref name="measures"/>; null when none
    /// does. Per measure, a MIN of the month rows and a MAX of the daily rows: each read from the end of its
    /// (Measure, Month) or (Measure, Day) index, whatever the size of the tables.
    /// </summary>
    public async Task<(DateOnly First, DateOnly Last)?> PeriodAsync(IReadOnlyList<string> measures, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        DateOnly? first = null, last = null;
        foreach (var measure in measures.Distinct())
        {
            var from = await db.Set<WardMonthCount>().AsNoTracking().Where(c => c.Measure == measure && c.Count != 0)
                .MinAsync(c => (DateOnly?)c.Month, ct);
            if (from is null)
                continue;
            var to = await db.Set<WardDailyCount>().AsNoTracking().Where(c => c.Measure == measure && c.Count != 0)
                .MaxAsync(c => (DateOnly?)c.Day, ct) ?? from;
            first = first is null || from < first ? from : first;
            last = last is null || to > last ? to : last;
        }
        return first is { } f && last is { } l ? (f, l) : null;
    }

    /// <summary>Topics in display order (slug, title), for the dashboard's filter.</summary>
    public async Task<IReadOnlyList<(string Slug, string Title)>> TopicsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Order).Select(t => new { t.Slug, t.Title }).ToListAsync(ct);
        return topics.Select(t => (t.Slug, t.Title)).ToList();
    }
}
