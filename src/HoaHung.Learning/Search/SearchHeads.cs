using System.Data.Common;

namespace HoaHung.Learning.Search;

/// <summary>
/// The short columns of the index (what ranking and filters read: topic, type, minutes, padded title, head, exact)
/// held in memory, one copy per process, reloaded when <c>lesson_search_state.version</c> moves. A trigger moves it
/// on every change of the index, whichever process made it: this instance, another one, or an
/// <c>import-content</c> run beside it. With them, ranking a query costs the full-text match and a few string
/// searches per matching lesson instead of reading and scoring each matching row in the database.
/// A provider whose rows carry a revision (PostgreSQL) also gets the words of every lesson, a <see cref="TermIndex"/>,
/// and a reload reads again only the rows whose revision changed.
/// </summary>
internal sealed class SearchHeads
{
    /// <summary>Rows read per query when many lessons changed (their ids are written into the SQL).</summary>
    private const int RowBatch = 1000;

    internal sealed record Head(int Id, int TopicId, string Type, int Minutes, string Title, string Text, string Exact);

    /// <param name="Terms">The words of every indexed lesson, for a provider that matches them in memory (else null).</param>
    internal sealed record Snapshot(long Version, Dictionary<int, Head> Heads, TermIndex? Terms);

    /// <summary>How a provider's index is read into a snapshot.</summary>
    /// <param name="Heads">Selects id, topic_id, type, minutes, title, head, exact of every indexed lesson (a full reload).</param>
    /// <param name="Revisions">Selects id and revision (a number that changes whenever the row is written) of every indexed lesson.</param>
    /// <param name="Rows">Selects id, revision, topic_id, type, minutes, title, head, exact, tags, summary, body of the
    /// lessons whose ids are given (integers).</param>
    internal sealed record Sql(string? Heads, string? Revisions, Func<string, string>? Rows)
    {
        /// <summary>Every head at each reload; words are matched in the database.</summary>
        public static Sql Full(string heads) => new(heads, null, null);

        /// <summary>Only changed rows at each reload, with their words (<see cref="TermIndex"/>).</summary>
        public static Sql Incremental(string revisions, Func<string, string> rows) => new(null, revisions, rows);
    }

    private readonly SemaphoreSlim reloading = new(1, 1);
    private Snapshot? current;

    public async Task<Snapshot> GetAsync(DbCommand cmd, Sql sql, CancellationToken ct)
    {
        var version = await VersionAsync(cmd, ct);
        var snapshot = Volatile.Read(ref current);
        if (snapshot?.Version == version)
            return snapshot;

        // One reload at a time: the others wait for it rather than read the same rows beside it, then take it if
        // nothing changed since.
        await reloading.WaitAsync(ct);
        try
        {
            version = await VersionAsync(cmd, ct);
            snapshot = Volatile.Read(ref current);
            if (snapshot?.Version == version)
                return snapshot;
            // Stamped with the version read before loading: a change made meanwhile only causes one more reload.
            var loaded = sql.Heads is { } heads
                ? new Snapshot(version, await FullAsync(cmd, heads, snapshot?.Heads.Count, ct), null)
                : await IncrementalAsync(cmd, version, snapshot, sql, ct);
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

    private static async Task<Dictionary<int, Head>> FullAsync(DbCommand cmd, string headsSql, int? count, CancellationToken ct)
    {
        var heads = new Dictionary<int, Head>(count ?? 256);
        cmd.CommandText = headsSql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            heads[reader.GetInt32(0)] = ReadHead(reader, 1);
        return heads;
    }

    private static async Task<Snapshot> IncrementalAsync(DbCommand cmd, long version, Snapshot? previous, Sql sql, CancellationToken ct)
    {
        var revisions = new Dictionary<int, long>(previous?.Heads.Count ?? 256);
        cmd.CommandText = sql.Revisions;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                revisions[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        var terms = previous?.Terms ?? TermIndex.Empty;
        var known = terms.Revisions.ToDictionary(r => r.Id, r => r.Revision);
        var heads = new Dictionary<int, Head>(revisions.Count);
        var changed = new List<int>();
        foreach (var (id, revision) in revisions)
        {
            if (known.TryGetValue(id, out var at) && at == revision && previous!.Heads.TryGetValue(id, out var head))
                heads[id] = head;
            else
                changed.Add(id);
        }
        // A row written again since the revisions were read comes with its newer revision: the next reload keeps it.
        var sources = new List<TermIndex.Source>(changed.Count);
        foreach (var chunk in changed.Chunk(RowBatch))
        {
            cmd.CommandText = sql.Rows!(string.Join(',', chunk));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                var revision = reader.GetInt64(1);
                heads[id] = ReadHead(reader, 2);
                sources.Add(new TermIndex.Source(id, revision, reader.GetString(5), reader.GetString(8), reader.GetString(9),
                    reader.GetString(10)));
                revisions[id] = revision;
            }
        }
        return new Snapshot(version, heads, terms.With(revisions, sources));
    }

    /// <summary>The id at 0; topic_id, type, minutes, title, head, exact from <paramref name="from"/> on.</summary>
    private static Head ReadHead(DbDataReader reader, int from) =>
        new(reader.GetInt32(0), reader.GetInt32(from), reader.GetString(from + 1), reader.GetInt32(from + 2),
            reader.GetString(from + 3), reader.GetString(from + 4), reader.GetString(from + 5));
}
