using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HoaHung.Learning.Data;

/// <summary>
/// Settings every SQLite connection gets when it opens (they belong to the connection, not to the file):
/// <c>synchronous=NORMAL</c> — in WAL mode a commit then survives the process being killed, and only a power cut
/// can lose the last commits; each commit costs 0.5 ms instead of 3.5 ms (bench/results/profile-notes.md) —
/// and <c>busy_timeout</c>, so SQLite itself waits, finely, for another writer instead of failing at once and
/// Microsoft.Data.Sqlite retrying after 150 ms sleeps (the 1–2 s tails of the signed-in pages before).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Run(connection); // a few microseconds of native calls: no I/O to wait for
        return Task.CompletedTask;
    }

    private static void Run(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }
}
