using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.SearchBench;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;

// City benchmark generator (bench/README.md, bench/run-city.sh). Two commands:
//   lessons DIR COUNT [SEED]          write a content folder of COUNT text, video and quiz lessons (bench/search's generator)
//   fill CONNECTION OUTDIR [options]  fill a database that the site has migrated and imported lessons into with a city:
//                                     learners, staff, progress, quiz attempts, certificates, classes, sessions and
//                                     attendance over a year, by binary COPY. Writes OUTDIR/city.json (the khu phố
//                                     list for the site's configuration), OUTDIR/learners.txt (user names) and
//                                     OUTDIR/city.txt (what was made and how long each step took).
// Options of fill (defaults: the city of issue 25): --seed 2026 --wards 168 --khu-pho 41 --learners 500000
//   --progress 25000000 --classes 5000 --trainers 1000 --busy 5000 --live 30 --password TEXT --days 365
if (args is ["lessons", var dir, var count, ..])
{
    var sw = Stopwatch.StartNew();
    LibraryGenerator.Write(dir, int.Parse(count, CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20261207);
    Console.WriteLine($"generated {count} lessons in {dir} ({sw.Elapsed.TotalSeconds:F1} s)");
    return 0;
}
if (args is not ["fill", var connection, var outDir, ..])
{
    Console.Error.WriteLine("usage: lessons DIR COUNT [SEED] | fill CONNECTION OUTDIR [--seed N --learners N --progress N ...]");
    return 2;
}
var options = CityOptions.Parse(args.Skip(3).ToArray());
Directory.CreateDirectory(outDir);
await new CityFiller(connection, outDir, options).RunAsync();
return 0;

internal sealed record CityOptions(int Seed, int Wards, int KhuPho, int Learners, long Progress, int Classes, int Trainers,
    int Busy, int Live, string Password, int Days)
{
    public static CityOptions Parse(string[] args)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            d[args[i].TrimStart('-')] = args[i + 1];
        int I(string k, int def) => d.TryGetValue(k, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : def;
        return new CityOptions(I("seed", 2026), I("wards", 168), I("khu-pho", 41), I("learners", 500_000),
            d.TryGetValue("progress", out var p) ? long.Parse(p, CultureInfo.InvariantCulture) : 25_000_000,
            I("classes", 5000), I("trainers", 1000), I("busy", 5000), I("live", 30),
            d.TryGetValue("password", out var pw) ? pw : "Thanh-pho-2026", I("days", 365));
    }
}

internal sealed class CityFiller(string connection, string outDir, CityOptions o)
{
    private readonly Random random = new(o.Seed);
    private readonly StringBuilder log = new();
    private readonly DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
    private static readonly TimeSpan Ward = TimeSpan.FromHours(7);

    private string[] userIds = [];
    private string[] neighbourhoodOf = [];
    private DateTime[] createdAt = [];
    private string[] trainerIds = [];
    private List<string> neighbourhoods = [];
    private LessonRow[] lessons = [];

    private sealed record LessonRow(int Id, string Type, int? RevisionId);

    public async Task RunAsync()
    {
        var total = Stopwatch.StartNew();
        // No command timeout: a copy of millions of rows, an index build or a VACUUM takes minutes on a busy machine.
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ConnectionString);
        await using (var c = await source.OpenConnectionAsync())
        {
            var existing = (long)(await new NpgsqlCommand("""SELECT count(*) FROM "LessonProgress" """, c).ExecuteScalarAsync())!;
            if (existing > 0)
                throw new InvalidOperationException("the database already holds progress rows: fill an empty city (drop and create it again)");
        }
        await Step("roles", () => EnsureRolesAsync(source));
        await Step("lessons read", () => ReadLessonsAsync(source));
        await Step($"accounts ({o.Learners:N0} learners, {o.Trainers:N0} trainers, an admin and an official)", () => UsersAsync(source));
        await Step($"progress ({o.Progress:N0} rows) and quiz attempts", () => ProgressAsync(source));
        await Step("certificates", () => CertificatesAsync(source));
        await Step($"classes ({o.Classes:N0}), members, sessions, attendance", () => ClassesAsync(source));
        await Step("indexes and foreign keys built again", () => RestoreAsync(source));
        await Step("vacuum analyze", () => Exec(source, "VACUUM ANALYZE"));
        await using (var c = await source.OpenConnectionAsync())
        {
            var size = (long)(await new NpgsqlCommand("SELECT pg_database_size(current_database())", c).ExecuteScalarAsync())!;
            log.AppendLine(CultureInfo.InvariantCulture, $"database size: {size / 1048576.0 / 1024:F2} GiB ({size:N0} bytes)");
            foreach (var t in new[] { "LessonProgress", "AspNetUsers", "QuizAttempts", "AttendanceMarks", "ClassMembers", "Lessons", "lesson_search" })
            {
                var rows = (long)(await new NpgsqlCommand($"SELECT count(*) FROM \"{t}\"", c).ExecuteScalarAsync())!;
                var bytes = (long)(await new NpgsqlCommand($"SELECT pg_total_relation_size('\"{t}\"')", c).ExecuteScalarAsync())!;
                log.AppendLine(CultureInfo.InvariantCulture, $"  {t}: {rows:N0} rows, {bytes / 1048576.0:F0} MB with indexes");
            }
        }
        log.AppendLine(CultureInfo.InvariantCulture, $"total: {total.Elapsed.TotalSeconds:F0} s (seed {o.Seed})");
        await File.WriteAllTextAsync(Path.Combine(outDir, "city.txt"), log.ToString());
        Console.Write(log.ToString());
    }

    private async Task Step(string name, Func<Task> step)
    {
        var sw = Stopwatch.StartNew();
        Console.WriteLine($"-- {name}");
        await step();
        var line = $"{name}: {sw.Elapsed.TotalSeconds:F1} s";
        log.AppendLine(line);
        Console.WriteLine("   " + line);
    }

    private static async Task Exec(NpgsqlDataSource source, string sql)
    {
        await using var c = await source.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task EnsureRolesAsync(NpgsqlDataSource source)
    {
        await using var c = await source.OpenConnectionAsync();
        foreach (var role in Roles.All)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp")
                SELECT @id, @name, @norm, @stamp WHERE NOT EXISTS (SELECT 1 FROM "AspNetRoles" WHERE "NormalizedName" = @norm)
                """, c);
            cmd.Parameters.AddWithValue("id", NewGuid().ToString());
            cmd.Parameters.AddWithValue("name", role);
            cmd.Parameters.AddWithValue("norm", role.ToUpperInvariant());
            cmd.Parameters.AddWithValue("stamp", NewGuid().ToString());
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private async Task ReadLessonsAsync(NpgsqlDataSource source)
    {
        await using var c = await source.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""SELECT "Id", "Type", "PublishedRevisionId" FROM "Lessons" WHERE "Status" = 'Published' ORDER BY "Id" """, c);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<LessonRow>();
        while (await r.ReadAsync())
            list.Add(new LessonRow(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2)));
        lessons = [.. list];
        if (lessons.Length == 0)
            throw new InvalidOperationException("no published lessons: import the lessons first (run-city.sh does)");
        log.AppendLine(CultureInfo.InvariantCulture, $"published lessons: {lessons.Length:N0} ({lessons.Count(l => l.Type == "Quiz"):N0} quizzes, {lessons.Count(l => l.Type == "Video"):N0} videos)");
    }

    private Guid NewGuid()
    {
        Span<byte> b = stackalloc byte[16];
        random.NextBytes(b);
        b[7] = (byte)((b[7] & 0x0F) | 0x40); // version 4, as Guid.NewGuid
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b);
    }

    private DateTime Clip(DateTime t) => t > now ? now.AddMinutes(-random.Next(1, 600)) : t;

    /// <summary>A moment of the ward's day when people learn (06:00–22:00 ward time), on the day of <paramref name="day"/>.</summary>
    private DateTime AtDaytime(DateTime day)
    {
        var wardDay = (day + Ward).Date;
        return wardDay.AddMinutes(360 + random.Next(16 * 60)) - Ward;
    }

    private async Task UsersAsync(NpgsqlDataSource source)
    {
        neighbourhoods = [.. Enumerable.Range(1, o.Wards).SelectMany(w => Enumerable.Range(1, o.KhuPho).Select(k => $"Phường {w:D3} · Khu phố {k}"))];
        await File.WriteAllTextAsync(Path.Combine(outDir, "city.json"), JsonSerializer.Serialize(new
        {
            App = new { Accounts = new { Neighbourhoods = neighbourhoods } },
        }));

        // One hash for every account (the site's own hasher and settings): signing in works and costs what it costs.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser { UserName = "x", DisplayName = "x" }, o.Password);
        var roleIds = new Dictionary<string, string>();
        await using (var c = await source.OpenConnectionAsync())
        await using (var r = await new NpgsqlCommand("""SELECT "Name", "Id" FROM "AspNetRoles" """, c).ExecuteReaderAsync())
            while (await r.ReadAsync())
                roleIds[r.GetString(0)] = r.GetString(1);

        var n = o.Learners;
        userIds = new string[n];
        neighbourhoodOf = new string[n];
        createdAt = new DateTime[n];
        trainerIds = new string[o.Trainers];
        // Sign-ups grow over the year: more accounts are recent (a square root on the age).
        for (var i = 0; i < n; i++)
        {
            userIds[i] = NewGuid().ToString();
            neighbourhoodOf[i] = random.Next(10) == 0 ? "" : neighbourhoods[random.Next(neighbourhoods.Count)];
            createdAt[i] = AtDaytime(now.AddDays(-o.Days * Math.Sqrt(random.NextDouble())));
        }
        for (var i = 0; i < o.Trainers; i++)
            trainerIds[i] = NewGuid().ToString();

        await using var conn = await source.OpenConnectionAsync();
        await using (var w = await conn.BeginBinaryImportAsync("""
            COPY "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "EmailConfirmed", "PasswordHash",
              "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
              "LastSignInAt", "MustChangePassword", "Neighbourhood", "Team") FROM STDIN (FORMAT BINARY)
            """))
        {
            async Task Row(string id, string userName, string display, DateTime created, string? neighbourhood, string? team)
            {
                await w.StartRowAsync();
                await w.WriteAsync(id, NpgsqlDbType.Text);
                await w.WriteAsync(display, NpgsqlDbType.Varchar);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(userName, NpgsqlDbType.Varchar);
                await w.WriteAsync(userName.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(hash, NpgsqlDbType.Text);
                await w.WriteAsync(NewGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
                await w.WriteAsync(NewGuid().ToString(), NpgsqlDbType.Text);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(Clip(created.AddDays(random.Next(0, 60))), NpgsqlDbType.TimestampTz);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                if (string.IsNullOrEmpty(neighbourhood)) await w.WriteNullAsync(); else await w.WriteAsync(neighbourhood, NpgsqlDbType.Varchar);
                if (team is null) await w.WriteNullAsync(); else await w.WriteAsync(team, NpgsqlDbType.Varchar);
            }
            for (var i = 0; i < n; i++)
                await Row(userIds[i], LearnerName(i), $"Học viên {i + 1}", createdAt[i], neighbourhoodOf[i], null);
            for (var i = 0; i < o.Trainers; i++)
                await Row(trainerIds[i], $"gv{i + 1:D4}", $"Giảng viên {i + 1}", now.AddDays(-o.Days - 10), neighbourhoods[i % neighbourhoods.Count], null);
            await Row(AdminId, "quantri", "Quản trị thành phố", now.AddDays(-o.Days - 20), null, null);
            await Row(OfficialId, "canbo", "Cán bộ phường", now.AddDays(-o.Days - 20), null, null);
            await w.CompleteAsync();
        }
        await using (var w = await conn.BeginBinaryImportAsync("""COPY "AspNetUserRoles" ("UserId", "RoleId") FROM STDIN (FORMAT BINARY)"""))
        {
            async Task Role(string user, string role)
            {
                await w.StartRowAsync();
                await w.WriteAsync(user, NpgsqlDbType.Text);
                await w.WriteAsync(roleIds[role], NpgsqlDbType.Text);
            }
            foreach (var id in userIds)
                await Role(id, Roles.Learner);
            foreach (var id in trainerIds)
            {
                await Role(id, Roles.Learner);
                await Role(id, Roles.Trainer);
            }
            await Role(AdminId, Roles.Admin);
            await Role(AdminId, Roles.Learner);
            await Role(OfficialId, Roles.Official);
            await w.CompleteAsync();
        }
        await File.WriteAllLinesAsync(Path.Combine(outDir, "learners.txt"), Enumerable.Range(0, Math.Min(o.Busy, n)).Select(LearnerName));
    }

    private const string AdminId = "c17ab000-0000-4000-8000-000000000001";
    private const string OfficialId = "c17ab000-0000-4000-8000-000000000002";
    private static string LearnerName(int i) => $"hv{i + 1:D6}";

    /// <summary>Lessons done per learner: log-normal (median about 8, a long tail of keen learners), scaled to the total asked.</summary>
    private int[] LessonCounts()
    {
        var counts = new int[o.Learners];
        var max = Math.Min(lessons.Length, 3000);
        double sum = 0;
        var raw = new double[o.Learners];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = random.Next(12) == 0 ? 0 : Math.Exp(Math.Log(8) + 1.9 * Gaussian());
            sum += Math.Min(raw[i], max);
        }
        var scale = o.Progress / sum;
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var v = Math.Min(raw[i], max) * scale;
            counts[i] = Math.Min(max, (int)Math.Floor(v) + (random.NextDouble() < v - Math.Floor(v) ? 1 : 0));
            total += counts[i];
        }
        // Exactly the total asked: one more or one less for random learners with room.
        while (total != o.Progress)
        {
            var i = random.Next(counts.Length);
            if (total < o.Progress && counts[i] > 0 && counts[i] < max) { counts[i]++; total++; }
            else if (total > o.Progress && counts[i] > 1) { counts[i]--; total--; }
        }
        return counts;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private async Task ProgressAsync(NpgsqlDataSource source)
    {
        await DropForBulkAsync(source, "LessonProgress");
        await DropForBulkAsync(source, "QuizAttempts");
        var counts = LessonCounts();
        // Lesson popularity: Zipf (s = 0.9) over a shuffled order, so popular lessons are spread over topics and ids.
        var order = lessons.ToArray();
        random.Shuffle(order);
        var cdf = new double[order.Length];
        double acc = 0;
        for (var i = 0; i < order.Length; i++)
            cdf[i] = acc += 1 / Math.Pow(i + 1, 0.9);
        for (var i = 0; i < cdf.Length; i++)
            cdf[i] /= acc;

        // Two COPY streams, half of the learners each, with their own random sources (reproducible from the seed).
        var halves = 2;
        var seeds = Enumerable.Range(0, halves).Select(_ => random.Next()).ToArray();
        var attempts = new long[halves];
        await Task.WhenAll(Enumerable.Range(0, halves).Select(h => Task.Run(() =>
        {
            var rnd = new Random(seeds[h]);
            using var c1 = source.OpenConnection();
            using var c2 = source.OpenConnection();
            using var p = c1.BeginBinaryImport("""
                COPY "LessonProgress" ("UserId", "LessonId", "FirstOpenedAt", "LastOpenedAt", "CompletedAt", "VideoPositionSeconds", "VideoWatchedAt")
                FROM STDIN (FORMAT BINARY)
                """);
            using var q = c2.BeginBinaryImport("""
                COPY "QuizAttempts" ("Id", "LessonId", "RevisionId", "UserId", "Seed", "StartedAt", "FinishedAt", "ScorePercent", "Passed")
                FROM STDIN (FORMAT BINARY)
                """);
            var seen = new HashSet<int>();
            var g = new byte[16];
            for (var u = h; u < counts.Length; u += halves)
            {
                seen.Clear();
                var k = counts[u];
                while (seen.Count < k)
                {
                    var idx = Array.BinarySearch(cdf, rnd.NextDouble());
                    if (idx < 0) idx = ~idx;
                    if (idx >= order.Length) idx = order.Length - 1;
                    if (seen.Count > k / 2 && seen.Count > 200) // a keen learner: the tail of the catalogue too
                        idx = rnd.Next(order.Length);
                    if (!seen.Add(idx))
                        continue;
                    var lesson = order[idx];
                    // Her activity: from sign-up, mostly in the first weeks, some months later.
                    var first = Clip(createdAt[u].AddHours(rnd.NextDouble() < 0.7 ? -Math.Log(1 - rnd.NextDouble()) * 24 * 14 : rnd.NextDouble() * 24 * 365));
                    var completed = rnd.NextDouble() < 0.65;
                    DateTime? completedAt = completed ? first.AddMinutes(2 + rnd.Next(40)) : null;
                    var last = rnd.Next(2) == 0 ? (completedAt ?? first) : Clip((completedAt ?? first).AddHours(-Math.Log(1 - rnd.NextDouble()) * 24 * 5));
                    if (completedAt > now) completedAt = now;
                    if (last < (completedAt ?? first)) last = completedAt ?? first;
                    var video = lesson.Type == "Video";
                    p.StartRow();
                    p.Write(userIds[u], NpgsqlDbType.Text);
                    p.Write(lesson.Id, NpgsqlDbType.Integer);
                    p.Write(first, NpgsqlDbType.TimestampTz);
                    p.Write(last, NpgsqlDbType.TimestampTz);
                    if (completedAt is { } done) p.Write(done, NpgsqlDbType.TimestampTz); else p.WriteNull();
                    p.Write(video ? rnd.Next(0, 600) : 0, NpgsqlDbType.Integer);
                    if (video && completedAt is { } watched && rnd.Next(10) < 7) p.Write(watched, NpgsqlDbType.TimestampTz); else p.WriteNull();

                    // A quiz lesson is completed by passing its quiz: one passed attempt; an open one failed now and then.
                    if (lesson.Type == "Quiz" && lesson.RevisionId is { } revision && (completed || rnd.Next(2) == 0))
                    {
                        rnd.NextBytes(g);
                        g[7] = (byte)((g[7] & 0x0F) | 0x40);
                        g[8] = (byte)((g[8] & 0x3F) | 0x80);
                        var score = completed ? 70 + rnd.Next(31) : rnd.Next(70);
                        q.StartRow();
                        q.Write(new Guid(g), NpgsqlDbType.Uuid);
                        q.Write(lesson.Id, NpgsqlDbType.Integer);
                        q.Write(revision, NpgsqlDbType.Integer);
                        q.Write(userIds[u], NpgsqlDbType.Text);
                        q.Write(rnd.Next(), NpgsqlDbType.Integer);
                        q.Write(first, NpgsqlDbType.TimestampTz);
                        q.Write(completedAt ?? first.AddMinutes(3), NpgsqlDbType.TimestampTz);
                        q.Write(score, NpgsqlDbType.Integer);
                        q.Write(completed, NpgsqlDbType.Boolean);
                        attempts[h]++;
                    }
                }
            }
            p.Complete();
            q.Complete();
        })));
        log.AppendLine(CultureInfo.InvariantCulture, $"  lessons per learner: median {Median(counts)}, mean {counts.Average():F1}, max {counts.Max()}, none {counts.Count(c => c == 0):N0}; quiz attempts {attempts.Sum():N0}");
    }

    private static int Median(int[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    private async Task CertificatesAsync(NpgsqlDataSource source)
    {
        var paths = new List<(int Id, string Title)>();
        await using var c = await source.OpenConnectionAsync();
        await using (var r = await new NpgsqlCommand("""SELECT "Id", "Title" FROM "LearningPaths" ORDER BY "Id" """, c).ExecuteReaderAsync())
            while (await r.ReadAsync())
                paths.Add((r.GetInt32(0), r.GetString(1)));
        if (paths.Count == 0)
            return;
        await using var w = await c.BeginBinaryImportAsync("""
            COPY "Certificate" ("Code", "UserId", "PathId", "DisplayName", "PathTitle", "IssuedAt") FROM STDIN (FORMAT BINARY)
            """);
        var made = 0;
        // About 3% of learners finished a path.
        for (var u = 0; u < userIds.Length; u++)
        {
            if (random.Next(100) >= 3)
                continue;
            var path = paths[random.Next(paths.Count)];
            await w.StartRowAsync();
            await w.WriteAsync($"TP{u + 1:D7}{path.Id:D3}", NpgsqlDbType.Varchar);
            await w.WriteAsync(userIds[u], NpgsqlDbType.Text);
            await w.WriteAsync(path.Id, NpgsqlDbType.Integer);
            await w.WriteAsync($"Học viên {u + 1}", NpgsqlDbType.Varchar);
            await w.WriteAsync(path.Title, NpgsqlDbType.Varchar);
            await w.WriteAsync(Clip(createdAt[u].AddDays(random.Next(3, 90))), NpgsqlDbType.TimestampTz);
            made++;
        }
        await w.CompleteAsync();
        log.AppendLine(CultureInfo.InvariantCulture, $"  certificates: {made:N0}");
    }

    private async Task ClassesAsync(NpgsqlDataSource source)
    {
        await DropForBulkAsync(source, "ClassMembers");
        await DropForBulkAsync(source, "AttendanceMarks");
        await using var c = await source.OpenConnectionAsync();
        var codes = new HashSet<string>();
        var places = new[] { "Nhà văn hóa khu phố", "Trụ sở UBND phường", "Điểm sinh hoạt cộng đồng", "Trường tiểu học", "Thư viện phường" };
        var subjects = new[] { "Công dân số", "Dịch vụ công trực tuyến", "Thanh toán an toàn", "Phòng chống lừa đảo", "Dùng Zalo", "VNeID cho người cao tuổi" };
        var classCreated = new DateTime[o.Classes];
        var classWard = new int[o.Classes];
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY "Classes" ("Id", "Name", "Neighbourhood", "Place", "JoinCode", "JoinClosed", "Archived", "AttendanceSecret", "CreatedAt",
              "CreatedById", "ChangedAt", "Changes", "Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < o.Classes; i++)
            {
                var ward = i % o.Wards;
                classWard[i] = ward;
                var area = neighbourhoods[ward * o.KhuPho + random.Next(o.KhuPho)];
                string code;
                do code = new string(Enumerable.Range(0, 6).Select(_ => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[random.Next(31)]).ToArray());
                while (!codes.Add(code));
                var secret = new byte[32];
                random.NextBytes(secret);
                // The live classes (the first o.Live) started two months ago and meet today; the others any time in the year.
                classCreated[i] = i < o.Live ? now.AddDays(-60) : AtDaytime(now.AddDays(-random.Next(14, o.Days)));
                await w.StartRowAsync();
                await w.WriteAsync(i + 1, NpgsqlDbType.Integer);
                await w.WriteAsync($"{subjects[random.Next(subjects.Length)]} — lớp {i + 1}", NpgsqlDbType.Varchar);
                await w.WriteAsync(area, NpgsqlDbType.Varchar);
                await w.WriteAsync(places[random.Next(places.Length)], NpgsqlDbType.Varchar);
                await w.WriteAsync(code, NpgsqlDbType.Varchar);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(i >= o.Live && random.Next(3) == 0, NpgsqlDbType.Boolean);
                await w.WriteAsync(secret, NpgsqlDbType.Bytea);
                await w.WriteAsync(classCreated[i], NpgsqlDbType.TimestampTz);
                await w.WriteAsync(trainerIds[i % trainerIds.Length], NpgsqlDbType.Text);
                await w.WriteAsync(classCreated[i], NpgsqlDbType.TimestampTz);
                await w.WriteAsync(0L, NpgsqlDbType.Bigint);
                await w.WriteAsync(NewGuid(), NpgsqlDbType.Uuid);
            }
            await w.CompleteAsync();
        }
        await Exec(source, """SELECT setval(pg_get_serial_sequence('"Classes"', 'Id'), (SELECT max("Id") FROM "Classes"))""");
        await using (var w = await c.BeginBinaryImportAsync("""COPY "ClassTrainers" ("ClassId", "UserId") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < o.Classes; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(i + 1, NpgsqlDbType.Integer);
                await w.WriteAsync(trainerIds[i % trainerIds.Length], NpgsqlDbType.Text);
            }
            await w.CompleteAsync();
        }

        // Members: 10–35 a class. The live classes take theirs from the busy day's learners (their grids then move).
        var members = new List<int>[o.Classes];
        for (var i = 0; i < o.Classes; i++)
        {
            var set = new HashSet<int>();
            var size = 10 + random.Next(26);
            var pool = i < o.Live ? Math.Min(o.Busy, userIds.Length) : userIds.Length;
            while (set.Count < Math.Min(size, pool))
                set.Add(random.Next(pool));
            members[i] = [.. set];
        }
        long memberRows = 0, sessionRows = 0, marks = 0;
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY "ClassMembers" ("ClassId", "UserId", "JoinedAt", "AddedById") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < o.Classes; i++)
                foreach (var m in members[i])
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(i + 1, NpgsqlDbType.Integer);
                    await w.WriteAsync(userIds[m], NpgsqlDbType.Text);
                    await w.WriteAsync(classCreated[i].AddDays(random.Next(0, 7)), NpgsqlDbType.TimestampTz);
                    if (random.Next(2) == 0) await w.WriteAsync(trainerIds[i % trainerIds.Length], NpgsqlDbType.Text); else await w.WriteNullAsync();
                    memberRows++;
                }
            await w.CompleteAsync();
        }
        // Sessions: weekly from the class's start, 4–12 of them; a live class meets today (ward time) too.
        var sessions = new List<(int Id, int Class, DateTime Starts)>();
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY "ClassSessions" ("Id", "ClassId", "StartsAt", "Minutes", "Topic") FROM STDIN (FORMAT BINARY)
            """))
        {
            var id = 0;
            for (var i = 0; i < o.Classes; i++)
            {
                var count = i < o.Live ? 9 : 4 + random.Next(9);
                var evening = random.Next(2) == 0;
                var firstDay = i < o.Live ? (now + Ward).Date.AddDays(-7 * (count - 1)) : (classCreated[i] + Ward).Date.AddDays(random.Next(1, 7));
                for (var s = 0; s < count; s++)
                {
                    var starts = firstDay.AddDays(7 * s).AddHours(evening ? 18.5 : 8) - Ward;
                    sessions.Add((++id, i, starts));
                    await w.StartRowAsync();
                    await w.WriteAsync(id, NpgsqlDbType.Integer);
                    await w.WriteAsync(i + 1, NpgsqlDbType.Integer);
                    await w.WriteAsync(starts, NpgsqlDbType.TimestampTz);
                    await w.WriteAsync(90, NpgsqlDbType.Integer);
                    await w.WriteAsync($"Buổi {s + 1}", NpgsqlDbType.Varchar);
                    sessionRows++;
                }
            }
            await w.CompleteAsync();
        }
        await Exec(source, """SELECT setval(pg_get_serial_sequence('"ClassSessions"', 'Id'), (SELECT max("Id") FROM "ClassSessions"))""");
        // Attendance of the sessions that have ended: present 75%, late 5%, excused 5%, absent 5%, not marked 10%.
        await using (var w = await c.BeginBinaryImportAsync("""
            COPY "AttendanceMarks" ("SessionId", "UserId", "Status", "MarkedAt", "MarkedById") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var (id, cls, starts) in sessions)
            {
                if (starts.AddMinutes(90) > now)
                    continue;
                foreach (var m in members[cls])
                {
                    var roll = random.Next(100);
                    if (roll >= 90)
                        continue;
                    var status = roll < 75 ? 0 : roll < 80 ? 1 : roll < 85 ? 2 : 3;
                    await w.StartRowAsync();
                    await w.WriteAsync(id, NpgsqlDbType.Integer);
                    await w.WriteAsync(userIds[m], NpgsqlDbType.Text);
                    await w.WriteAsync(status, NpgsqlDbType.Integer);
                    await w.WriteAsync(starts.AddMinutes(random.Next(0, 30)), NpgsqlDbType.TimestampTz);
                    await w.WriteAsync(trainerIds[cls % trainerIds.Length], NpgsqlDbType.Text);
                    marks++;
                }
            }
            await w.CompleteAsync();
        }
        log.AppendLine(CultureInfo.InvariantCulture, $"  class members {memberRows:N0}, sessions {sessionRows:N0}, attendance marks {marks:N0}");
        // The live classes' trainers, in the order of the classes (the busy day opens their grids).
        await File.WriteAllLinesAsync(Path.Combine(outDir, "live-classes.txt"),
            Enumerable.Range(0, o.Live).Select(i => $"{i + 1}\tgv{i % trainerIds.Length + 1:D4}"));
    }

    private readonly List<string> restore = [];

    /// <summary>
    /// Drops a table's secondary indexes and foreign keys before a bulk copy (built once afterwards, in
    /// <see cref="RestoreAsync"/>, from their own definitions: the schema stays the migrations' schema).
    /// </summary>
    private async Task DropForBulkAsync(NpgsqlDataSource source, string table)
    {
        await using var c = await source.OpenConnectionAsync();
        var drops = new List<string>();
        await using (var r = await new NpgsqlCommand($"""
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"{table}"'::regclass AND contype = 'f'
            """, c).ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                drops.Add($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{r.GetString(0)}\"");
                restore.Add($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{r.GetString(0)}\" {r.GetString(1)}");
            }
        await using (var r = await new NpgsqlCommand($"""
            SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = '{table}'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.contype = 'p')
            """, c).ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                drops.Add($"DROP INDEX \"{r.GetString(0)}\"");
                restore.Insert(0, r.GetString(1)); // indexes before the foreign keys
            }
        foreach (var sql in drops)
            await new NpgsqlCommand(sql, c).ExecuteNonQueryAsync();
    }

    private async Task RestoreAsync(NpgsqlDataSource source)
    {
        // Two at a time (two cores), each with room to sort in memory.
        var queue = new Queue<string>(restore.Where(s => s.StartsWith("CREATE", StringComparison.Ordinal)));
        var lockObj = new object();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var c = await source.OpenConnectionAsync();
            await new NpgsqlCommand("SET maintenance_work_mem = '1GB'", c).ExecuteNonQueryAsync();
            while (true)
            {
                string? sql;
                lock (lockObj) sql = queue.Count > 0 ? queue.Dequeue() : null;
                if (sql is null)
                    return;
                var sw = Stopwatch.StartNew();
                await new NpgsqlCommand(sql, c) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
                lock (lockObj) log.AppendLine(CultureInfo.InvariantCulture, $"  {sql[..Math.Min(sql.Length, 110)]}: {sw.Elapsed.TotalSeconds:F1} s");
            }
        })));
        await using var conn = await source.OpenConnectionAsync();
        await new NpgsqlCommand("SET maintenance_work_mem = '1GB'", conn).ExecuteNonQueryAsync();
        foreach (var sql in restore.Where(s => s.StartsWith("ALTER", StringComparison.Ordinal)))
        {
            var sw = Stopwatch.StartNew();
            await new NpgsqlCommand(sql, conn) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
            log.AppendLine(CultureInfo.InvariantCulture, $"  {sql[..Math.Min(sql.Length, 110)]}: {sw.Elapsed.TotalSeconds:F1} s");
        }
    }
}
