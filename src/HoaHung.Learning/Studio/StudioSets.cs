using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Studio;

/// <summary>The studio's tables, reached like the other features' (no DbSet properties on the shared context).</summary>
public static class StudioSets
{
    public static DbSet<LessonDraft> LessonDrafts(this LearningDbContext db) => db.Set<LessonDraft>();

    public static DbSet<LessonMedia> LessonMedia(this LearningDbContext db) => db.Set<LessonMedia>();
}
