using System.Data.Common;

namespace HoaHung.Learning.Search;

/// <summary>
/// The short columns of the index (what ranking and filters read: topic, type, minutes, padded title, head, exact)
/// held in memory, one copy per process, reloaded when <c>lesson_search_state.version</c> moves. A trigger moves it
/// on every change of the index, whichever process made it: this instance, another one, or an
/// <c>import-content</c> run beside it. With them, ranking a query costs the full-text match and a few string
/// searches per matching lesson instead of reading and scoring each matching row in the database.
/// </summary>
internal sealed class SearchHeads
{
    internal sealed record Head(int Id, int TopicId, string Type, int Minutes, string Title, string Text, string Exact);

    private sealed record Snapshot(long Version, Dictionary<int, Head> Heads);

    private Snapshot? current;

    /// <param name="headsSql">Selects id, topic_id, type, minutes, title, head, exact of every indexed lesson.</param>
    public async Task<IReadOnlyDictionary<int, Head>> GetAsync(DbCommand cmd, string headsSql, CancellationToken ct)
    {
        cmd.CommandText = "SELECT version FROM lesson_search_state WHERE id = 1";
        cmd.Parameters.Clear();
        var version = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var snapshot = Volatile.Read(ref current);
        if (snapshot?.Version == version)
            return snapshot.Heads;

        // Stamped with the version read before loading: a change made meanwhile only causes one more reload.
        var heads = new Dictionary<int, Head>(snapshot?.Heads.Count ?? 256);
        cmd.CommandText = headsSql;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                heads[id] = new Head(id, reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6));
            }
        }
        Volatile.Write(ref current, new Snapshot(version, heads));
        return heads;
    }
}
