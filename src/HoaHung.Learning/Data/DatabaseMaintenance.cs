using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Data;

/// <summary>Provider-specific operations: migrations at start and consistent backups (docs/architecture.md §5b).</summary>
public interface IDatabaseMaintenance
{
    Task MigrateAsync(CancellationToken ct);

    /// <summary>Writes a consistent copy of the database, or explains how to make one.</summary>
    Task<BackupResult> BackupAsync(string file, CancellationToken ct);
}

public abstract record BackupResult
{
    public sealed record Written(string File, long Bytes) : BackupResult;
    public sealed record Instructions(string CommandLine) : BackupResult;
    public sealed record Refused(string Reason) : BackupResult;
}

internal static class MigrationTimeout
{
    /// <summary>
    /// A migration may fill a table from a large one (WardMonthCounts from every daily rollup row: minutes on a city's
    /// 9 million rows, bench/results/city.md), far longer than the 30 s a page's command may take.
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromHours(1);
}

internal sealed class SqliteMaintenance(IDbContextFactory<LearningDbContext> contexts) : IDatabaseMaintenance
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var cs = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var dir = Path.GetDirectoryName(Path.GetFullPath(cs.DataSource));
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
        db.Database.SetCommandTimeout(MigrationTimeout.Limit);
        await db.Database.MigrateAsync(ct);
        // WAL lets readers go on while the import or a learner writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public async Task<BackupResult> BackupAsync(string file, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
            return new BackupResult.Refused($"{target} already exists; choose a new file name.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var db = contexts.CreateDbContext();
        // VACUUM INTO takes a transactionally consistent snapshot while the site keeps running.
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [target], ct);
        return new BackupResult.Written(target, new FileInfo(target).Length);
    }
}

internal sealed class PostgresMaintenance(IDbContextFactory<LearningDbContext> contexts) : IDatabaseMaintenance
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        db.Database.SetCommandTimeout(MigrationTimeout.Limit);
        await db.Database.MigrateAsync(ct);
    }

    public Task<BackupResult> BackupAsync(string file, CancellationToken ct)
    {
        using var db = contexts.CreateDbContext();
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var line = $"PGPASSWORD=... pg_dump --format=custom --host={cs.Host} --port={cs.Port} --username={cs.Username} --dbname={cs.Database} --file={Quote(file)}";
        return Task.FromResult<BackupResult>(new BackupResult.Instructions(line));
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
