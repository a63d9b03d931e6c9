using System.Globalization;
using System.Runtime.CompilerServices;
using HoaHung.Learning.Changes;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>
/// The live grid's change signal. <see cref="VersionAsync"/> is one cheap query over the shared database (the
/// latest timestamps of the members' progress, quiz attempts and answers, and of the trainers' changes);
/// <see cref="WatchAsync"/> re-reads it whenever the change feed says something the view shows may have changed: a
/// member's learning (<see cref="LearnerChanges.Channel"/>, on any instance) or the class itself (<see cref="Channel"/>).
/// While the feed is not shared, the fallback poll says so on <see cref="Channel"/> every <see cref="PollInterval"/>,
/// which is what carries changes made on other instances then.
/// </summary>
public sealed class ClassActivity(IDbContextFactory<LearningDbContext> contexts, ChangeFeed feed, LearnerChanges learners)
{
    /// <summary>A trainer changed a class: the message is its id (null: any class).</summary>
    public static readonly ChangeChannel Channel = new("class-changed");

    /// <summary>How often open views re-check while the feed is not shared (the channel's <see cref="ChangeFallback"/>).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>An opaque token that changes whenever anything the class's views show may have changed; null for no such class.</summary>
    public async Task<string?> VersionAsync(int classId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await VersionAsync(db, classId, ct);
    }

    internal async Task<string?> VersionAsync(LearningDbContext db, int classId, CancellationToken ct)
    {
        var members = db.Set<ClassMember>().Where(m => m.ClassId == classId).Select(m => m.UserId);
        var attempts = db.Set<QuizAttempt>().Where(a => a.UserId != null && members.Contains(a.UserId));
        var row = await db.Set<Classroom>().AsNoTracking().Where(c => c.Id == classId)
            .Select(c => new
            {
                c.Changes,
                Progress = db.Set<LessonProgress>().Where(p => members.Contains(p.UserId)).Max(p => (DateTime?)p.LastOpenedAt),
                Started = attempts.Max(a => (DateTime?)a.StartedAt),
                Finished = attempts.Max(a => a.FinishedAt),
                Answered = db.Set<QuizAnswer>().Where(x => attempts.Any(a => a.Id == x.AttemptId)).Max(x => (DateTime?)x.AnsweredAt),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null
            : $"{row.Changes:x}.{row.Progress?.Ticks:x}.{row.Started?.Ticks:x}.{row.Finished?.Ticks:x}.{row.Answered?.Ticks:x}";
    }

    /// <summary>
    /// Yields the class's version each time it changes (not the starting one), until cancelled. Wakes on activity of
    /// <paramref name="isMember"/> users, of the class, or of anyone (a message of null) heard on the change feed.
    /// </summary>
    public async IAsyncEnumerable<string> WatchAsync(int classId, string? since, Func<string, bool> isMember,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var wake = NewWake();
        var id = classId.ToString(CultureInfo.InvariantCulture);
        using var ofClass = feed.Subscribe(Channel, (message, _) =>
        {
            if (message is null || message == id)
                Volatile.Read(ref wake).TrySetResult();
            return ValueTask.CompletedTask;
        });
        using var ofMembers = learners.Subscribe(userId =>
        {
            if (userId is null || isMember(userId))
                Volatile.Read(ref wake).TrySetResult();
        });
        var current = since;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Volatile.Read(ref wake).Task.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            // Renewed before reading, so activity during the read wakes the next round instead of being lost.
            Volatile.Write(ref wake, NewWake());
            var version = await VersionAsync(classId, ct);
            if (version is not null && version != current)
            {
                current = version;
                yield return version;
            }
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
