using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Search;

/// <summary>
/// Finds published lessons by folded words (so "dang ky vneid" finds "Đăng ký VNeID"): every word must
/// appear in the lesson's folded text; lessons whose title holds the words rank first.
/// </summary>
public sealed class LessonSearch(LearningDbContext db)
{
    public const int MaxQueryLength = 200;
    private const int MaxWords = 8;
    private const int MaxCandidates = 500;

    public async Task<IReadOnlyList<LessonCard>> SearchAsync(string? query, int limit, CancellationToken ct)
    {
        var words = TextFolding.Words(query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query)
            .Take(MaxWords).ToArray();
        if (words.Length == 0)
            return [];
        var lessons = db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published);
        foreach (var word in words)
            lessons = lessons.Where(l => l.SearchText.Contains(word));
        var candidates = await lessons.Take(MaxCandidates)
            .Select(l => new
            {
                Card = new LessonCard(l.Slug, l.Title, l.Summary, l.Type, l.Level, l.Minutes, l.Topic.Slug, l.Topic.Title),
                l.Tags,
            })
            .ToListAsync(ct);
        var phrase = string.Join(' ', words);
        return candidates
            .Select(c =>
            {
                var title = TextFolding.Fold(c.Card.Title);
                var tags = TextFolding.Fold(c.Tags);
                var score = (title.Contains(phrase) ? 100 : 0)
                    + words.Count(w => title.Contains(w)) * 10
                    + words.Count(w => tags.Contains(w)) * 3
                    + words.Count(w => TextFolding.Fold(c.Card.Summary).Contains(w));
                return (c.Card, score);
            })
            .OrderByDescending(x => x.score).ThenBy(x => x.Card.Title, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, 100))
            .Select(x => x.Card)
            .ToList();
    }
}
