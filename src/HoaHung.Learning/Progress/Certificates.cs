using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Progress;

/// <summary>What the public verification page shows: nothing about the learner but the name on the certificate.</summary>
public sealed record CertificateView(string Code, string DisplayName, string PathTitle, string PathSlug, DateTime IssuedAt);

/// <summary>Issues certificates for completed learning paths and looks them up by their public code.</summary>
public sealed class Certificates(LearningDbContext db, TimeProvider clock, IQuizPasses quizzes)
{
    /// <summary>
    /// Issues a certificate for every path she has no certificate for yet whose published lessons all count
    /// (<see cref="CertificateRule.Counts"/>: quiz passed, video watched, or read for a plausible time). Idempotent:
    /// the unique (user, path) index stops a racing second issue.
    /// </summary>
    public async Task<IReadOnlyList<CertificateCard>> IssueEarnedAsync(string userId, CancellationToken ct)
    {
        var paths = await db.LearningPaths.AsNoTracking()
            .Where(p => !p.IsDraft && !db.Set<Certificate>().Any(c => c.UserId == userId && c.PathId == p.Id))
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Slug,
                Lessons = p.Lessons.Where(pl => pl.Lesson.Status == LessonStatus.Published)
                    .Select(pl => new LessonRequirement(pl.LessonId, pl.Lesson.Minutes,
                        pl.Lesson.PublishedRevision!.VideoMediaId != null, pl.Lesson.QuizTitle != null))
                    .ToList(),
            })
            .ToListAsync(ct);
        var ids = paths.SelectMany(p => p.Lessons).Select(l => l.LessonId).Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var evidence = await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && ids.Contains(p.LessonId))
            .Select(p => new { p.LessonId, p.FirstOpenedAt, p.CompletedAt, p.VideoWatchedAt })
            .ToDictionaryAsync(p => p.LessonId, ct);
        // Quizzes are asked about only for paths she may have finished (every lesson at least opened).
        var candidates = paths.Where(p => p.Lessons.Count > 0 && p.Lessons.All(l => evidence.ContainsKey(l.LessonId))).ToList();
        var quizLessons = candidates.SelectMany(p => p.Lessons).Where(l => l.HasQuiz).Select(l => l.LessonId).Distinct().ToList();
        var passed = quizLessons.Count == 0 ? new HashSet<int>() : await quizzes.PassedAsync(userId, quizLessons, ct);
        LessonEvidence? Of(int lessonId) => evidence.TryGetValue(lessonId, out var e)
            ? new LessonEvidence(e.FirstOpenedAt, e.CompletedAt, e.VideoWatchedAt, passed.Contains(lessonId)) : null;
        var earned = candidates.Where(p => p.Lessons.All(l => CertificateRule.Counts(l, Of(l.LessonId)))).ToList();
        if (earned.Count == 0)
            return [];
        var stored = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
        // A name saved before names were cleaned prints without its invisible or direction-changing characters.
        var name = DisplayNames.Normalize(stored).Name ?? stored;
        var now = clock.GetUtcNow().UtcDateTime;
        var issued = new List<CertificateCard>();
        foreach (var path in earned)
        {
            var certificate = new Certificate { Code = Certificate.NewCode(), UserId = userId, PathId = path.Id,
                DisplayName = name, PathTitle = path.Title, IssuedAt = now };
            db.Add(certificate);
            try
            {
                await db.SaveChangesAsync(ct);
                issued.Add(new CertificateCard(certificate.Code, certificate.PathTitle, path.Slug, certificate.IssuedAt));
            }
            catch (DbUpdateException)
            {
                db.Entry(certificate).State = EntityState.Detached; // issued meanwhile by a concurrent request
            }
        }
        return issued;
    }

    internal static async Task<List<CertificateCard>> OfUserAsync(LearningDbContext db, string userId, CancellationToken ct) =>
        await OfUser.For(db)(db, userId).ToListAsync(ct);

    // Compiled once: part of every learner's snapshot (LearnerSnapshots).
    private static readonly PerModel<Func<LearningDbContext, string, IAsyncEnumerable<CertificateCard>>> OfUser = new(() => EF.CompileAsyncQuery(
        (LearningDbContext db, string userId) => db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == userId)
            .OrderByDescending(c => c.IssuedAt)
            .Join(db.LearningPaths, c => c.PathId, p => p.Id, (c, p) => new CertificateCard(c.Code, c.PathTitle, p.Slug, c.IssuedAt))));

    public async Task<CertificateView?> FindAsync(string? code, CancellationToken ct)
    {
        if (!Certificate.LooksLikeCode(code))
            return null;
        return await db.Set<Certificate>().AsNoTracking().Where(c => c.Code == code)
            .Join(db.LearningPaths, c => c.PathId, p => p.Id, (c, p) => new CertificateView(c.Code, c.DisplayName, c.PathTitle, p.Slug, c.IssuedAt))
            .FirstOrDefaultAsync(ct);
    }
}
