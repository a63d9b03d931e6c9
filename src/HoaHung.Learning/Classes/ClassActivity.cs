using System.Runtime.CompilerServices;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>
/// The live grid's change signal. <see cref="VersionAsync"/> is one cheap query over the shared database (the
/// latest timestamps of the members' progress, quiz attempts and answers, and of the trainers' changes), so a
/// change written by any instance is seen; <see cref="WatchAsync"/> polls it every second and re-checks at once
/// when the <see cref="ILearningActivityFeed"/> says something happened here.
/// </summary>
public sealed class ClassActivity(IDbContextFactory<LearningDbContext> contexts, ILearningActivityFeed feed, TimeProvider clock)
{
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
    /// Yields the class's version each time it changes (not the starting one), until cancelled. Wakes at once on
    /// activity of <paramref name="isMember"/> users, of the class, or of unknown users; otherwise every
    /// <see cref="PollInterval"/>, which is what carries changes made on other instances.
    /// </summary>
    public async IAsyncEnumerable<string> WatchAsync(int classId, string? since, Func<string, bool> isMember,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var wake = NewWake();
        using var subscription = feed.Subscribe(a =>
        {
            if (a.ClassId == classId || (a.ClassId is null && (a.UserId is null || isMember(a.UserId))))
                Volatile.Read(ref wake).TrySetResult();
        });
        var current = since;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Volatile.Read(ref wake).Task.WaitAsync(PollInterval, clock, ct);
            }
            catch (TimeoutException)
            {
                // the poll: what other instances wrote is seen here
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
