using System.Globalization;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.WardStats;

/// <summary>Every rollup row as a full recount makes it, or as stored (zero rows left out of all three).</summary>
public sealed record WardTally(IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, int> Members, IReadOnlyDictionary<string, int> Months);

/// <summary>
/// The full recount behind <c>rebuild-stats</c>: reads the source tables once (streamed), counts what the interceptor
/// counts, derives the month rows from the daily ones (<see cref="MonthKey.Sum"/>), and replaces the rollups in one transaction. Attributes each event to the khu phố the person or class has
/// now (the rollups keep the khu phố of the moment it happened), and cannot count what was deleted (an account's
/// progress, a deleted session), which the rollups keep: so run it to repair, not routinely.
/// </summary>
public sealed class WardStatsRebuild(IDbContextFactory<LearningDbContext> contexts)
{
    public async Task<WardTally> RecountAsync(CancellationToken ct)
    {
        var (counts, members) = await CountAsync(ct);
        return new WardTally(
            counts.Where(c => c.Value != 0).ToDictionary(c => Name(c.Key), c => c.Value),
            members.Where(m => m.Value.Events != 0).ToDictionary(m => Name(m.Key), m => m.Value.Events),
            MonthKey.Sum(counts).ToDictionary(m => Name(m.Key), m => m.Value));
    }

