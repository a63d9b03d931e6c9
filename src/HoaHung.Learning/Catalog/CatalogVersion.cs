using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Catalog;

/// <summary>
/// The library's change counter: one row, bumped by every change to what readers see (an import, a publication,
/// an archive). Every instance of the site compares it every few seconds, so a change made by another process (the
/// <c>import-content</c> command, another instance) reaches every instance's cached pages (docs/architecture.md §7).
/// </summary>
public sealed class CatalogVersion
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Value { get; set; }
    public DateTime ChangedAt { get; set; }

    public static Task<long> ReadAsync(LearningDbContext db, CancellationToken ct) =>
        db.Set<CatalogVersion>().AsNoTracking().Where(v => v.Id == SingletonId).Select(v => v.Value).FirstOrDefaultAsync(ct);
}

internal sealed class CatalogVersionConfiguration : IEntityTypeConfiguration<CatalogVersion>
{
    public void Configure(EntityTypeBuilder<CatalogVersion> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new CatalogVersion { Id = CatalogVersion.SingletonId, Value = 1, ChangedAt = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc) });
    }
}

/// <summary>
/// Announces a change to the published library: bumps <see cref="CatalogVersion"/> (which other processes poll) and
/// tells this process's caches (<see cref="ICatalogChanged"/>) at once. Everything that changes what readers see
/// calls <see cref="PublishedAsync"/> after saving.
/// </summary>
public sealed class CatalogChanges(LearningDbContext db, IEnumerable<ICatalogChanged> listeners, ICatalogBroadcast broadcast, TimeProvider clock)
{
    public async Task PublishedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<CatalogVersion>().Where(v => v.Id == CatalogVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1).SetProperty(v => v.ChangedAt, now), ct);
        foreach (var listener in listeners)
            await listener.CatalogChangedAsync(ct);
        await broadcast.BroadcastAsync(ct);
    }
}

/// <summary>
/// Tells the other instances at once that the library changed (the web host sends it over Redis when
/// <c>ConnectionStrings:Redis</c> is set); without it they notice <see cref="CatalogVersion"/> within seconds.
/// </summary>
public interface ICatalogBroadcast
{
    Task BroadcastAsync(CancellationToken ct);
}

internal sealed class NoCatalogBroadcast : ICatalogBroadcast
{
    public Task BroadcastAsync(CancellationToken ct) => Task.CompletedTask;
}
