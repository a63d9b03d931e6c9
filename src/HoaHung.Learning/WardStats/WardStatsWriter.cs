using HoaHung.Learning.Catalog;
using HoaHung.Learning.Classes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.WardStats;

internal readonly record struct CountKey(DateOnly Day, string Neighbourhood, string Topic, string Measure);

internal readonly record struct MemberKey(DateOnly Month, string Kind, string Key, string Topic);

/// <summary>Turns a save's facts into deltas and adds them to the rollups with one upsert per changed row.</summary>
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
        foreach (var (key, change) in counts.Where(c => c.Value != 0).OrderBy(c => c.Key.ToString(), StringComparer.Ordinal))
            await AddToCountAsync(db, key, change, ct);
    }

    internal static string Clean(string? neighbourhood)
    {
        var text = neighbourhood?.Trim() ?? "";
        return text.Length > WardDailyCount.MaxNeighbourhood ? text[..WardDailyCount.MaxNeighbourhood] : text;
    }

    // The same SQL on SQLite and PostgreSQL (both have INSERT … ON CONFLICT … DO UPDATE with "excluded").
    private static Task AddToCountAsync(DbContext db, CountKey key, int change, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "WardDailyCounts" ("Day", "Neighbourhood", "Topic", "Measure", "Count") VALUES ({0}, {1}, {2}, {3}, {4})
            ON CONFLICT ("Day", "Neighbourhood", "Topic", "Measure") DO UPDATE SET "Count" = "WardDailyCounts"."Count" + excluded."Count"
            """, [key.Day, key.Neighbourhood, key.Topic, key.Measure, change], ct);

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
