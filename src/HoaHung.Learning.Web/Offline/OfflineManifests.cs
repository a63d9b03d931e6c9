using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Web.Layout;

namespace HoaHung.Learning.Web.Offline;

/// <summary>One file a saved lesson keeps: its URL, its size, and the other renditions of the same picture the page may ask for instead.</summary>
public sealed record OfflineFile(string Url, long Bytes, IReadOnlyList<string> Also);

/// <summary>
/// What saving a lesson takes (docs/architecture.md §3, "Offline"): its page, and every file the page references —
/// pictures in their phone-sized rendition, video, captions, and any other media the lesson's HTML names. The
/// version changes when the lesson is republished: a saved copy with another version is saved again.
/// </summary>
public sealed record OfflineLesson(string Slug, string Title, string Page, string Version, long Bytes, IReadOnlyList<OfflineFile> Files);

public sealed record OfflinePath(string Slug, string Title, string Page, long Bytes, IReadOnlyList<OfflineLesson> Lessons);

/// <summary>Builds the save lists from what the lesson page shows: the same for every reader, nothing personal.</summary>
public sealed partial class OfflineManifests(LessonCatalog catalog, IMediaStore media)
{
    /// <summary>A video larger than this is not saved with its lesson (the page and its pictures are): a phone's space matters more.</summary>
    public const long MaxVideoBytes = 25L * 1024 * 1024;

    /// <summary>The page's own HTML, as a phone stores it: the lesson's markup plus the layout around it (measured: 9–11 KB).</summary>
    private const long PageOverheadBytes = 12_000;

    public async Task<OfflineLesson?> LessonAsync(string slug, CancellationToken ct) =>
        await catalog.LessonAsync(slug, ct) is { } lesson ? For(lesson) : null;

    public async Task<OfflinePath?> PathAsync(string slug, CancellationToken ct)
    {
        if (await catalog.PathAsync(slug, ct) is not { } path)
            return null;
        var lessons = new List<OfflineLesson>();
        foreach (var card in path.Lessons)
        {
            if (await LessonAsync(card.Slug, ct) is { } lesson)
                lessons.Add(lesson);
        }
        var page = PageOverheadBytes + Encoding.UTF8.GetByteCount(path.DescriptionHtml);
        return new OfflinePath(path.Path.Slug, path.Path.Title, SiteLinks.Path(path.Path.Slug), page + lessons.Sum(l => l.Bytes), lessons);
    }

    /// <summary>The save list of a lesson already read (the lesson page shows its size).</summary>
    public OfflineLesson For(LessonView lesson)
    {
        var html = lesson.BodyHtml + lesson.VideoHtml;
        var names = MediaUrl().Matches(html).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        var files = new List<OfflineFile>();
        foreach (var group in names.GroupBy(PictureKey, StringComparer.Ordinal))
        {
            // A picture's WebP renditions and its fallback: the narrowest WebP is the phone's; the others are kept as
            // "also", so the saved copy answers for them when a phone with a sharp screen asks for a wider one.
            var webp = group.Where(n => RenditionWidth(n) > 0).OrderBy(RenditionWidth).ToList();
            var main = webp.Count > 0 ? webp[0] : group.First();
            var also = group.Where(n => n != main).Select(n => MediaUrls.Prefix + n).ToList();
            var bytes = SizeOf(main);
            if (bytes < 0 || (IsVideo(main) && bytes > MaxVideoBytes))
                continue;
            files.Add(new OfflineFile(MediaUrls.Prefix + main, bytes, also));
        }
        var page = PageOverheadBytes + Encoding.UTF8.GetByteCount(html) + (lesson.Transcript?.Sum(l => Encoding.UTF8.GetByteCount(l) + 8) ?? 0);
        var version = Version(lesson, files);
        return new OfflineLesson(lesson.Card.Slug, lesson.Card.Title, SiteLinks.Lesson(lesson.Card.Slug), version, page + files.Sum(f => f.Bytes), files);
    }

    private long SizeOf(string name)
    {
        if (!media.Exists(name))
            return -1;
        var file = new FileInfo(media.PhysicalPath(name));
        return file.Exists ? file.Length : -1;
    }

    private static string Version(LessonView lesson, IEnumerable<OfflineFile> files)
    {
        var text = new StringBuilder()
            .Append(lesson.PublishedAt.Ticks).Append('|').Append(lesson.UpdatedAt.Ticks).Append('|')
            .Append(lesson.Card.Title).Append('|').Append(lesson.Card.Summary).Append('|').Append(lesson.BodyHtml).Append(lesson.VideoHtml);
        foreach (var f in files)
            text.Append('|').Append(f.Url);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static bool IsVideo(string name) => name.EndsWith(".mp4", StringComparison.Ordinal) || name.EndsWith(".webm", StringComparison.Ordinal);

    /// <summary>"{key}-360.webp" → 360; any other name → 0.</summary>
    private static int RenditionWidth(string name) =>
        Rendition().Match(name) is { Success: true } m && int.TryParse(m.Groups["width"].ValueSpan, out var w) ? w : 0;

    /// <summary>The storage key a picture's files share ("{key}-360.webp", "{key}.jpg"); other files stand alone.</summary>
    private static string PictureKey(string name)
    {
        if (Rendition().Match(name) is { Success: true } m)
            return m.Groups["key"].Value;
        return name.EndsWith(".jpg", StringComparison.Ordinal) || name.EndsWith(".png", StringComparison.Ordinal) ? name[..^4] : name;
    }

    [GeneratedRegex("""(?<![\w.])/media/(?<name>[a-z0-9][a-z0-9._-]{0,120})""")]
    private static partial Regex MediaUrl();

    [GeneratedRegex("""^(?<key>[a-z0-9]+)-(?<width>\d{2,5})\.webp$""")]
    private static partial Regex Rendition();
}
