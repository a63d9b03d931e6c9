using HoaHung.Learning.Catalog;
using HoaHung.Learning.Classes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.WardStats;

internal readonly record struct CountKey(DateOnly Day, string Neighbourhood, string Topic, string Measure);

internal readonly record struct MemberKey(DateOnly Month, string Kind, string Key, string Topic);

/// <summary>A row of <see cref="WardMonthCount"/>: <see cref="Month"/> is the first day of the ward month.</summary>
internal readonly record struct MonthKey(DateOnly Month, string Neighbourhood, string Topic, string Measure)
{
    /// <summary>
    /// The month rows a daily row adds to: its own month's row, and for a figure that adds up over topics
    /// (<see cref="Measures.AddsUpOverTopics"/>) also the month's all-topics row. A daily <c>active</c> row already
    /// has its all-topics twin (the distinct count, topic ""), so its topic rows are never added into it.
    /// </summary>
    public static IEnumerable<MonthKey> Of(CountKey day)
    {
        var month = WardCalendar.MonthOf(day.Day);
        yield return new MonthKey(month, day.Neighbourhood, day.Topic, day.Measure);
        if (day.Topic.Length > 0 && Measures.AddsUpOverTopics(day.Measure))
            yield return new MonthKey(month, day.Neighbourhood, "", day.Measure);
    }

    /// <summary>The month rows of a set of daily rows (zero rows left out).</summary>
    public static Dictionary<MonthKey, int> Sum(IEnumerable<KeyValuePair<CountKey, int>> days)
    {
        var months = new Dictionary<MonthKey, int>();
        foreach (var (day, count) in days)
            foreach (var key in Of(day))
                months[key] = months.GetValueOrDefault(key) + count;
        foreach (var key in months.Where(m => m.Value == 0).Select(m => m.Key).ToList())
            months.Remove(key);
        return months;
    }
}

/// <summary>
/// Turns a save's facts into deltas and adds them to the rollups: one upsert per changed member row, then the daily
/// rows and their month rows (<see cref="WardMonthCount"/>) each with one multi-row upsert.
/// </summary>
internal static class WardStatsWriter
{
    public const string LearnerKind = "learner";
    public const string ClassKind = "class";

