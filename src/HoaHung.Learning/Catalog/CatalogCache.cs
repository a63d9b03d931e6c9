using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Catalog;

/// <summary>
/// This process's cache of views of the published library (lesson pages, path structure, every lesson's card), so a
/// signed-in reader's page — which the output cache cannot share — costs no catalog query (bench/README.md). All of
/// it is dropped the moment the library changes, here or in another process (<see cref="ICatalogChanged"/>): entries
/// are keyed by a generation that every change moves on. Unused entries expire after a while, so a large library
/// keeps only its lessons being read in memory.
/// </summary>
public sealed class CatalogCache(IMemoryCache cache) : ICatalogChanged
{
    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromMinutes(20) };
    private long generation;

    /// <summary>The cached value of <paramref name="key"/> in the current generation, made by <paramref name="load"/> when missing.
    /// A null result (say, an unknown slug) is not kept, so made-up addresses cannot fill the cache.</summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load) where T : class?
    {
        var current = Volatile.Read(ref generation);
        if (cache.TryGetValue((current, key), out T? hit))
            return hit!;
        var value = await load();
        // A change during the load may have made the value stale: keep it only if the generation still holds.
        if (value is not null && Volatile.Read(ref generation) == current)
            cache.Set((current, key), value, Entry);
        return value;
    }

    public ValueTask CatalogChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref generation);
        return ValueTask.CompletedTask;
    }
}
