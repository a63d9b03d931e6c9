using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace HoaHung.Learning.WardStats;

/// <summary>
/// Keeps the ward's daily rollups as events are saved (docs/architecture.md §9): a save that finishes a lesson,
/// makes an account, issues a certificate, schedules a session or marks attendance also adds its deltas to
/// <see cref="WardDailyCount"/>, in the same transaction (one is begun for the save when the caller has none), so a
/// figure is never ahead of or behind what was saved. No page view ever counts progress rows.
/// </summary>
internal sealed class WardStatsInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> owned = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await BeforeSaveAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSaveAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && owned.TryGetValue(context, out var transaction))
        {
            owned.Remove(context);
            await using (transaction)
                await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && owned.TryGetValue(context, out var transaction))
        {
            owned.Remove(context);
            using (transaction)
                transaction.Commit();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task BeforeSaveAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null)
            return;
        var facts = WardFacts.Collect(context);
        if (!facts.Any)
            return;
        if (context.Database.CurrentTransaction is null)
            owned.AddOrUpdate(context, await context.Database.BeginTransactionAsync(ct));
        try
        {
            await WardStatsWriter.ApplyAsync(context, facts, ct);
        }
        catch
        {
            RollBack(context);
            throw;
        }
    }

    private void RollBack(DbContext? context)
    {
        if (context is null || !owned.TryGetValue(context, out var transaction))
            return;
        owned.Remove(context);
        using (transaction)
            transaction.Rollback();
    }
}
