using System.Diagnostics;
using HoaHung.Learning.Search;

namespace HoaHung.Learning.SearchBench;

/// <summary>Measures how much of the import the search index takes.</summary>
internal sealed class TimedIndex(ISearchIndex inner) : ISearchIndex
{
    public static TimeSpan UpdateTime;

    public Task<IndexPage> SearchAsync(IndexQuery query, CancellationToken ct) => inner.SearchAsync(query, ct);

    public async Task UpdateAsync(IReadOnlyCollection<int> lessonIds, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        await inner.UpdateAsync(lessonIds, ct);
        UpdateTime += sw.Elapsed;
    }

    public Task<int> RebuildAsync(CancellationToken ct) => inner.RebuildAsync(ct);

    public Task<bool> EnsureBuiltAsync(CancellationToken ct) => inner.EnsureBuiltAsync(ct);
}
