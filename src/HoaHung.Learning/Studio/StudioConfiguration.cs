using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Studio;

internal sealed class LessonDraftConfiguration : IEntityTypeConfiguration<LessonDraft>
{
    public void Configure(EntityTypeBuilder<LessonDraft> b)
    {
        b.ToTable("LessonDrafts");
        b.HasKey(d => d.LessonId);
        b.HasOne(d => d.Lesson).WithOne().HasForeignKey<LessonDraft>(d => d.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Title).HasMaxLength(LessonContent.MaxTitleLength);
        b.Property(d => d.Summary).HasMaxLength(LessonContent.MaxSummaryLength);
        b.Property(d => d.TopicSlug).HasMaxLength(LessonContent.MaxTopicLength);
        b.Property(d => d.Tags).HasMaxLength(LessonContent.MaxTagsLength);
        b.Property(d => d.VideoUrl).HasMaxLength(LessonContent.MaxVideoUrlLength);
        b.Property(d => d.VideoPath).HasMaxLength(LessonContent.MaxPathLength);
        b.Property(d => d.CaptionsPath).HasMaxLength(LessonContent.MaxPathLength);
        b.Property(d => d.PosterPath).HasMaxLength(LessonContent.MaxPathLength);
        b.Property(d => d.CoverPath).HasMaxLength(LessonContent.MaxPathLength);
        b.Property(d => d.Paths).HasMaxLength(LessonContent.MaxPathListLength);
        b.Property(d => d.EntryTestFor).HasMaxLength(LessonContent.MaxPathListLength);
        b.Property(d => d.UpdatedBy).HasMaxLength(100);
        b.Property(d => d.UpdatedSession).HasMaxLength(DraftEdit.MaxSessionLength);
        b.Property(d => d.SubmittedBy).HasMaxLength(100);
        b.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.State, d.SubmittedAt });
        b.Ignore(d => d.HasPendingChange);
        // Pointers into the lesson's own history; a removed revision only clears them.
        b.HasOne<LessonRevision>().WithMany().HasForeignKey(d => d.BaseRevisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LessonRevision>().WithMany().HasForeignKey(d => d.LastRevisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LessonRevision>().WithMany().HasForeignKey(d => d.SubmittedRevisionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LessonMediaConfiguration : IEntityTypeConfiguration<LessonMedia>
{
    public void Configure(EntityTypeBuilder<LessonMedia> b)
    {
        b.HasKey(m => new { m.LessonId, m.Path });
        b.Property(m => m.Path).HasMaxLength(LessonContent.MaxPathLength);
        b.Property(m => m.Description).HasMaxLength(LessonMedia.MaxDescriptionLength);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.AddedBy).HasMaxLength(100);
        b.HasOne<Lesson>().WithMany().HasForeignKey(m => m.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Asset).WithMany().HasForeignKey(m => m.MediaAssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.MediaAssetId);
    }
}
