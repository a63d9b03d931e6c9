using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Progress;

/// <summary>Lesson progress and certificates in a learner's data export, and their removal with her account.</summary>
internal sealed class ProgressPersonalData(LearningDbContext db, LearnerChanges changes) : IPersonalDataOwner
{
    public string ExportKey => "progress";

    public async Task<object> ExportAsync(string userId, CancellationToken ct) => new
    {
        lessons = await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId)
            .Join(db.Lessons, p => p.LessonId, l => l.Id, (p, l) => new
            {
                lesson = l.Slug,
                title = l.Title,
                firstOpenedAt = p.FirstOpenedAt,
                lastOpenedAt = p.LastOpenedAt,
                completedAt = p.CompletedAt,
                videoPositionSeconds = p.VideoPositionSeconds,
            })
            .ToListAsync(ct),
        certificates = await db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { code = c.Code, name = c.DisplayName, path = c.PathTitle, issuedAt = c.IssuedAt })
            .ToListAsync(ct),
    };

    /// <summary>Folds her completions into the anonymous per-lesson totals, then removes her rows.</summary>
    public async Task DeleteAsync(string userId, CancellationToken ct)
    {
        var completed = await db.Set<LessonProgress>().Where(p => p.UserId == userId && p.CompletedAt != null)
            .Select(p => p.LessonId).ToListAsync(ct);
        var totals = await db.Set<DeletedLearnerTotal>().Where(t => completed.Contains(t.LessonId)).ToDictionaryAsync(t => t.LessonId, ct);
        foreach (var lessonId in completed)
        {
            if (totals.TryGetValue(lessonId, out var total))
                total.Completions++;
            else
                db.Add(new DeletedLearnerTotal { LessonId = lessonId, Completions = 1 });
        }
        await db.SaveChangesAsync(ct);
        await db.Set<Certificate>().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<LessonProgress>().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await changes.ChangedAsync(userId, ct);
    }
}
