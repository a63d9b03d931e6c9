namespace HoaHung.Learning.Catalog;

/// <summary>
/// Told when published content changes in this process (through <see cref="CatalogChanges"/>), or in another one
/// (the web host's watcher of <see cref="CatalogVersion"/>), so caches of published content can be dropped.
/// </summary>
public interface ICatalogChanged
{
    ValueTask CatalogChangedAsync(CancellationToken ct);
}
