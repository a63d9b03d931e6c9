using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HoaHung.Learning.Xapi;

/// <summary>
/// Adds a save's learning statements to the outbox as part of that same save (one batch, one transaction: EF wraps
/// a save in a transaction, or the caller's is used), so a statement exists exactly when its event was stored. After
/// the save, this instance's sender is woken.
/// </summary>
internal sealed class XapiInterceptor(XapiRecorder recorder, XapiSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> added = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await AddAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    private async Task AddAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !recorder.IsOn)
            return;
        if (await recorder.AddFromChangesAsync(context, ct) > 0)
            added.AddOrUpdate(context, this);
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && added.TryGetValue(context, out _))
        {
            added.Remove(context);
            signal.Wake();
        }
    }
}
