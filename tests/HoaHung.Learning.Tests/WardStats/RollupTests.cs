using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.WardStats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.WardStats;

/// <summary>
/// The daily rollups, kept as events are saved, agree with a full recount of the source tables after random
/// histories (accounts, lessons finished and finished again later, quizzes, certificates, class sessions moved and
/// removed, attendance marked, changed and cleared), on each provider; <c>rebuild-stats</c> gives the same rows back.
/// </summary>
public abstract class RollupTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : WardSite
{
    private static readonly string?[] Areas = ["Khu phố 1", "Khu phố 2", "Khu phố 41", null];

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task Rollups_kept_on_every_save_agree_with_a_full_recount_after_a_random_history(int seed)
    {
        site.EnsureAvailable();
        var random = new Random(seed);
        var lessons = await site.WithDbAsync(db => db.Lessons.Select(l => l.Id).ToListAsync());
        var trainer = await site.UserAsync(AccountSeed.UniqueName("tr"), "Người hướng dẫn", roles: Roles.Trainer);
        var learners = new List<AppUser>();
        var sessions = new List<int>();
        var classes = new List<(int Id, string JoinCode)>();

        for (var step = 0; step < 160; step++)
        {
            site.Clock.Advance(TimeSpan.FromHours(random.Next(0, 60)));
            using var scope = site.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var op = learners.Count < 3 ? 0 : random.Next(11);
            switch (op)
            {
                case 0 or 1:
                    learners.Add(await site.UserAsync(AccountSeed.UniqueName("r"), "Cư dân", Areas[random.Next(Areas.Length)],
                        site.Clock.GetUtcNow().UtcDateTime));
                    break;
                case 2 or 3 or 4 or 5: // finish a lesson, or finish it again later (its time moves)
                    var learner = learners[random.Next(learners.Count)];
                    await sp.GetRequiredService<LearnerProgress>().CompleteAsync(Learner.Account(learner.Id), lessons[random.Next(lessons.Count)], CancellationToken.None);
                    break;
                case 6: // a class in a khu phố, which a learner joins
                    var created = await sp.GetRequiredService<Classrooms>().CreateAsync(trainer.Id,
                        new ClassForm($"Lớp {step}", Areas[random.Next(Areas.Length)]), CancellationToken.None);
                    var id = Assert.IsType<ClassResult.Created>(created).Id;
                    var code = await site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == id).Select(c => c.JoinCode).SingleAsync());
                    classes.Add((id, code));
                    break;
                case 7 when classes.Count > 0: // a session: added, moved or removed
                    var schedule = sp.GetRequiredService<ClassSchedule>();
                    var day = WardTime.Today(site.Clock).AddDays(random.Next(-40, 40));
                    var form = new SessionForm(day, new TimeOnly(random.Next(0, 24), 0));
                    var choice = sessions.Count == 0 ? 0 : random.Next(4);
                    if (choice <= 1)
                        sessions.Add(Assert.IsType<ClassResult.Created>(await schedule.AddSessionAsync(trainer.Id, classes[random.Next(classes.Count)].Id, form, CancellationToken.None)).Id);
                    else if (choice == 2)
                        Assert.IsType<ClassResult.Done>(await schedule.UpdateSessionAsync(trainer.Id, sessions[random.Next(sessions.Count)], form, CancellationToken.None));
                    else
                    {
                        var gone = sessions[random.Next(sessions.Count)];
                        Assert.IsType<ClassResult.Done>(await schedule.RemoveSessionAsync(trainer.Id, gone, CancellationToken.None));
                        sessions.Remove(gone);
                    }
                    break;
                case 8 or 9 when sessions.Count > 0: // attendance: a member marked, re-marked or cleared
                    var session = sessions[random.Next(sessions.Count)];
                    var classId = await site.WithDbAsync(db => db.Set<ClassSession>().Where(s => s.Id == session).Select(s => s.ClassId).SingleAsync());
                    var member = learners[random.Next(learners.Count)];
                    await sp.GetRequiredService<ClassJoining>().JoinAsync(member.Id, classes.Single(c => c.Id == classId).JoinCode, CancellationToken.None);
                    AttendanceStatus? status = random.Next(5) switch { 0 => null, 1 => AttendanceStatus.Absent, 2 => AttendanceStatus.Late, _ => AttendanceStatus.Present };
                    Assert.IsType<ClassResult.Done>(await sp.GetRequiredService<ClassAttendance>().MarkAsync(trainer.Id, session, member.Id, status, null, CancellationToken.None));
                    break;
                case 10: // a certificate, saved as Certificates.IssueEarnedAsync saves one (the path's quiz is not taken here)
                    var earner = learners[random.Next(learners.Count)];
                    await site.WithDbAsync(async db =>
                    {
                        var pathId = await db.LearningPaths.Select(p => p.Id).FirstAsync();
                        if (await db.Set<Certificate>().AnyAsync(c => c.UserId == earner.Id))
                            return 0;
                        db.Add(new Certificate { Code = Certificate.NewCode(), UserId = earner.Id, PathId = pathId, DisplayName = earner.DisplayName,
                            PathTitle = "Lộ trình", IssuedAt = site.Clock.GetUtcNow().UtcDateTime });
                        return await db.SaveChangesAsync();
                    });
                    break;
            }
        }

        var rebuild = site.Services.GetRequiredService<WardStatsRebuild>();
        var stored = await rebuild.StoredAsync(CancellationToken.None);
        var recount = await rebuild.RecountAsync(CancellationToken.None);
        Assert.NotEmpty(recount.Counts);
        Assert.Contains(recount.Counts.Keys, k => k.EndsWith("|certificates", StringComparison.Ordinal));
        Assert.Contains(recount.Counts.Keys, k => k.EndsWith("|attendances", StringComparison.Ordinal));
        Assert.Contains(recount.Counts.Keys, k => k.EndsWith("|quizzes", StringComparison.Ordinal));
        AssertSame(recount.Counts, stored.Counts);
        AssertSame(recount.Members, stored.Members);
        AssertSame(recount.Months, stored.Months);

        // The month rows kept beside the daily ones are the daily rows added up by month, with an all-topics row
        // for lessons and quizzes (their topic rows added up) and for active learners (the distinct count, never
        // the topics' sum).
        AssertSame(ByMonth(stored.Counts), stored.Months);
        Assert.Contains(stored.Months.Keys, k => k.EndsWith("||lessons", StringComparison.Ordinal));
        Assert.Contains(stored.Months.Keys, k => k.EndsWith("||active", StringComparison.Ordinal));
        Assert.Contains(stored.Months.Keys, k => k.EndsWith("||sessions", StringComparison.Ordinal));

        // rebuild-stats writes the recount: the same rows as were kept
        await rebuild.RebuildAsync(CancellationToken.None);
        var rebuilt = await rebuild.StoredAsync(CancellationToken.None);
        AssertSame(recount.Counts, rebuilt.Counts);
        AssertSame(recount.Members, rebuilt.Members);
        AssertSame(recount.Months, rebuilt.Months);

        // The trend's ward totals, added up in SQL, say what the tables' totals say: with a khu phố no longer
        // configured (counted with "not known") and small counts that the protection must see through.
        var today = WardTime.Today(site.Clock);
        await site.WithDbAsync(db =>
        {
            db.AddRange(
                new WardMonthCount { Month = WardCalendar.MonthOf(today), Neighbourhood = "Khu phố cũ", Topic = "", Measure = Measures.Lessons, Count = 2 },
                new WardMonthCount { Month = WardCalendar.MonthOf(today).AddMonths(-1), Neighbourhood = "Khu phố cũ", Topic = "", Measure = Measures.Active, Count = 7 },
                new WardMonthCount { Month = WardCalendar.MonthOf(today).AddMonths(-2), Neighbourhood = "Khu phố 3", Topic = "", Measure = Measures.Quizzes, Count = 1 });
            return db.SaveChangesAsync();
        });
        var figures = site.Services.GetRequiredService<WardFigures>();
        var (from, to) = (today.AddMonths(-14), today.AddMonths(1));
        var topics = await site.WithDbAsync(db => db.Topics.Select(t => t.Slug).ToListAsync());
        foreach (var topic in topics.Append(null))
        {
            IReadOnlyList<string> measures = topic is null ? Measures.All : [Measures.Active, Measures.Lessons, Measures.Quizzes];
            var tables = await figures.TablesAsync(from, to, measures, null, topic, CancellationToken.None);
            var trend = await figures.TrendAsync(from, to, measures, null, topic, CancellationToken.None);
            Assert.Equal(tables.Select(t => (t.Month, string.Join(",", t.Total.Values))), trend.Select(t => (t.Month, string.Join(",", t.Values))));
            var area = await figures.TrendAsync(from, to, measures, "Khu phố 1", topic, CancellationToken.None);
            Assert.Equal(tables.Select(t => (t.Month, string.Join(",", t.Rows[0].Values))), area.Select(t => (t.Month, string.Join(",", t.Values))));
        }
        // The history's other run (the fixture's site is shared) must find only what its saves kept.
        await site.WithDbAsync(db => db.Set<WardMonthCount>().Where(c => c.Neighbourhood == "Khu phố cũ" || c.Neighbourhood == "Khu phố 3").ExecuteDeleteAsync());
    }

    /// <summary>Daily rows ("yyyy-MM-dd|khu phố|topic|measure") added up by month, written out here apart from the site's own code.</summary>
    private static Dictionary<string, int> ByMonth(IReadOnlyDictionary<string, int> days)
    {
        var months = new Dictionary<string, int>();
        void Add(string key, int count) => months[key] = months.GetValueOrDefault(key) + count;
        foreach (var (key, count) in days)
        {
            var parts = key.Split('|');
            var (month, area, topic, measure) = (parts[0][..7], parts[1], parts[2], parts[3]);
            Add($"{month}|{area}|{topic}|{measure}", count);
            if (topic.Length > 0 && measure is Measures.Lessons or Measures.Quizzes)
                Add($"{month}|{area}||{measure}", count);
        }
        return months.Where(m => m.Value != 0).ToDictionary();
    }

    private static void AssertSame(IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, int> actual)
    {
        var wrong = expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}: recount {expected.GetValueOrDefault(k)}, kept {actual.GetValueOrDefault(k)}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

public sealed class RollupTestsOnSqlite(SqliteWardSite site) : RollupTests<SqliteWardSite>(site);

public sealed class RollupTestsOnPostgres(PostgresWardSite site) : RollupTests<PostgresWardSite>(site);
