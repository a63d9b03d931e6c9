// usage: HoaHung.Learning.ProfileBench Sqlite|Postgres CONNECTION_STRING
// Measures, on a database the site has already made (bench/run.sh leaves one in bench/out/data), what the pieces of
// a signed-in page cost: opening a pooled connection, one small EF query (opening its own connection, or on a
// connection held for the request), one progress write as LearnerProgress does it, the same rows written in one batch,
// and unprotecting a sign-in cookie. Prints one line per measure (median of 5 runs).
using System.Diagnostics;
using System.Security.Claims;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

if (args.Length != 2 || args[0] is not ("Sqlite" or "Postgres"))
{
    Console.Error.WriteLine("usage: HoaHung.Learning.ProfileBench Sqlite|Postgres CONNECTION_STRING");
    return 2;
}
var postgres = args[0] == "Postgres";
var cs = args[1];
LearningDbContext NewContext() => postgres
    ? new PostgresLearningDbContext(new DbContextOptionsBuilder<PostgresLearningDbContext>().UseNpgsql(cs).Options)
    : new SqliteLearningDbContext(new DbContextOptionsBuilder<SqliteLearningDbContext>().UseSqlite(cs).Options);

string slug;
List<long> rowIds;
await using (var db = NewContext())
{
    slug = await db.Lessons.Where(l => l.Status == LessonStatus.Published).Select(l => l.Slug).FirstAsync();
    rowIds = await db.Set<LessonProgress>().OrderBy(p => p.Id).Select(p => p.Id).Take(64).ToListAsync();
}
if (rowIds.Count == 0)
{
    Console.Error.WriteLine("no progress rows: open a lesson as a signed-in learner first (bench/run.sh does)");
    return 2;
}
Console.WriteLine($"provider {args[0]}, {rowIds.Count} progress rows");

// 1. A pooled connection: open and close.
await Measure("open+close a pooled connection", 2000, async () =>
{
    await using var c = postgres ? (System.Data.Common.DbConnection)new NpgsqlConnection(cs) : new SqliteConnection(cs);
    await c.OpenAsync();
});

// 2. One small query, as the site runs it: a context from a pool, EF opening and closing the connection.
await using (var db = NewContext())
{
    await Measure("EF query, opens its own connection", 2000, async () =>
        await db.Lessons.AsNoTracking().Where(l => l.Slug == slug && l.Status == LessonStatus.Published).Select(l => l.Id).FirstOrDefaultAsync());
    await db.Database.OpenConnectionAsync();
    await Measure("EF query, connection held open", 2000, async () =>
        await db.Lessons.AsNoTracking().Where(l => l.Slug == slug && l.Status == LessonStatus.Published).Select(l => l.Id).FirstOrDefaultAsync());
    await db.Database.CloseConnectionAsync();
}

// 3. One progress write as LearnerProgress.UpsertAsync does it: tracked read, change, SaveChanges (its own transaction).
var id = rowIds[0];
await Measure("progress write (read + UPDATE + commit)", 200, async () =>
{
    await using var db = NewContext();
    var row = await db.Set<LessonProgress>().FirstAsync(p => p.Id == id);
    row.LastOpenedAt = DateTime.UtcNow;
    await db.SaveChangesAsync();
});
if (!postgres)
{
    await Measure("progress write, synchronous=NORMAL", 200, async () =>
    {
        await using var db = NewContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;");
        var row = await db.Set<LessonProgress>().FirstAsync(p => p.Id == id);
        row.LastOpenedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    });
}

// 4. The same rows written in one batch (what a buffered writer would do every few seconds).
await Measure($"batch: {rowIds.Count} rows in one ExecuteUpdate per row, one transaction", 50, async () =>
{
    await using var db = NewContext();
    await using var tx = await db.Database.BeginTransactionAsync();
    var now = DateTime.UtcNow;
    foreach (var rid in rowIds)
        await db.Set<LessonProgress>().Where(p => p.Id == rid).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastOpenedAt, now));
    await tx.CommitAsync();
});

// 5. The sign-in cookie: a ticket like the site's (id, name, security stamp, role, display name), protected as
//    cookie authentication protects it, then unprotected as every signed-in request does.
var provider = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "hh-profile-keys")));
var format = new TicketDataFormat(provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"));
var identity = new ClaimsIdentity([
    new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "hocvien1"),
    new Claim("AspNet.Identity.SecurityStamp", "QWERTYUIOPASDFGHJKLZXCVBNM234567"), new Claim(ClaimTypes.Role, "Learner"),
    new Claim("hh:name", "Nguyễn Thị Lan"), new Claim("amr", "pwd")], "Identity.Application");
var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true, IssuedUtc = DateTimeOffset.UtcNow }, "Identity.Application");
var cookie = format.Protect(ticket);
Console.WriteLine($"sign-in cookie: {cookie.Length} chars");
await Measure("unprotect the sign-in cookie", 20000, () => { _ = format.Unprotect(cookie); return Task.CompletedTask; });
return 0;

static async Task Measure(string what, int n, Func<Task> op)
{
    for (var i = 0; i < Math.Min(n, 100); i++) await op(); // warm-up: JIT, pools, caches
    var runs = new List<double>();
    for (var r = 0; r < 5; r++)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) await op();
        runs.Add(sw.Elapsed.TotalMicroseconds / n);
    }
    runs.Sort();
    Console.WriteLine($"{what,-62} {runs[2],10:F1} µs  (runs {string.Join(", ", runs.Select(x => x.ToString("F1")))})");
}
