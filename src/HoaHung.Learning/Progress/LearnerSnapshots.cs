using System.Collections.Frozen;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Progress;

/// <summary>A signed-in learner's stored progress rows and certificates, as read at one moment.</summary>
internal sealed record LearnerSnapshot(IReadOnlyList<ProgressRow> Rows, IReadOnlyList<CertificateCard> Certificates)
{
    public FrozenSet<int> Completed { get; } = Rows.Where(r => r.CompletedAt is not null).Select(r => r.LessonId).ToFrozenSet();
}

/// <summary>
/// What each signed-in learner has stored of her own learning (her progress rows and certificates), held in this
/// process (<see cref="PerLearner{T}"/>) so her lesson pages need no query (docs/architecture.md §7). Loaded in one go
/// the first time it is asked for; forgotten through <see cref="LearnerChanges"/> after every write that changes it —
/// a completion, a watched video, a merge, a certificate, a batch of visits written by <see cref="ProgressFlusher"/>,
/// her data deleted — here and on the other instances. Visits not yet written are laid over it from
/// <see cref="ProgressBuffer"/>, as before.
/// </summary>
public sealed class LearnerSnapshots(IDbContextFactory<LearningDbContext> contexts, LearnerChanges changes) : IDisposable
{
    /// <summary>Learners held at most (a few KB each).</summary>
    public const int Capacity = 20_000;

    private static readonly PerModel<Func<LearningDbContext, string, IAsyncEnumerable<ProgressRow>>> RowsOf = new(() => EF.CompileAsyncQuery(
        (LearningDbContext db, string userId) => db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new ProgressRow(p.LessonId, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt, p.VideoPositionSeconds))));

    private readonly PerLearner<LearnerSnapshot> held = new(changes, Capacity);

    public async ValueTask<bool> HasCompletedAsync(string userId, int lessonId, CancellationToken ct) =>
        (await OfAsync(userId, ct)).Completed.Contains(lessonId);

    internal ValueTask<LearnerSnapshot> OfAsync(string userId, CancellationToken ct) => held.GetAsync(userId, async token =>
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        return new LearnerSnapshot(await RowsOf.For(db)(db, userId).ToListAsync(token), await Certificates.OfUserAsync(db, userId, token));
    }, ct);

    public void Dispose() => held.Dispose();
}
