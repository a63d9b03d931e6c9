using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Studio;

/// <summary>
/// Her part in the studio in her data export (the lessons she began), and, when she deletes her account, her name
/// taken off them: the lessons stay with her team, the revisions with the library.
/// </summary>
internal sealed class StudioPersonalData(LearningDbContext db) : IPersonalDataOwner
{
    public string ExportKey => "studio";

    public async Task<object> ExportAsync(string userId, CancellationToken ct) =>
        await db.Lessons.AsNoTracking().Where(l => l.AuthorId == userId).OrderBy(l => l.CreatedAt)
            .Select(l => new { lesson = l.Slug, team = l.Team, createdAt = l.CreatedAt, published = l.PublishedAt })
            .ToListAsync(ct);

    public async Task DeleteAsync(string userId, CancellationToken ct)
    {
        await db.Lessons.Where(l => l.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.AuthorId, (string?)null), ct);
        await db.LessonRevisions.Where(r => r.CreatedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedBy, (string?)null), ct);
        await db.LessonDrafts().Where(d => d.UpdatedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedBy, (string?)null), ct);
        await db.LessonDrafts().Where(d => d.SubmittedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(d => d.SubmittedBy, (string?)null), ct);
        await db.LessonMedia().Where(m => m.AddedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.AddedBy, (string?)null), ct);
    }
}
