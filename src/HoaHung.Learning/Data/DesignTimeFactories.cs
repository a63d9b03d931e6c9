using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HoaHung.Learning.Data;

// Used only by `dotnet ef migrations add`: the connection strings are placeholders, never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLearningDbContext>
{
    public SqliteLearningDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLearningDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLearningDbContext>
{
    public PostgresLearningDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLearningDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
