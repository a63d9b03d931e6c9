using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.WardStats;

/// <summary>A lesson's finishing time moved for one learner: from <see cref="Old"/> (null: was not finished) to <see cref="New"/>.</summary>
internal readonly record struct CompletionFact(string UserId, int LessonId, DateTime? Old, DateTime? New);

internal readonly record struct SessionFact(int ClassId, DateTime? Old, DateTime? New);

/// <summary>An attendance mark of a session started or stopped counting (present or late).</summary>
internal readonly record struct AttendanceFact(int SessionId, int Change);

/// <summary>What a save changes in the ward's figures, read from the change tracker before the save.</summary>
internal sealed class WardFacts
{
    public List<CompletionFact> Completions { get; } = [];
    public List<(DateTime CreatedAt, string? Neighbourhood)> Accounts { get; } = [];
    public List<(string UserId, DateTime IssuedAt)> Certificates { get; } = [];
    public List<SessionFact> Sessions { get; } = [];
    public List<AttendanceFact> Attendances { get; } = [];

    public bool Any => Completions.Count + Accounts.Count + Certificates.Count + Sessions.Count + Attendances.Count > 0;

    public static WardFacts Collect(DbContext context)
    {
        var facts = new WardFacts();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case LessonProgress p when entry.State is EntityState.Added or EntityState.Modified:
                {
                    var property = entry.Property(nameof(LessonProgress.CompletedAt));
                    var old = entry.State == EntityState.Added ? null : (DateTime?)property.OriginalValue;
                    if (old != p.CompletedAt)
                        facts.Completions.Add(new(p.UserId, p.LessonId, old, p.CompletedAt));
                    break;
                }
                // A deleted account's progress and certificates stay in the figures (like DeletedLearnerTotal).
                case AppUser u when entry.State == EntityState.Added:
                    facts.Accounts.Add((u.CreatedAt, u.Neighbourhood));
                    break;
                case Certificate c when entry.State == EntityState.Added:
                    facts.Certificates.Add((c.UserId, c.IssuedAt));
                    break;
                case ClassSession s:
                {
                    var starts = entry.Property(nameof(ClassSession.StartsAt));
                    SessionFact? fact = entry.State switch
                    {
                        EntityState.Added => new(s.ClassId, null, s.StartsAt),
                        EntityState.Deleted => new(s.ClassId, (DateTime)starts.OriginalValue!, null),
                        EntityState.Modified when (DateTime)starts.OriginalValue! != s.StartsAt => new(s.ClassId, (DateTime)starts.OriginalValue!, s.StartsAt),
                        _ => null,
                    };
                    if (fact is { } f)
                        facts.Sessions.Add(f);
                    break;
                }
                case AttendanceMark m:
                {
                    var before = entry.State is EntityState.Modified or EntityState.Deleted
                        && Counts((AttendanceStatus)entry.Property(nameof(AttendanceMark.Status)).OriginalValue!);
                    var after = entry.State is EntityState.Added or EntityState.Modified && Counts(m.Status);
                    if (before != after)
                        facts.Attendances.Add(new(m.SessionId, after ? 1 : -1));
                    break;
                }
            }
        }
        return facts;
    }

    /// <summary>Present or late: she came.</summary>
    public static bool Counts(AttendanceStatus status) => status is AttendanceStatus.Present or AttendanceStatus.Late;
}
