using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.WardStats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace HoaHung.Learning.Tests.WardStats;

/// <summary>
/// A ward that upgrades keeps its figures: the <c>WardMonthCounts</c> migration fills the month rows from the daily
/// rows already kept (month sums, an all-topics row for lessons and quizzes, active learners' own all-topics row),
/// on each provider, so the dashboard and the open data read the same numbers after the upgrade as before.
/// </summary>
public sealed class MonthRollupMigrationTests
{
    private const string Migration = "WardMonthCounts";
    private static readonly string[] Areas = ["Khu phố 1", "Khu phố 2", ""];
    private static readonly string[] Topics = ["chu-de", "chu-de-khac"];

    [Fact]
    public async Task Sqlite_upgrade_fills_the_month_rows_from_the_daily_rows()
    {
        var dir = TestEnvironment.NewTempDirectory("hh-month-migration");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteLearningDbContext>().UseSqlite($"Data Source={Path.Combine(dir, "ward.db")};Pooling=false").Options;
            await UpgradeAndCheckAsync(() => new SqliteLearningDbContext(options));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_upgrade_fills_the_month_rows_from_the_daily_rows()
    {
        TestEnvironment.RequirePostgres();
        var database = $"hh_test_{Guid.NewGuid():N}";
        var cs = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = database }.ConnectionString;
        try
        {
            var options = new DbContextOptionsBuilder<PostgresLearningDbContext>().UseNpgsql(cs).Options;
            await UpgradeAndCheckAsync(() => new PostgresLearningDbContext(options));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task UpgradeAndCheckAsync(Func<LearningDbContext> open)
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
            Assert.True(index > 0, $"no migration {Migration}");
            // The ward as it was before the upgrade, with a history of daily rows.
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1], ct);
            db.AddRange(History(new Random(22)));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = open())
        {
            await db.Database.MigrateAsync(ct);
            var days = await db.Set<WardDailyCount>().AsNoTracking().ToListAsync(ct);
            var months = await db.Set<WardMonthCount>().AsNoTracking().ToListAsync(ct);
            var expected = new Dictionary<string, int>();
            void Add(string key, int count) => expected[key] = expected.GetValueOrDefault(key) + count;
            foreach (var d in days)
            {
                var month = $"{d.Day.Year:0000}-{d.Day.Month:00}-01";
                Add($"{month}|{d.Neighbourhood}|{d.Topic}|{d.Measure}", d.Count);
                if (d.Topic.Length > 0 && d.Measure is Measures.Lessons or Measures.Quizzes)
                    Add($"{month}|{d.Neighbourhood}||{d.Measure}", d.Count);
            }
            var actual = months.ToDictionary(m => $"{m.Month.Year:0000}-{m.Month.Month:00}-{m.Month.Day:00}|{m.Neighbourhood}|{m.Topic}|{m.Measure}", m => m.Count);
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(a => a.Key, StringComparer.Ordinal));

            // Active learners: the all-topics row is the daily all-topics row (3 here), not the topics' sum (5).
            var active = months.Single(m => m.Month == new DateOnly(2026, 10, 1) && m.Neighbourhood == "Khu phố 1" && m.Topic == "" && m.Measure == Measures.Active);
            Assert.Equal(3, active.Count);
        }
    }

    /// <summary>Daily rows over three months as the writer keeps them: topic rows for lessons and quizzes, active learners on the month's first day.</summary>
    private static IEnumerable<WardDailyCount> History(Random random)
    {
        var rows = new Dictionary<(DateOnly, string, string, string), int>();
        var start = new DateOnly(2026, 9, 20);
        for (var i = 0; i < 400; i++)
        {
            var day = start.AddDays(random.Next(0, 80));
            var area = Areas[random.Next(Areas.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var (measure, t) = random.Next(5) switch
            {
                0 => (Measures.Lessons, topic),
                1 => (Measures.Quizzes, topic),
                2 => (Measures.Accounts, ""),
                3 => (Measures.Sessions, ""),
                _ => (Measures.Certificates, ""),
            };
            var key = (day, area, t, measure);
            rows[key] = rows.GetValueOrDefault(key) + random.Next(1, 9);
        }
        foreach (var (key, count) in rows)
            yield return new WardDailyCount { Day = key.Item1, Neighbourhood = key.Item2, Topic = key.Item3, Measure = key.Item4, Count = count };
        var october = new DateOnly(2026, 10, 1);
        yield return new WardDailyCount { Day = october, Neighbourhood = "Khu phố 1", Topic = "", Measure = Measures.Active, Count = 3 };
        yield return new WardDailyCount { Day = october, Neighbourhood = "Khu phố 1", Topic = Topics[0], Measure = Measures.Active, Count = 2 };
        yield return new WardDailyCount { Day = october, Neighbourhood = "Khu phố 1", Topic = Topics[1], Measure = Measures.Active, Count = 3 };
    }
}
