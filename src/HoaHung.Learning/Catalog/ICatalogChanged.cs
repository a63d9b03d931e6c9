namespace HoaHung.Learning.Catalog;

/// <summary>Told when published content changes, so the web layer can evict cached pages.</summary>
public interface ICatalogChanged
{
    ValueTask CatalogChangedAsync(CancellationToken ct);
}

internal sealed class NoCatalogCache : ICatalogChanged
{
    public ValueTask CatalogChangedAsync(CancellationToken ct) => ValueTask.CompletedTask;
}
