using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Progress;

/// <summary>
/// A progress request already counted, by the id the phone made for it (docs/architecture.md §3, "Offline"): a tap
/// kept offline is sent again until the phone hears an answer, so the server may see it twice. Only the id and
/// when it arrived are kept — no learner — so the record is not personal data; the id is 122 random bits.
/// </summary>
public sealed class ProgressRequest
{
    public Guid Id { get; set; }
    public DateTime ReceivedAt { get; set; }
}

internal sealed class ProgressRequestConfiguration : IEntityTypeConfiguration<ProgressRequest>
{
    public void Configure(EntityTypeBuilder<ProgressRequest> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasIndex(r => r.ReceivedAt);
    }
}

/// <summary>Counts a progress request once per phone-made id; a request without an id is counted each time, as before.</summary>
public sealed class ProgressRequests(LearningDbContext db, TimeProvider clock)
{
    /// <summary>How long an id is remembered: a phone offline longer than this has its tap counted as new (harmless: completing is a state).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(60);

    /// <summary>
    /// Runs <paramref name="work"/> unless a request with this id was counted before; true when it ran. The id is
    /// claimed first (a unique key: two racing copies cannot both run) and given back when the work fails, so the
    /// phone's next try counts.
    /// </summary>
    public async Task<bool> OnceAsync(Guid? id, Func<Task> work, CancellationToken ct)
    {
        if (id is not { } key || key == Guid.Empty)
        {
            await work();
            return true;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<ProgressRequest>().AnyAsync(r => r.Id == key, ct))
            return false;
        var row = new ProgressRequest { Id = key, ReceivedAt = now };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return false; // the same id, counted a moment ago by a racing copy
        }
        db.Entry(row).State = EntityState.Detached;
        try
        {
            await work();
        }
        catch
        {
            await db.Set<ProgressRequest>().Where(r => r.Id == key).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        if (key.GetHashCode() % 64 == 0) // now and then, not on every request: forget ids older than Kept
        {
            var before = now - Kept;
            await db.Set<ProgressRequest>().Where(r => r.ReceivedAt < before).ExecuteDeleteAsync(ct);
        }
        return true;
    }
}
