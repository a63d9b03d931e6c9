using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>Her classes and attendance in her data export; removed with her account (foreign keys cascade, and this says so explicitly).</summary>
internal sealed class ClassesPersonalData(LearningDbContext db, LearnerChanges changes) : IPersonalDataOwner
{
    public string ExportKey => "classes";

    public async Task<object> ExportAsync(string userId, CancellationToken ct)
    {
        var classes = await db.Set<ClassMember>().AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Set<Classroom>(), m => m.ClassId, c => c.Id, (m, c) => new { c.Id, c.Name, m.JoinedAt })
            .ToListAsync(ct);
        var marks = await db.Set<AttendanceMark>().AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Set<ClassSession>(), a => a.SessionId, s => s.Id, (a, s) => new { s.ClassId, s.StartsAt, a.Status, a.Note, a.MarkedAt })
            .ToListAsync(ct);
        return classes.Select(c => new
        {
            name = c.Name,
            joinedAt = c.JoinedAt,
            attendance = marks.Where(m => m.ClassId == c.Id).OrderBy(m => m.StartsAt)
                .Select(m => new { session = m.StartsAt, status = m.Status.ToString(), note = m.Note, markedAt = m.MarkedAt }).ToList(),
        }).ToList();
    }

    public async Task DeleteAsync(string userId, CancellationToken ct)
    {
        await db.Set<AttendanceMark>().Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<ClassMember>().Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<ClassTrainer>().Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await changes.ChangedAsync(userId, ct);
    }
}
