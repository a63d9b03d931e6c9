using HoaHung.Learning.Data;
using HoaHung.Learning.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Gains;

/// <summary>
/// Keeps a learner's before and after scores on every path whose entry test she just finished (accounts only: see
/// docs/architecture.md §9 "Gains"). Runs inside the transaction that stores the attempt's score, on the same context,
/// so a score and its gain row are saved together or not at all.
/// </summary>
internal sealed class GainRecorder(LearningDbContext db) : IQuizFinished
{
    public async Task FinishedAsync(QuizFinished finished, CancellationToken ct)
    {
        if (finished.UserId is not { } userId)
            return;
        var paths = await db.LearningPaths.AsNoTracking().Where(p => p.EntryTestId == finished.LessonId).Select(p => p.Id).ToListAsync(ct);
        if (paths.Count == 0)
            return;
        foreach (var pathId in paths)
        {
            var (total, done) = await PathGains.LessonsDoneAsync(db, pathId, finished.LessonId, userId, ct);
            var row = await db.Set<PathGain>().FirstOrDefaultAsync(g => g.PathId == pathId && g.UserId == userId, ct);
            if (row is null && done == 0)
                db.Add(new PathGain
                {
                    PathId = pathId, UserId = userId,
                    BeforePercent = finished.ScorePercent, BeforeAt = finished.FinishedAt, BeforeAttemptId = finished.AttemptId,
                });
            else if (row is { AfterPercent: null } && total > 0 && done == total)
                (row.AfterPercent, row.AfterAt, row.AfterAttemptId) = (finished.ScorePercent, finished.FinishedAt, finished.AttemptId);
            // Otherwise nothing: a second try before starting, a try half-way, or a try after the after one does not move her figures.
        }
        await db.SaveChangesAsync(ct);
    }
}
