using System.Data.Common;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>Contexts on the site's database that count the SQL commands they send (to prove there is no N+1).</summary>
public sealed class CountingContexts : DbCommandInterceptor, IDbContextFactory<LearningDbContext>
{
    private readonly Func<LearningDbContext> create;
    private int commands;

    public CountingContexts(SiteFactory site)
    {
        if (site.Provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresLearningDbContext>().UseNpgsql(site.PostgresConnectionString).AddInterceptors(this).Options;
            create = () => new PostgresLearningDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteLearningDbContext>()
                .UseSqlite($"Data Source={Path.Combine(site.DataDirectory, "hoahung.db")}").AddInterceptors(this).Options;
            create = () => new SqliteLearningDbContext(options);
        }
    }

    public int Commands => Volatile.Read(ref commands);

    public void Reset() => Interlocked.Exchange(ref commands, 0);

    public LearningDbContext CreateDbContext() => create();

    /// <summary>The grid and the report on these contexts.</summary>
    public (ClassGrid Grid, ClassReports Reports) Services(SiteFactory site)
    {
        var feed = site.Services.GetRequiredService<HoaHung.Learning.Changes.ChangeFeed>();
        var changes = new ClassChanges(this, feed, TimeProvider.System, NullLogger<ClassChanges>.Instance);
        var grid = new ClassGrid(changes, new ClassActivity(this, feed, site.Services.GetRequiredService<HoaHung.Learning.Progress.LearnerChanges>()));
        return (grid, new ClassReports(grid, this, changes));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
