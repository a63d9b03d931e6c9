using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.WardStats;

/// <summary>
/// Counts searches that found nothing, per ward day and folded text, for the dashboard's "what residents looked for
/// and did not find". Stores nothing else: no time, no address, no account. A query holding a run of five or more
/// digits (a phone number, an ID card number) is not stored at all.
/// </summary>
public sealed class SearchMisses(IDbContextFactory<LearningDbContext> contexts, TimeProvider clock, ILogger<SearchMisses> log)
{
    /// <summary>Records one miss of <paramref name="folded"/> (the folded query text). Never throws: a failure is logged and the search goes on.</summary>
    public async Task RecordAsync(string folded, CancellationToken ct)
    {
        var text = folded.Trim();
        if (text.Length == 0 || HasLongNumber(text))
            return;
        if (text.Length > SearchMiss.MaxQuery)
            text = text[..SearchMiss.MaxQuery];
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "SearchMisses" ("Day", "Query", "Count") VALUES ({0}, {1}, 1)
                ON CONFLICT ("Day", "Query") DO UPDATE SET "Count" = "SearchMisses"."Count" + 1
                """, [WardCalendar.Today(clock), text], ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            log.LogWarning(e, "A search that found nothing was not counted");
        }
    }

    internal static bool HasLongNumber(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 5)
                return true;
        }
        return false;
    }
}
