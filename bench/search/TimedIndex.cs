using System.Diagnostics;
using HoaHung.Learning.Search;

namespace HoaHung.Learning.SearchBench;

/// <summary>Measures how much of the import, and of each query, the search index takes.</summary>
internal sealed class TimedIndex(ISearchIndex inner) : ISearchIndex
{
    public static TimeSpan UpdateTime;
    public static TimeSpan SearchTime;

    public async Task<IndexPage> SearchAsync(IndexQuery query, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var page = await inner.SearchAsync(query, ct);
        SearchTime += sw.Elapsed;
        return page;
    }

    public async Task UpdateAsync(IReadOnlyCollection<int> lessonIds, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        await inner.UpdateAsync(lessonIds, ct);
        UpdateTime += sw.Elapsed;
    }

    public Task<int> RebuildAsync(CancellationToken ct) => inner.RebuildAsync(ct);

    public Task<bool> EnsureBuiltAsync(CancellationToken ct) => inner.EnsureBuiltAsync(ct);
}
