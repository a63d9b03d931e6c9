using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Schema;

/// <summary>
/// Each provider's migrations end at the model the code declares: a model change without its migration, or a model
/// snapshot that two branches merged wrongly, fails here instead of at a ward's first start. No database is opened.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteLearningDbContext(
            new DbContextOptionsBuilder<SqliteLearningDbContext>().UseSqlite("Data Source=unused.db").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model snapshot differs from the model: add a migration (docs/development.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new PostgresLearningDbContext(
            new DbContextOptionsBuilder<PostgresLearningDbContext>().UseNpgsql("Host=unused;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model snapshot differs from the model: add a migration (docs/development.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Every_migration_has_its_twin_on_the_other_provider()
    {
        using var sqlite = new SqliteLearningDbContext(
            new DbContextOptionsBuilder<SqliteLearningDbContext>().UseSqlite("Data Source=unused.db").Options);
        using var postgres = new PostgresLearningDbContext(
            new DbContextOptionsBuilder<PostgresLearningDbContext>().UseNpgsql("Host=unused;Database=unused").Options);
        static List<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]).ToList();
        // PostgreSQL has two of its own (its search index's SearchHeads and DropSearchDocument); every SQLite migration
        // has its PostgreSQL twin, in the same order.
        var pg = Names(postgres).Where(n => n is not ("SearchHeads" or "DropSearchDocument")).ToList();
        Assert.Equal(Names(sqlite), pg);
    }
}
