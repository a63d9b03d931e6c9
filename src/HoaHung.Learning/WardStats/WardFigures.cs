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
/// (<see cref="WardDailyCount"/>, <see cref="SearchMiss"/>) and the small lessons table, never progress rows.
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

    /// <summary>One table per month from <paramref name="first"/> to <paramref name="last"/>, in one query.</summary>
    public async Task<IReadOnlyList<WardTable>> TablesAsync(DateOnly first, DateOnly last, IReadOnlyList<string> measures, string? area, string? topic,
        CancellationToken ct)
    {
        first = WardCalendar.MonthOf(first);
        last = WardCalendar.MonthOf(last);
        var end = last.AddMonths(1);
        var wanted = measures.ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.Set<WardDailyCount>().AsNoTracking().Where(c => c.Day >= first && c.Day < end && wanted.Contains(c.Measure));
        rows = topic is null
            ? rows.Where(c => c.Measure != Measures.Active || c.Topic == "")
            : rows.Where(c => c.Topic == topic);
        var sums = await rows.GroupBy(c => new { c.Day.Year, c.Day.Month, c.Neighbourhood, c.Measure })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Neighbourhood, g.Key.Measure, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        var known = Neighbourhoods;
        var areas = area is null ? [.. known, ""] : new List<string> { area };
        var tables = new List<WardTable>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var values = areas.ToDictionary(a => a, _ => new int[wanted.Count]);
            foreach (var s in sums.Where(s => s.Year == month.Year && s.Month == month.Month))
            {
                var key = known.Contains(s.Neighbourhood) ? s.Neighbourhood : "";
                if (values.TryGetValue(key, out var cells))
                    cells[wanted.IndexOf(s.Measure)] += s.Count;
            }
            var columns = Enumerable.Range(0, wanted.Count).Select(i => Disclosure.Column(areas.Select(a => values[a][i]).ToList())).ToList();
            var tableRows = areas.Select((a, r) => new WardRow(a, columns.Select(c => c.Cells[r]).ToList())).ToList();
            tables.Add(new WardTable(month, wanted, tableRows, new WardRow("", columns.Select(c => c.Total).ToList())));
        }
        return tables;
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

    /// <summary>The first and last ward days holding one of <paramref name="measures"/>; null when none does.</summary>
    public async Task<(DateOnly First, DateOnly Last)?> PeriodAsync(IReadOnlyList<string> measures, CancellationToken ct)
    {
        var wanted = measures.ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var days = db.Set<WardDailyCount>().AsNoTracking().Where(c => wanted.Contains(c.Measure) && c.Count != 0).Select(c => c.Day);
        if (!await days.AnyAsync(ct))
            return null;
        return (await days.MinAsync(ct), await days.MaxAsync(ct));
    }

    /// <summary>Topics in display order (slug, title), for the dashboard's filter.</summary>
    public async Task<IReadOnlyList<(string Slug, string Title)>> TopicsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Order).Select(t => new { t.Slug, t.Title }).ToListAsync(ct);
        return topics.Select(t => (t.Slug, t.Title)).ToList();
    }
}
