using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Assistant;

/// <summary>
/// A question the library had no good answer for, asked through the chat answer API or the Zalo OA, counted per
/// channel (docs/architecture.md §11): the ward's "searches that found nothing" read this table. The question is kept
/// folded (lower case, no diacritics), as the search understood it, with long digit runs (phone or ID numbers) masked.
/// </summary>
public sealed class UnansweredQuestion
{
    public int Id { get; set; }

    /// <summary><see cref="AssistantChannels"/>: <c>api</c> or <c>zalo</c>.</summary>
    public string Channel { get; set; } = "";
    public string Question { get; set; } = "";
    public int Times { get; set; }
    public DateTime FirstAskedAt { get; set; }
    public DateTime LastAskedAt { get; set; }
}

public static class AssistantChannels
{
    public const string Api = "api";
    public const string Zalo = "zalo";
}

internal sealed class UnansweredQuestionConfiguration : IEntityTypeConfiguration<UnansweredQuestion>
{
    public void Configure(EntityTypeBuilder<UnansweredQuestion> b)
    {
        b.ToTable("AssistantUnansweredQuestions");
        b.HasKey(q => q.Id);
        b.Property(q => q.Channel).HasMaxLength(16).IsRequired();
        b.Property(q => q.Question).HasMaxLength(UnansweredQuestions.MaxLength).IsRequired();
        b.HasIndex(q => new { q.Channel, q.Question }).IsUnique();
        b.HasIndex(q => q.LastAskedAt);
    }
}
