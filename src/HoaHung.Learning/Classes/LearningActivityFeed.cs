using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Classes;

/// <summary>
/// Something a class view may show has changed: a learner's progress or quiz work (<see cref="UserId"/> when it is
/// known, null when it could be anyone's), or a trainer's change to a class (<see cref="ClassId"/>).
/// </summary>
public readonly record struct LearningActivity(string? UserId, int? ClassId);

/// <summary>
/// Tells open class views that something changed, so they re-check at once instead of at their next poll. Only a
/// hint: a view that misses it still sees the change at its next poll of <see cref="ClassActivity.VersionAsync"/>,
/// which reads the shared database and so also sees what other instances wrote. A Redis pub/sub implementation
/// (issue 11) can replace the in-process one to make the hint cross instances too.
/// </summary>
public interface ILearningActivityFeed
{
    void Publish(LearningActivity activity);
    IDisposable Subscribe(Action<LearningActivity> listener);
}

/// <summary>The feed within one process.</summary>
internal sealed class InProcessActivityFeed(ILogger<InProcessActivityFeed> log) : ILearningActivityFeed
{
    private ImmutableArray<Action<LearningActivity>> listeners = [];

    public void Publish(LearningActivity activity)
    {
        foreach (var listener in listeners)
        {
            // Publishing happens after a learner's save: a broken view must not fail her request.
            try { listener(activity); }
            catch (Exception e) { log.LogWarning(e, "A learning activity listener failed"); }
        }
    }

    public IDisposable Subscribe(Action<LearningActivity> listener)
    {
        ImmutableInterlocked.Update(ref listeners, l => l.Add(listener));
        return new Subscription(() => ImmutableInterlocked.Update(ref listeners, l => l.Remove(listener)));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                dispose();
        }
    }
}

/// <summary>
/// Publishes learners' progress and quiz work after it is saved, without the Progress and Quizzes features
/// knowing about classes. Quiz finishes are set-based updates that bypass this; the views' one-second poll
/// catches those.
/// </summary>
internal sealed class LearningActivityInterceptor(ILearningActivityFeed feed) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<LearningActivity>> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        List<LearningActivity>? found = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            LearningActivity? activity = entry.Entity switch
            {
                LessonProgress p => new(p.UserId, null),
                QuizAttempt { UserId: { } userId } => new(userId, null),
                QuizAnswer => new(null, null), // the attempt is not loaded here: could be anyone's
                _ => null,
            };
            if (activity is { } a && !(found ??= []).Contains(a))
                found.Add(a);
        }
        if (found is not null)
            pending.AddOrUpdate(context, found);
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var found))
            return;
        pending.Remove(context);
        foreach (var activity in found)
            feed.Publish(activity);
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
            pending.Remove(context);
    }
}
