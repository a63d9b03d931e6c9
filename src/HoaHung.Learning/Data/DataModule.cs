using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Data;

public static class DataModule
{
    /// <summary>
    /// Registers the provider chosen by <c>Database:Provider</c> (<paramref name="database"/>, bound once by the host).
    /// Consumers ask for <see cref="LearningDbContext"/> (scoped, for requests) or
    /// <see cref="IDbContextFactory{LearningDbContext}"/> (a context per operation, for interactive components and
    /// background work).
    /// </summary>
    public static IServiceCollection AddLearningData(this IServiceCollection services, DatabaseOptions database,
        IConfiguration configuration, string dataDirectory)
    {
        var provider = database.Provider;
        if (provider == DatabaseProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");
            Register<PostgresLearningDbContext>(services, o => o.UseNpgsql(Tuned(cs)));
        }
        else
        {
            var cs = configuration.GetConnectionString("Sqlite");
            if (string.IsNullOrWhiteSpace(cs))
                cs = $"Data Source={Path.Combine(dataDirectory, "hoahung.db")}";
            // A request's context holds one connection from its first query to its end: EF opening and closing the
            // connection around every statement cost ~200 µs each (bench/results/profile-notes.md).
            Register<SqliteLearningDbContext>(services, o => o.UseSqlite(cs).AddInterceptors(new SqliteConnectionSetup()), holdConnection: true);
        }
        services.AddSingleton<IDatabaseMaintenance>(sp => provider == DatabaseProvider.Postgres
            ? new PostgresMaintenance(sp.GetRequiredService<IDbContextFactory<LearningDbContext>>())
            : new SqliteMaintenance(sp.GetRequiredService<IDbContextFactory<LearningDbContext>>()));
        return services;
    }

    /// <summary>
    /// Npgsql resets a pooled connection (<c>DISCARD ALL</c>) every time it is taken: ~0.9 ms per statement here
    /// (bench/results/profile-notes.md), and it throws away prepared statements. The site keeps no session state on a
    /// connection, so unless the operator says otherwise: no reset, and statements prepared automatically.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            b.NoResetOnClose = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            b.MaxAutoPrepare = 50;
        return b.ConnectionString;
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure, bool holdConnection = false)
        where TContext : LearningDbContext
    {
        // Interceptors registered by features (the classes' activity feed) apply to every context.
        services.AddPooledDbContextFactory<TContext>((sp, o) =>
        {
            configure(o);
            o.AddInterceptors(sp.GetServices<IInterceptor>());
            // A unique key taken between a check and an insert (a double tap, two instances) is an expected race its
            // caller handles: EF's own messages about the failed save are Information, not errors. A failure nobody
            // handles still reaches the exception handler (or its background service) and is logged as an error there.
            o.ConfigureWarnings(w => w.Log(
                (CoreEventId.SaveChangesFailed, LogLevel.Information),
                (RelationalEventId.CommandError, LogLevel.Information)));
        });
        services.AddSingleton<IDbContextFactory<LearningDbContext>>(sp =>
            new FactoryOf<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<LearningDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            if (holdConnection)
                db.Database.OpenConnection(); // closed when the scope disposes the context
            return db;
        });
    }

    private sealed class FactoryOf<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<LearningDbContext>
        where TContext : LearningDbContext
    {
        public LearningDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
