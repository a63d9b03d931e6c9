using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Data;

/// <summary>
/// The one context of the application, Identity and Data Protection keys included. Each provider has a
/// derived context (<see cref="SqliteLearningDbContext"/>, <see cref="PostgresLearningDbContext"/>) that
/// only exists so that each provider keeps its own migrations.
/// </summary>
public abstract class LearningDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<LessonRevision> LessonRevisions => Set<LessonRevision>();
    public DbSet<RevisionMedia> RevisionMedia => Set<RevisionMedia>();
    public DbSet<LearningPath> LearningPaths => Set<LearningPath>();
    public DbSet<PathLesson> PathLessons => Set<PathLesson>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<MediaRendition> MediaRenditions => Set<MediaRendition>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LearningDbContext).Assembly);
    }
}

public sealed class SqliteLearningDbContext(DbContextOptions<SqliteLearningDbContext> options)
    : LearningDbContext(options);

public sealed class PostgresLearningDbContext(DbContextOptions<PostgresLearningDbContext> options)
    : LearningDbContext(options);
