using System.Data.Common;

namespace HoaHung.Learning.Search;

/// <summary>
/// The short columns of the index (what ranking and filters read: topic, type, minutes, padded title, head, exact)
/// held in memory, one copy per process, reloaded when <c>lesson_search_state.version</c> moves. A trigger moves it
/// on every change of the index, whichever process made it: this instance, another one, or an
/// <c>import-content</c> run beside it. With them, ranking a query costs the full-text match and a few string
/// searches per matching lesson instead of reading and scoring each matching row in the database.
/// A provider that matches words in memory too (PostgreSQL) also gets a <see cref="TermIndex"/>: at a reload
/// only the rows whose revision changed are read again.
/// </summary>
internal sealed class SearchHeads
{
    /// <summary>Lessons' folded fields read per query when the words of many lessons changed.</summary>
    private const int SourceBatch = 1000;

    internal sealed record Head(int Id, int TopicId, string Type, int Minutes, string Title, string Text, string Exact);

    /// <param name="Terms">The words of every indexed lesson, when the provider reads them (else null).</param>
    internal sealed record Snapshot(long Version, Dictionary<int, Head> Heads, TermIndex? Terms);

    private readonly SemaphoreSlim reloading = new(1, 1);
    private Snapshot? current;

    /// <param name="headsSql">Selects id, topic_id, type, minutes, title, head, exact of every indexed lesson, and its
    /// revision (a number that changes whenever the row is written) when <paramref name="sourcesSql"/> is given.</param>
    /// <param name="sourcesSql">Selects id, revision, title, tags, summary, body of the lessons whose ids are given
    /// (integers, written into the SQL); null when the provider matches words in the database.</param>
    public async Task<Snapshot> GetAsync(DbCommand cmd, string headsSql, Func<string, string>? sourcesSql, CancellationToken ct)
    {
        var version = await VersionAsync(cmd, ct);
        var snapshot = Volatile.Read(ref current);
        if (snapshot?.Version == version)
            return snapshot;

        // One reload at a time: the others wait for it rather than read the whole index again beside it.
        await reloading.WaitAsync(ct);
        try
        {
            snapshot = Volatile.Read(ref current);
            if (snapshot?.Version == version)
                return snapshot;
            version = await VersionAsync(cmd, ct);
            // Stamped with the version read before loading: a change made meanwhile only causes one more reload.
            var loaded = await LoadAsync(cmd, version, snapshot, headsSql, sourcesSql, ct);
            Volatile.Write(ref current, loaded);
            return loaded;
        }
        finally
        {
            reloading.Release();
        }
    }

    private static async Task<long> VersionAsync(DbCommand cmd, CancellationToken ct)
    {
        cmd.CommandText = "SELECT version FROM lesson_search_state WHERE id = 1";
        cmd.Parameters.Clear();
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Snapshot> LoadAsync(DbCommand cmd, long version, Snapshot? previous, string headsSql,
        Func<string, string>? sourcesSql, CancellationToken ct)
    {
        var heads = new Dictionary<int, Head>(previous?.Heads.Count ?? 256);
        var revisions = sourcesSql is null ? null : new Dictionary<int, long>(heads.Capacity);
        cmd.CommandText = headsSql;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                heads[id] = new Head(id, reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6));
                if (revisions is not null)
                    revisions[id] = reader.GetInt64(7);
            }
        }
        if (sourcesSql is null || revisions is null)
            return new Snapshot(version, heads, null);

        // Only new and rewritten rows are read again; the others keep their words.
        var terms = previous?.Terms ?? TermIndex.Empty;
        var known = terms.Revisions.ToDictionary(r => r.Id, r => r.Revision);
        var changed = revisions.Where(r => !known.TryGetValue(r.Key, out var at) || at != r.Value).Select(r => r.Key).ToList();
        var sources = new List<TermIndex.Source>(changed.Count);
        foreach (var chunk in changed.Chunk(SourceBatch))
        {
            cmd.CommandText = sourcesSql(string.Join(',', chunk));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                sources.Add(new TermIndex.Source(reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5)));
            }
        }
        return new Snapshot(version, heads, terms.With(revisions, sources));
    }
}
