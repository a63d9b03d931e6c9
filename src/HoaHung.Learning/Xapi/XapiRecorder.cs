using HoaHung.Learning.Catalog;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Progress;
using HoaHung.Learning.WardStats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Xapi;

/// <summary>
/// Turns learning events into outbox rows in the event's own save (docs/architecture.md §9, "xAPI"). Events seen in a
/// save's tracked changes: a lesson finished for the first time (<see cref="LessonProgress.CompletedAt"/> from null),
/// a certificate issued, an attendance mark that starts counting (present or late). A quiz's result is stored by a
/// set-based update the change tracker never sees, so <see cref="Quizzes.QuizAttempts"/> calls
/// <see cref="AddQuizResultAsync"/> in the same transaction. Accounts only: anonymous readers send nothing.
/// </summary>
public sealed class XapiRecorder(IOptions<XapiOptions> options, XapiActors actors, IServiceProvider services, XapiSignal signal, TimeProvider clock)
{
    public bool IsOn => options.Value.IsOn;

    private IXapiAddresses Addresses => services.GetRequiredService<IXapiAddresses>();

    /// <summary>Adds the save's statements to the context as new outbox rows (saved with the rest); the number added.</summary>
    public async Task<int> AddFromChangesAsync(DbContext db, CancellationToken ct)
    {
        if (!IsOn)
            return 0;
        var completions = new List<(string UserId, int LessonId, DateTime At)>();
        var certificates = new List<Certificate>();
        var marks = new List<AttendanceMark>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case LessonProgress p when p.CompletedAt is { } at && entry.State is EntityState.Added or EntityState.Modified:
                    var old = entry.State == EntityState.Added ? null : (DateTime?)entry.Property(nameof(LessonProgress.CompletedAt)).OriginalValue;
                    if (old is null) // finished for the first time; finishing again later only moves the time
                        completions.Add((p.UserId, p.LessonId, at));
                    break;
                case Certificate c when entry.State == EntityState.Added:
                    certificates.Add(c);
                    break;
                case AttendanceMark m when entry.State is EntityState.Added or EntityState.Modified && WardFacts.Counts(m.Status):
                    var before = entry.State == EntityState.Modified
                        && WardFacts.Counts((AttendanceStatus)entry.Property(nameof(AttendanceMark.Status)).OriginalValue!);
                    if (!before)
                        marks.Add(m);
                    break;
            }
        }
        if (completions.Count + certificates.Count + marks.Count == 0)
            return 0;

        var links = Addresses;
        var rows = new List<XapiOutboxRow>();
        if (completions.Count > 0)
        {
            var ids = completions.Select(c => c.LessonId).Distinct().ToList();
            var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => ids.Contains(l.Id))
                .Select(l => new { l.Id, l.Slug, l.Title }).ToDictionaryAsync(l => l.Id, ct);
            foreach (var (userId, lessonId, when) in completions)
                if (lessons.TryGetValue(lessonId, out var lesson) && await actors.NameAsync(db, userId, ct) is var actor)
                    rows.Add(Row(userId, id => XapiStatements.LessonCompleted(id, actor, links, lesson.Slug,
                        lesson.Title, when)));
        }
        if (certificates.Count > 0)
        {
            var ids = certificates.Select(c => c.PathId).Distinct().ToList();
            var paths = await db.Set<LearningPath>().AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Slug }).ToDictionaryAsync(p => p.Id, p => p.Slug, ct);
            foreach (var c in certificates)
                if (paths.TryGetValue(c.PathId, out var slug) && await actors.NameAsync(db, c.UserId, ct) is var actor)
                    rows.Add(Row(c.UserId, id => XapiStatements.PathCompleted(id, actor, links, slug,
                        c.PathTitle, c.IssuedAt)));
        }
        if (marks.Count > 0)
        {
            var ids = marks.Select(m => m.SessionId).Distinct().ToList();
            var sessions = await db.Set<ClassSession>().AsNoTracking().Where(s => ids.Contains(s.Id))
                .Join(db.Set<Classroom>(), s => s.ClassId, c => c.Id, (s, c) => new { s.Id, s.ClassId, s.StartsAt, c.Name })
                .ToDictionaryAsync(s => s.Id, ct);
            foreach (var m in marks)
                if (sessions.TryGetValue(m.SessionId, out var s) && await actors.NameAsync(db, m.UserId, ct) is var actor)
                    rows.Add(Row(m.UserId, id => XapiStatements.SessionAttended(id, actor, links,
                        s.ClassId, s.Name, s.Id, s.StartsAt, m.MarkedAt)));
        }
        db.AddRange(rows);
        return rows.Count;
    }

    /// <summary>
    /// Stores a finished quiz's statement (passed or failed, with its score). The caller runs it in the transaction
    /// that stored the result, and only when its update stored it (a racing second finish records nothing).
    /// </summary>
    public async Task AddQuizResultAsync(DbContext db, string userId, int lessonId, QuizScore score, bool passed, DateTime when, CancellationToken ct)
    {
        if (!IsOn)
            return;
        var lesson = await db.Set<Lesson>().AsNoTracking().Where(l => l.Id == lessonId).Select(l => new { l.Slug, l.Title }).FirstOrDefaultAsync(ct);
        if (lesson is null)
            return;
        var actor = await actors.NameAsync(db, userId, ct);
        db.Add(Row(userId, id => XapiStatements.QuizFinished(id, actor, Addresses, lesson.Slug, lesson.Title, score, passed, when)));
        await db.SaveChangesAsync(ct);
        signal.Wake();
    }

    /// <summary>The statement's id is made here, once: every retry sends the same id.</summary>
    private XapiOutboxRow Row(string userId, Func<Guid, string> statement)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        return new XapiOutboxRow { Id = id, UserId = userId, Statement = statement(id), CreatedAt = now, NextAttemptAt = now };
    }
}

/// <summary>Wakes this instance's sender when a save wrote statements (other instances find them by polling).</summary>
public sealed class XapiSignal
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public void Wake()
    {
        try { wake.Release(); } catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => wake.WaitAsync(timeout, ct);
}