    public async Task<WardTally> StoredAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Set<WardDailyCount>().AsNoTracking().Where(c => c.Count != 0).ToListAsync(ct);
        var members = await db.Set<WardMonthMember>().AsNoTracking().Where(m => m.Events != 0).ToListAsync(ct);
        var months = await db.Set<WardMonthCount>().AsNoTracking().Where(m => m.Count != 0).ToListAsync(ct);
        return new WardTally(
            counts.ToDictionary(c => Name(new CountKey(c.Day, c.Neighbourhood, c.Topic, c.Measure)), c => c.Count),
            members.ToDictionary(m => Name(new MemberKey(m.Month, m.Kind, m.Key, m.Topic)), m => m.Events),
            months.ToDictionary(m => Name(new MonthKey(m.Month, m.Neighbourhood, m.Topic, m.Measure)), m => m.Count));
    }

    /// <summary>Replaces every rollup row with the recount; the number of figure rows written.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var (counts, members) = await CountAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<WardDailyCount>().ExecuteDeleteAsync(ct);
        await db.Set<WardMonthMember>().ExecuteDeleteAsync(ct);
        await db.Set<WardMonthCount>().ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in members.Where(m => m.Value.Events != 0).Chunk(5000))
        {
            db.AddRange(chunk.Select(m => new WardMonthMember
            {
                Month = m.Key.Month, Kind = m.Key.Kind, Key = m.Key.Key, Topic = m.Key.Topic,
                Neighbourhood = m.Value.Neighbourhood, Events = m.Value.Events,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var rows = counts.Where(c => c.Value != 0).ToList();
        foreach (var chunk in rows.Chunk(5000))
        {
            db.AddRange(chunk.Select(c => new WardDailyCount
            {
                Day = c.Key.Day, Neighbourhood = c.Key.Neighbourhood, Topic = c.Key.Topic, Measure = c.Key.Measure, Count = c.Value,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in MonthKey.Sum(counts).Chunk(5000))
        {
            db.AddRange(chunk.Select(m => new WardMonthCount
            {
                Month = m.Key.Month, Neighbourhood = m.Key.Neighbourhood, Topic = m.Key.Topic, Measure = m.Key.Measure, Count = m.Value,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    private async Task<(Dictionary<CountKey, int>, Dictionary<MemberKey, (string Neighbourhood, int Events)>)> CountAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = new Dictionary<CountKey, int>();
        var members = new Dictionary<MemberKey, (string Neighbourhood, int Events)>();
        void Count(DateTime utc, string? neighbourhood, string topic, string measure)
        {
            var key = new CountKey(WardCalendar.Day(utc), WardStatsWriter.Clean(neighbourhood), topic, measure);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        void Member(DateTime utc, string kind, string key, string topic, string? neighbourhood)
        {
            var k = new MemberKey(WardCalendar.MonthOf(WardCalendar.Day(utc)), kind, key, topic);
            members[k] = members.TryGetValue(k, out var m) ? (m.Neighbourhood, m.Events + 1) : (WardStatsWriter.Clean(neighbourhood), 1);
        }

        var people = new Dictionary<string, string?>();
        await foreach (var u in db.Users.AsNoTracking().Select(u => new { u.Id, u.Neighbourhood, u.CreatedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            people[u.Id] = u.Neighbourhood;
            Count(u.CreatedAt, u.Neighbourhood, "", Measures.Accounts);
        }
        var lessons = await db.Lessons.AsNoTracking().Select(l => new { l.Id, Topic = l.Topic.Slug, l.Type }).ToDictionaryAsync(l => l.Id, ct);
        await foreach (var p in db.Set<LessonProgress>().AsNoTracking().Where(p => p.CompletedAt != null)
            .Select(p => new { p.UserId, p.LessonId, p.CompletedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!lessons.TryGetValue(p.LessonId, out var lesson))
                continue;
            var neighbourhood = people.GetValueOrDefault(p.UserId);
            var when = p.CompletedAt!.Value;
            Count(when, neighbourhood, lesson.Topic, Measures.Lessons);
            if (lesson.Type == LessonType.Quiz)
                Count(when, neighbourhood, lesson.Topic, Measures.Quizzes);
            Member(when, WardStatsWriter.LearnerKind, p.UserId, "", neighbourhood);
            Member(when, WardStatsWriter.LearnerKind, p.UserId, lesson.Topic, neighbourhood);
        }
        await foreach (var c in db.Set<Certificate>().AsNoTracking().Select(c => new { c.UserId, c.IssuedAt }).AsAsyncEnumerable().WithCancellation(ct))
            Count(c.IssuedAt, people.GetValueOrDefault(c.UserId), "", Measures.Certificates);

        var classes = await db.Set<Classroom>().AsNoTracking().Select(c => new { c.Id, c.Neighbourhood }).ToDictionaryAsync(c => c.Id, c => c.Neighbourhood, ct);
        var sessions = await db.Set<ClassSession>().AsNoTracking().Select(s => new { s.Id, s.ClassId, s.StartsAt }).ToDictionaryAsync(s => s.Id, ct);
        foreach (var s in sessions.Values)
        {
            var neighbourhood = classes.GetValueOrDefault(s.ClassId);
            Count(s.StartsAt, neighbourhood, "", Measures.Sessions);
            Member(s.StartsAt, WardStatsWriter.ClassKind, s.ClassId.ToString(CultureInfo.InvariantCulture), "", neighbourhood);
        }
        await foreach (var a in db.Set<AttendanceMark>().AsNoTracking()
            .Where(a => a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late)
            .Select(a => a.SessionId).AsAsyncEnumerable().WithCancellation(ct))
            if (sessions.TryGetValue(a, out var session))
                Count(session.StartsAt, classes.GetValueOrDefault(session.ClassId), "", Measures.Attendances);

        // The month figures of distinct things, from their members.
        foreach (var (key, member) in members)
        {
            var k = new CountKey(key.Month, member.Neighbourhood, key.Topic, key.Kind == WardStatsWriter.LearnerKind ? Measures.Active : Measures.Classes);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        return (counts, members);
    }

    private static string Name(CountKey k) => $"{k.Day:yyyy-MM-dd}|{k.Neighbourhood}|{k.Topic}|{k.Measure}";

    private static string Name(MonthKey k) => $"{k.Month:yyyy-MM}|{k.Neighbourhood}|{k.Topic}|{k.Measure}";

    private static string Name(MemberKey k) => $"{k.Month:yyyy-MM}|{k.Kind}|{k.Key}|{k.Topic}";
}
