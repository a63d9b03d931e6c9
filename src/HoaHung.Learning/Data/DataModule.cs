using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
            Register<PostgresLearningDbContext>(services, o => o.UseNpgsql(cs));
        }
        else
        {
            var cs = configuration.GetConnectionString("Sqlite");
            if (string.IsNullOrWhiteSpace(cs))
                cs = $"Data Source={Path.Combine(dataDirectory, "hoahung.db")}";
            Register<SqliteLearningDbContext>(services, o => o.UseSqlite(cs));
        }
        services.AddSingleton<IDatabaseMaintenance>(sp => provider == DatabaseProvider.Postgres
            ? new PostgresMaintenance(sp.GetRequiredService<IDbContextFactory<LearningDbContext>>())
            : new SqliteMaintenance(sp.GetRequiredService<IDbContextFactory<LearningDbContext>>()));
        return services;
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : LearningDbContext
    {
        // Interceptors registered by features (the classes' activity feed) apply to every context.
        services.AddPooledDbContextFactory<TContext>((sp, o) =>
        {
            configure(o);
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<LearningDbContext>>(sp =>
            new FactoryOf<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<LearningDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
    }

    private sealed class FactoryOf<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<LearningDbContext>
        where TContext : LearningDbContext
    {
        public LearningDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
