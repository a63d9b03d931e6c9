using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Progress;

/// <summary>One learner's progress in one lesson (unique per learner and lesson).</summary>
public sealed class LessonProgress
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int LessonId { get; set; }
    public DateTime FirstOpenedAt { get; set; }
    public DateTime LastOpenedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Where she stopped in the lesson's video, in whole seconds (0 when none).</summary>
    public int VideoPositionSeconds { get; set; }

    /// <summary>When she first reached <see cref="LearnerProgress.WatchedShare"/> of the video (evidence for a certificate).</summary>
    public DateTime? VideoWatchedAt { get; set; }
}

/// <summary>
/// Completions of learners who deleted their accounts: only these anonymous counts remain of their progress
/// (Decree 13/2023), so the ward's figures do not shrink when someone leaves.
/// </summary>
public sealed class DeletedLearnerTotal
{
    public int LessonId { get; set; }
    public int Completions { get; set; }
}

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> b)
    {
        b.HasIndex(p => new { p.UserId, p.LessonId }).IsUnique();
        b.HasIndex(p => new { p.UserId, p.LastOpenedAt });
        b.HasIndex(p => p.LessonId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lesson>().WithMany().HasForeignKey(p => p.LessonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeletedLearnerTotalConfiguration : IEntityTypeConfiguration<DeletedLearnerTotal>
{
    public void Configure(EntityTypeBuilder<DeletedLearnerTotal> b)
    {
        b.HasKey(t => t.LessonId);
        b.Property(t => t.LessonId).ValueGeneratedNever();
        b.HasOne<Lesson>().WithMany().HasForeignKey(t => t.LessonId).OnDelete(DeleteBehavior.Cascade);
    }
}
