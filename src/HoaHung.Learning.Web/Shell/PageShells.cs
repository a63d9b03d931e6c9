using System.Security.Cryptography;
using HoaHung.Learning.Catalog;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Web.Shell;

/// <summary>
/// This process's shells, by the site's base address (absolute links are in the page), address, language and text
/// size, dropped the moment the library changes here or in
/// another process (<see cref="ICatalogChanged"/>, like <see cref="CatalogCache"/>); at most
/// <see cref="SizeLimit"/> bytes, unused ones expire.
/// </summary>
public sealed class PageShells : ICatalogChanged, IDisposable
{
    public const long SizeLimit = 64L * 1024 * 1024;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(20);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private long generation;

    public string Nonce { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public long Generation => Volatile.Read(ref generation);

    /// <summary>Shells held (of every generation not yet evicted).</summary>
    public int Count => cache.Count;

    public PageShell? Find(string key) => cache.TryGetValue((Generation, key), out PageShell? shell) ? shell : null;

    /// <summary>Keeps a shell rendered in <paramref name="renderedIn"/>, unless the library changed meanwhile.</summary>
    public void Keep(string key, PageShell shell, long renderedIn)
    {
        if (renderedIn == Generation)
            cache.Set((renderedIn, key), shell, new MemoryCacheEntryOptions { Size = shell.Size, SlidingExpiration = Unused });
    }

    public ValueTask CatalogChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref generation);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => cache.Dispose();
}
