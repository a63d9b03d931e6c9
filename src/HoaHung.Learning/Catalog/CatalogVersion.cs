using HoaHung.Learning.Changes;
using HoaHung.Learning.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Catalog;

/// <summary>
/// The library's change counter: one row, bumped by every change to what readers see (an import, a publication,
/// an archive). The fallback of the catalog's channel (<see cref="CatalogChanges.Channel"/>): while the feed is not
/// shared, every instance compares it every few seconds, so a change made by another process (the
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
/// Announces a change to the published library: bumps <see cref="CatalogVersion"/> (the fallback poll reads it) and
/// publishes on <see cref="Channel"/>, so this process's caches (<see cref="ICatalogChanged"/>) drop what they hold
/// before this returns and every other instance's soon after. Everything that changes what readers see calls
/// <see cref="PublishedAsync"/> after saving.
/// </summary>
public sealed class CatalogChanges(LearningDbContext db, ChangeFeed feed, TimeProvider clock)
{
    /// <summary>The library's channel: every message means "the published library changed" (caches drop everything).</summary>
    public static readonly ChangeChannel Channel = new("catalog-changed");

    public async Task PublishedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<CatalogVersion>().Where(v => v.Id == CatalogVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1).SetProperty(v => v.ChangedAt, now), ct);
        await feed.PublishAsync(Channel, null, ct);
    }

    /// <summary>Every <see cref="ICatalogChanged"/> hears the catalog's channel (its fallback, reading <see cref="CatalogVersion"/>, is the web host's).</summary>
    internal static IServiceCollection AddCatalogChannel(IServiceCollection services)
    {
        services.AddChangeFeed();
        services.AddSingleton(sp => new ChangeSubscription(Channel, async (_, ct) =>
        {
            foreach (var cache in sp.GetServices<ICatalogChanged>())
                await cache.CatalogChangedAsync(ct);
        }));
        return services;
    }
}
