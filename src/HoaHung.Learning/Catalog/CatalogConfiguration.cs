using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Catalog;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(80);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Property(t => t.Icon).HasMaxLength(30);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.HasIndex(l => l.Slug).IsUnique();
        b.HasIndex(l => new { l.Status, l.TopicId, l.Order });
        b.HasIndex(l => new { l.Status, l.PublishedAt });
        b.Property(l => l.Slug).HasMaxLength(80);
        b.Property(l => l.Title).HasMaxLength(LessonContent.MaxTitleLength);
        b.Property(l => l.Summary).HasMaxLength(LessonContent.MaxSummaryLength);
        b.Property(l => l.Tags).HasMaxLength(LessonContent.MaxTagsLength);
        b.Property(l => l.QuizTitle).HasMaxLength(200);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.Property(l => l.Team).HasMaxLength(100);
        b.HasIndex(l => l.AuthorId);
        b.HasIndex(l => l.Team);
        // No foreign key to AspNetUsers: adding one makes SQLite rebuild the table, which drops its search triggers.
        // Deleting an account clears it instead (Studio.StudioPersonalData).
        b.Property(l => l.AuthorId).HasMaxLength(100);
        b.HasOne(l => l.Topic).WithMany(t => t.Lessons).HasForeignKey(l => l.TopicId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Revisions).WithOne(r => r.Lesson).HasForeignKey(r => r.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.PublishedRevision).WithMany().HasForeignKey(l => l.PublishedRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LessonRevisionConfiguration : IEntityTypeConfiguration<LessonRevision>
{
    public void Configure(EntityTypeBuilder<LessonRevision> b)
    {
        b.HasIndex(r => new { r.LessonId, r.Number }).IsUnique();
        b.Property(r => r.Title).HasMaxLength(LessonContent.MaxTitleLength);
        b.Property(r => r.Summary).HasMaxLength(LessonContent.MaxSummaryLength);
        b.Property(r => r.TopicSlug).HasMaxLength(LessonContent.MaxTopicLength);
        b.Property(r => r.Tags).HasMaxLength(LessonContent.MaxTagsLength);
        b.Property(r => r.SourceHash).HasMaxLength(64);
        b.Property(r => r.VideoUrl).HasMaxLength(LessonContent.MaxVideoUrlLength);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        b.HasMany(r => r.Media).WithOne().HasForeignKey(m => m.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RevisionMediaConfiguration : IEntityTypeConfiguration<RevisionMedia>
{
    public void Configure(EntityTypeBuilder<RevisionMedia> b)
    {
        b.HasKey(m => new { m.RevisionId, m.Path });
        b.Property(m => m.Path).HasMaxLength(300);
        b.HasOne<Media.MediaAsset>().WithMany().HasForeignKey(m => m.MediaAssetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LearningPathConfiguration : IEntityTypeConfiguration<LearningPath>
{
    public void Configure(EntityTypeBuilder<LearningPath> b)
    {
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(80);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Summary).HasMaxLength(400);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.SourceHash).HasMaxLength(64);
        b.HasMany(p => p.Lessons).WithOne().HasForeignKey(pl => pl.PathId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lesson>().WithMany().HasForeignKey(p => p.EntryTestId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PathLessonConfiguration : IEntityTypeConfiguration<PathLesson>
{
    public void Configure(EntityTypeBuilder<PathLesson> b)
    {
        b.HasKey(pl => new { pl.PathId, pl.Position });
        b.HasIndex(pl => pl.LessonId);
        b.HasOne(pl => pl.Lesson).WithMany().HasForeignKey(pl => pl.LessonId).OnDelete(DeleteBehavior.Cascade);
    }
}