    public static async Task ApplyAsync(DbContext db, WardFacts facts, CancellationToken ct)
    {
        var counts = new Dictionary<CountKey, int>();
        var members = new Dictionary<MemberKey, (string Neighbourhood, int Change)>();
        void Count(DateTime utc, string? neighbourhood, string topic, string measure, int change)
        {
            var key = new CountKey(WardCalendar.Day(utc), Clean(neighbourhood), topic, measure);
            counts[key] = counts.GetValueOrDefault(key) + change;
        }
        void Member(DateTime utc, string kind, string key, string topic, string? neighbourhood, int change)
        {
            var k = new MemberKey(WardCalendar.MonthOf(WardCalendar.Day(utc)), kind, key, topic);
            var before = members.GetValueOrDefault(k);
            members[k] = (Clean(neighbourhood), before.Change + change);
        }

        var userIds = facts.Completions.Select(c => c.UserId).Concat(facts.Certificates.Select(c => c.UserId)).Distinct().ToList();
        var people = userIds.Count == 0 ? [] : await db.Set<Accounts.AppUser>().AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Neighbourhood }).ToDictionaryAsync(u => u.Id, u => u.Neighbourhood, ct);

        if (facts.Completions.Count > 0)
        {
            var lessonIds = facts.Completions.Select(c => c.LessonId).Distinct().ToList();
            var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => lessonIds.Contains(l.Id))
                .Select(l => new { l.Id, Topic = l.Topic.Slug, l.Type }).ToDictionaryAsync(l => l.Id, ct);
            foreach (var c in facts.Completions)
            {
                if (!lessons.TryGetValue(c.LessonId, out var lesson))
                    continue;
                var neighbourhood = people.GetValueOrDefault(c.UserId);
                foreach (var (at, change) in new[] { (c.Old, -1), (c.New, 1) })
                {
                    if (at is not { } when)
                        continue;
                    Count(when, neighbourhood, lesson.Topic, Measures.Lessons, change);
                    if (lesson.Type == LessonType.Quiz)
                        Count(when, neighbourhood, lesson.Topic, Measures.Quizzes, change);
                    Member(when, LearnerKind, c.UserId, "", neighbourhood, change);
                    Member(when, LearnerKind, c.UserId, lesson.Topic, neighbourhood, change);
                }
            }
        }
        foreach (var (createdAt, neighbourhood) in facts.Accounts)
            Count(createdAt, neighbourhood, "", Measures.Accounts, 1);
        foreach (var (userId, issuedAt) in facts.Certificates)
            Count(issuedAt, people.GetValueOrDefault(userId), "", Measures.Certificates, 1);

        if (facts.Sessions.Count + facts.Attendances.Count > 0)
        {
            var sessionIds = facts.Attendances.Select(a => a.SessionId).Distinct().ToList();
            var sessions = sessionIds.Count == 0 ? [] : await db.Set<ClassSession>().AsNoTracking().Where(s => sessionIds.Contains(s.Id))
                .Select(s => new { s.Id, s.ClassId, s.StartsAt }).ToDictionaryAsync(s => s.Id, ct);
            var classIds = facts.Sessions.Select(s => s.ClassId).Concat(sessions.Values.Select(s => s.ClassId)).Distinct().ToList();
            var classes = await db.Set<Classroom>().AsNoTracking().Where(c => classIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Neighbourhood }).ToDictionaryAsync(c => c.Id, c => c.Neighbourhood, ct);
            foreach (var s in facts.Sessions)
            {
                var neighbourhood = classes.GetValueOrDefault(s.ClassId);
                foreach (var (at, change) in new[] { (s.Old, -1), (s.New, 1) })
                {
                    if (at is not { } when)
                        continue;
                    Count(when, neighbourhood, "", Measures.Sessions, change);
                    Member(when, ClassKind, s.ClassId.ToString(System.Globalization.CultureInfo.InvariantCulture), "", neighbourhood, change);
                }
            }
            foreach (var a in facts.Attendances)
                if (sessions.TryGetValue(a.SessionId, out var session))
                    Count(session.StartsAt, classes.GetValueOrDefault(session.ClassId), "", Measures.Attendances, a.Change);
        }

        // Always in the same order, so two concurrent saves lock shared rows in the same order (no deadlock).
        foreach (var (key, (neighbourhood, change)) in members.Where(m => m.Value.Change != 0).OrderBy(m => m.Key.ToString(), StringComparer.Ordinal))
        {
            var (events, stored) = await AddToMemberAsync(db, key, neighbourhood, change, ct);
            var before = events - change;
            var measure = key.Kind == LearnerKind ? Measures.Active : Measures.Classes;
            var step = before <= 0 && events > 0 ? 1 : before > 0 && events <= 0 ? -1 : 0;
            if (step != 0)
            {
                var k = new CountKey(key.Month, stored, key.Topic, measure);
                counts[k] = counts.GetValueOrDefault(k) + step;
            }
        }
        var days = counts.Where(c => c.Value != 0).OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)
            .Select(c => (c.Key.Day, c.Key.Neighbourhood, c.Key.Topic, c.Key.Measure, c.Value)).ToList();
        var months = MonthKey.Sum(counts).OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)
            .Select(c => (c.Key.Month, c.Key.Neighbourhood, c.Key.Topic, c.Key.Measure, c.Value)).ToList();
        await AddToCountsAsync(db, "WardDailyCounts", "Day", days, ct);
        await AddToCountsAsync(db, "WardMonthCounts", "Month", months, ct);
    }

    internal static string Clean(string? neighbourhood)
    {
        var text = neighbourhood?.Trim() ?? "";
        return text.Length > WardDailyCount.MaxNeighbourhood ? text[..WardDailyCount.MaxNeighbourhood] : text;
    }

    /// <summary>Rows per statement: 5 parameters each, under SQLite's 999 per statement.</summary>
    private const int RowsPerStatement = 150;

    // The same SQL on SQLite and PostgreSQL (both have INSERT … VALUES (…), (…) ON CONFLICT … DO UPDATE with "excluded").
    // The rows come in the caller's fixed order (daily rows, then month rows, each sorted), which is the order they are
    // locked in, so two concurrent saves cannot deadlock on them. A key appears once per statement (a dictionary's).
    private static async Task AddToCountsAsync(DbContext db, string table, string first,
        IReadOnlyList<(DateOnly When, string Neighbourhood, string Topic, string Measure, int Change)> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var values = new List<object>(chunk.Length * 5);
            var tuples = new List<string>(chunk.Length);
            foreach (var r in chunk)
            {
                var n = values.Count;
                tuples.Add($"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}}, {{{n + 4}}})");
                values.AddRange([r.When, r.Neighbourhood, r.Topic, r.Measure, r.Change]);
            }
            // Only the two table and column names above (constants) and placeholders are written into the text; every value is a parameter.
            var sql = $"""
                INSERT INTO "{table}" ("{first}", "Neighbourhood", "Topic", "Measure", "Count") VALUES {string.Join(", ", tuples)}
                ON CONFLICT ("{first}", "Neighbourhood", "Topic", "Measure") DO UPDATE SET "Count" = "{table}"."Count" + excluded."Count"
                """;
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    private static async Task<(int Events, string Neighbourhood)> AddToMemberAsync(DbContext db, MemberKey key, string neighbourhood, int change,
        CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "WardMonthMembers" ("Month", "Kind", "Key", "Topic", "Neighbourhood", "Events") VALUES ({0}, {1}, {2}, {3}, {4}, {5})
            ON CONFLICT ("Month", "Kind", "Key", "Topic") DO UPDATE SET "Events" = "WardMonthMembers"."Events" + excluded."Events"
            """, [key.Month, key.Kind, key.Key, key.Topic, neighbourhood, change], ct);
        var row = await db.Set<WardMonthMember>().AsNoTracking()
            .Where(m => m.Month == key.Month && m.Kind == key.Kind && m.Key == key.Key && m.Topic == key.Topic)
            .Select(m => new { m.Events, m.Neighbourhood }).FirstAsync(ct);
        return (row.Events, row.Neighbourhood);
    }
}
