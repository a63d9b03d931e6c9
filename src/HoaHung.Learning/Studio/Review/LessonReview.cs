using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Studio.Review;

/// <summary>
/// The reviewer's side of one lesson (one row per lesson, made by the first review action): why it was last sent back,
/// which revision was last reviewed (so the next review shows only what changed since), and a scheduled publication.
/// The review state itself stays on the working copy (<see cref="LessonDraft.State"/>).
/// </summary>
public sealed class LessonReview
{
    public const int MaxReasonLength = 2000;

    public int LessonId { get; set; }

    /// <summary>The reason given with "Trả lại", shown to the author until the lesson is sent again.</summary>
    public string? SentBackReason { get; set; }
    public DateTime? SentBackAt { get; set; }
    public string? SentBackBy { get; set; }

    /// <summary>The revision a reviewer last read to the end (sent back or published): "what changed since my last review" starts here.</summary>
    public int? ReviewedRevisionId { get; set; }
    public string? ReviewedBy { get; set; }

    /// <summary>A publication set for later: this revision goes public at <see cref="ScheduledFor"/> (UTC).</summary>
    public DateTime? ScheduledFor { get; set; }
    public int? ScheduledRevisionId { get; set; }
    public string? ScheduledBy { get; set; }
}

/// <summary>
/// A reviewer's comment on a revision, anchored to a line or a block of lines of its Markdown body (or to the whole
/// lesson when <see cref="Line"/> is null). <see cref="Quote"/> keeps the text of those lines: once the author changes
/// them, the comment counts as resolved.
/// </summary>
public sealed class ReviewComment
{
    public const int MaxTextLength = 2000;
    public const int MaxQuoteLength = 4000;

    public int Id { get; set; }
    public int LessonId { get; set; }
    public int RevisionId { get; set; }

    /// <summary>First and last line (1-based) of the block in the revision's body; null for a comment on the whole lesson.</summary>
    public int? Line { get; set; }
    public int? EndLine { get; set; }
    public string Quote { get; set; } = "";

    public required string Text { get; set; }
    public required string AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when someone marks it resolved by hand (a change of the quoted lines resolves it without this).</summary>
    public DateTime? ResolvedAt { get; set; }
}

internal sealed class LessonReviewConfiguration : IEntityTypeConfiguration<LessonReview>
{
    public void Configure(EntityTypeBuilder<LessonReview> b)
    {
        b.ToTable("LessonReviews");
        b.HasKey(r => r.LessonId);
        b.HasOne<Lesson>().WithOne().HasForeignKey<LessonReview>(r => r.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.SentBackReason).HasMaxLength(LessonReview.MaxReasonLength);
        b.Property(r => r.SentBackBy).HasMaxLength(100);
        b.Property(r => r.ReviewedBy).HasMaxLength(100);
        b.Property(r => r.ScheduledBy).HasMaxLength(100);
        b.HasIndex(r => r.ScheduledFor);
        b.HasOne<LessonRevision>().WithMany().HasForeignKey(r => r.ReviewedRevisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LessonRevision>().WithMany().HasForeignKey(r => r.ScheduledRevisionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> b)
    {
        b.ToTable("ReviewComments");
        b.Property(c => c.Text).HasMaxLength(ReviewComment.MaxTextLength);
        b.Property(c => c.Quote).HasMaxLength(ReviewComment.MaxQuoteLength);
        b.Property(c => c.AuthorId).HasMaxLength(100);
        b.HasOne<Lesson>().WithMany().HasForeignKey(c => c.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LessonRevision>().WithMany().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.LessonId, c.CreatedAt });
    }
}

/// <summary>The review tables, reached like the other features' (no DbSet properties on the shared context).</summary>
public static class ReviewSets
{
    public static DbSet<LessonReview> LessonReviews(this Data.LearningDbContext db) => db.Set<LessonReview>();

    public static DbSet<ReviewComment> ReviewComments(this Data.LearningDbContext db) => db.Set<ReviewComment>();
}
