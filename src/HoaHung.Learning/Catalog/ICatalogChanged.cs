namespace HoaHung.Learning.Catalog;

/// <summary>
/// A cache of published content: told to drop everything whenever <see cref="CatalogChanges.Channel"/> carries a
/// message (a change in this process, in another instance, or one the fallback poll of <see cref="CatalogVersion"/> saw).
/// </summary>
public interface ICatalogChanged
{
    ValueTask CatalogChangedAsync(CancellationToken ct);
}
