using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Studio.Review;

/// <summary>A stored revision read back as working-copy content, with the files it uses by their path.</summary>
public sealed record StoredRevision(LessonRevision Revision, LessonContent Content, IReadOnlyDictionary<string, MediaAsset> Files)
{
    public IReadOnlyDictionary<string, Guid> FileIds => Files.ToDictionary(f => f.Key, f => f.Value.Id, StringComparer.Ordinal);

    /// <summary>The revision of <paramref name="lessonId"/> with this id, or null.</summary>
    public static async Task<StoredRevision?> LoadAsync(LearningDbContext db, int lessonId, int revisionId, CancellationToken ct)
    {
        var revision = await db.LessonRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.LessonId == lessonId, ct);
        if (revision is null)
            return null;
        var files = await db.RevisionMedia.AsNoTracking().Where(m => m.RevisionId == revisionId)
            .Join(db.MediaAssets.AsNoTracking(), m => m.MediaAssetId, a => a.Id, (m, a) => new { m.Path, Asset = a })
            .ToDictionaryAsync(f => f.Path, f => f.Asset, StringComparer.Ordinal, ct);
        return new StoredRevision(revision, revision.ToContent(files.ToDictionary(f => f.Key, f => f.Value.Id, StringComparer.Ordinal)), files);
    }
}
