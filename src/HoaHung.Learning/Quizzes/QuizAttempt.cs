using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Quizzes;

/// <summary>
/// One learner's go at a lesson's quiz, on the revision it started with. Its id is random (122 bits) and appears
/// in the player's URLs; every read and write also checks that it belongs to the current learner.
/// </summary>
public sealed class QuizAttempt
{
    public Guid Id { get; set; }
    public int LessonId { get; set; }
    public int RevisionId { get; set; }

    /// <summary>Her account, or (exactly one of the two) the anonymous id from her progress cookie.</summary>
    public string? UserId { get; set; }
    public Guid? AnonymousId { get; set; }

    /// <summary>Seeds the shuffles, so the order is the same every time she comes back to this attempt.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// True while unfinished, null once finished or set aside. A unique index on (lesson, learner, Open) allows
    /// one open attempt per learner and lesson (NULLs never collide), so a double tap on "Bắt đầu" cannot start two.
    /// </summary>
    public bool? Open { get; set; } = true;

    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int ScorePercent { get; set; }
    public bool Passed { get; set; }

    public List<QuizAnswer> Answers { get; set; } = [];
}

/// <summary>Her answer to one question of an attempt. Unique per (attempt, question): the first answer wins.</summary>
public sealed class QuizAnswer
{
    public long Id { get; set; }
    public Guid AttemptId { get; set; }

    /// <summary>The question's index in the quiz as written (not its shuffled position).</summary>
    public int Question { get; set; }

    /// <summary>A <see cref="QuizResponse"/> as JSON.</summary>
    public required string Response { get; set; }
    public double Credit { get; set; }
    public bool Correct { get; set; }
    public DateTime AnsweredAt { get; set; }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("QuizAttempts");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => new { a.LessonId, a.UserId, a.Open }).IsUnique();
        b.HasIndex(a => new { a.LessonId, a.AnonymousId, a.Open }).IsUnique();
        b.HasIndex(a => a.UserId);
        b.HasIndex(a => a.AnonymousId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LessonRevision>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswer>
{
    public void Configure(EntityTypeBuilder<QuizAnswer> b)
    {
        b.ToTable("QuizAnswers");
        b.HasIndex(a => new { a.AttemptId, a.Question }).IsUnique();
        b.Property(a => a.Response).HasMaxLength(2000);
    }
}
