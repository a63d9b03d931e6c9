using HoaHung.Learning.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HoaHung.Learning.Search;

public static class SearchModule
{
    /// <summary>The index of the database provider (as <see cref="DataModule"/> registers it), the search service, and the index check at start.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton<SearchHeads>();
        if (database.Provider == DatabaseProvider.Postgres)
            services.AddScoped<ISearchIndex, PostgresSearchIndex>();
        else
            services.AddScoped<ISearchIndex, SqliteSearchIndex>();
        services.AddScoped<LessonSearch>();
        services.AddHostedService<SearchIndexAtStart>();
        return services;
    }
}

/// <summary>
/// Builds the index when it does not match the published lessons (the first start after the upgrade that added
/// it, or a database restored from elsewhere) and loads what it keeps in memory. Runs before the site takes
/// requests (hosted services start first).
/// </summary>
internal sealed class SearchIndexAtStart(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().EnsureBuiltAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
