using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Catalog;

/// <summary>
/// Reads the published library for the learner pages and the public API. What every reader sees alike comes from
/// <see cref="CatalogCache"/> (dropped on every catalog change), so pages the output cache cannot share — a signed-in
/// reader's — cost no catalog query.
/// </summary>
public sealed class LessonCatalog(LearningDbContext db, LessonMarkdown markdown, IMemoryCache cache, CatalogCache views, IMediaStore media)
{
    public const int MaxPageSize = 50;
    private static readonly Dictionary<string, MediaAsset> NoFiles = [];

    private IQueryable<Lesson> Published => db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published);

    private static IQueryable<LessonCard> Cards(IQueryable<Lesson> lessons) => lessons.Select(LessonCard.FromLesson);

    /// <summary>Every published lesson's card and every learning path's lessons (cached).</summary>
    public async Task<LibraryIndex> IndexAsync(CancellationToken ct) => (await views.GetAsync("index", async () =>
    {
        var cards = await Cards(Published).ToListAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking().Where(p => !p.IsDraft).OrderBy(p => p.Order)
            .Select(p => new
            {
                p.Slug,
                p.Title,
                Lessons = p.Lessons.Where(pl => pl.Lesson.Status == LessonStatus.Published).OrderBy(pl => pl.Position)
                    .Select(pl => pl.LessonId).ToList(),
            })
            .ToListAsync(ct);
        return new LibraryIndex(cards.ToDictionary(c => c.Id), cards.ToDictionary(c => c.Slug, StringComparer.Ordinal),
            paths.Select(p => new PathLessons(p.Slug, p.Title, p.Lessons)).ToList());
    }));

    /// <summary>The cards of those of <paramref name="ids"/> that are published, by id.</summary>
    public async Task<Dictionary<int, LessonCard>> CardsAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var index = await IndexAsync(ct);
        return ids.Distinct().Where(index.ById.ContainsKey).ToDictionary(id => id, id => index.ById[id]);
    }

    /// <summary>A published lesson's card by its slug, for the endpoints that record progress in it.</summary>
    public async Task<LessonCard?> CardAsync(string slug, CancellationToken ct) =>
        (await IndexAsync(ct)).BySlug.GetValueOrDefault(slug);

    public async Task<IReadOnlyList<TopicCard>> TopicsAsync(CancellationToken ct) => (await views.GetAsync("topics", async () =>
        await db.Topics.AsNoTracking().Where(t => !t.IsDraft).OrderBy(t => t.Order)
            .Select(t => new TopicCard(t.Slug, t.Title, t.Description, t.Icon,
                t.Lessons.Count(l => l.Status == LessonStatus.Published)))
            .ToListAsync(ct)));

    public async Task<HomeView> HomeAsync(CancellationToken ct) => (await views.GetAsync("home", () => LoadHomeAsync(ct)));

    private async Task<HomeView> LoadHomeAsync(CancellationToken ct)
    {
        var topics = await TopicsAsync(ct);
        var paths = await PathCardsAsync(ct);
        var newest = await Cards(Published.OrderByDescending(l => l.PublishedAt).ThenBy(l => l.Id).Take(6)).ToListAsync(ct);
        return new HomeView(topics, paths, newest);
    }

    public async Task<IReadOnlyList<PathCard>> PathCardsAsync(CancellationToken ct) => (await views.GetAsync("path-cards", async () =>
        await db.LearningPaths.AsNoTracking().Where(p => !p.IsDraft).OrderBy(p => p.Order)
            .Select(p => new PathCard(p.Slug, p.Title, p.Summary,
                p.Lessons.Count(pl => pl.Lesson.Status == LessonStatus.Published),
                p.Lessons.Where(pl => pl.Lesson.Status == LessonStatus.Published).Sum(pl => pl.Lesson.Minutes)))
            .ToListAsync(ct)));

    public Task<TopicView?> TopicAsync(string slug, CancellationToken ct) => views.GetAsync("topic:" + slug, () => LoadTopicAsync(slug, ct));

    private async Task<TopicView?> LoadTopicAsync(string slug, CancellationToken ct)
    {
        var topic = (await TopicsAsync(ct)).FirstOrDefault(t => t.Slug == slug);
        if (topic is null)
            return null;
        var lessons = await Cards(Published.Where(l => l.Topic.Slug == slug).OrderBy(l => l.Order).ThenBy(l => l.Title)).ToListAsync(ct);
        return new TopicView(topic, lessons);
    }

    public Task<PathView?> PathAsync(string slug, CancellationToken ct) => views.GetAsync("path:" + slug, () => LoadPathAsync(slug, ct));

    private async Task<PathView?> LoadPathAsync(string slug, CancellationToken ct)
    {
        var card = (await PathCardsAsync(ct)).FirstOrDefault(p => p.Slug == slug);
        if (card is null)
            return null;
        var row = await db.LearningPaths.AsNoTracking().Where(p => p.Slug == slug).Select(p => new
        {
            p.Id, p.Description,
            Test = db.Lessons.Where(l => l.Id == p.EntryTestId && l.Status == LessonStatus.Published).Select(l => new LessonLink(l.Slug, l.Title)).FirstOrDefault(),
        }).FirstAsync(ct);
        var description = row.Description;
        // Descriptions are simple Markdown (content/README.md) with no files of their own.
        var descriptionHtml = string.IsNullOrWhiteSpace(description) ? "" : markdown.Render(description, new LessonAssets(NoFiles)).Html;
        var lessons = await Cards(db.PathLessons.AsNoTracking()
                .Where(pl => db.LearningPaths.Any(p => p.Slug == slug && p.Id == pl.PathId) && pl.Lesson.Status == LessonStatus.Published)
                .OrderBy(pl => pl.Position).Select(pl => pl.Lesson))
            .ToListAsync(ct);
        return new PathView(card, descriptionHtml, lessons) { PathId = row.Id, EntryTest = row.Test };
    }

    public async Task<LessonPage> LessonsAsync(string? topic, LessonType? type, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = Published;
        if (!string.IsNullOrEmpty(topic))
            query = query.Where(l => l.Topic.Slug == topic);
        if (type is not null)
            query = query.Where(l => l.Type == type);
        var total = await query.CountAsync(ct);
        var items = await Cards(query.OrderBy(l => l.Topic.Order).ThenBy(l => l.Order).ThenBy(l => l.Slug)
            .Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new LessonPage(items, page, pageSize, total);
    }

    public Task<LessonView?> LessonAsync(string slug, CancellationToken ct) => views.GetAsync("lesson:" + slug, () => LoadLessonAsync(slug, ct));

    private async Task<LessonView?> LoadLessonAsync(string slug, CancellationToken ct)
    {
        var lesson = Published.Where(l => l.Slug == slug && l.PublishedRevisionId != null);
        var card = await Cards(lesson).FirstOrDefaultAsync(ct);
        var row = card is null ? null : await lesson
            .Select(l => new
            {
                l.Tags,
                l.TopicId,
                l.PublishedAt,
                l.UpdatedAt,
                Quiz = l.QuizTitle == null ? null : new QuizSummary(l.QuizTitle, l.QuizQuestions, l.QuizPassMark),
                Revision = l.PublishedRevision!,
            })
            .FirstOrDefaultAsync(ct);
        if (card is null || row is null)
            return null;

        var rendered = await RenderAsync(row.Revision, ct);
        var (listening, videoHtml) = await ListeningAsync(card, row.Revision.Title, rendered, ct);
        var paths = await PathPositionsAsync(card.Id, ct);
        var related = await Cards(Published.Where(l => l.TopicId == row.TopicId && l.Id != card.Id)
            .OrderBy(l => l.Order).ThenBy(l => l.Title).Take(4)).ToListAsync(ct);
        var tags = row.Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new LessonView(card, tags, row.PublishedAt ?? row.UpdatedAt, row.UpdatedAt,
            rendered.BodyHtml, videoHtml, rendered.VideoUrl, rendered.CaptionsUrl, rendered.Cover, paths, related, row.Quiz,
            rendered.Transcript, listening);
    }

    private async Task<IReadOnlyList<PathPosition>> PathPositionsAsync(int lessonId, CancellationToken ct)
    {
        var rows = await db.PathLessons.AsNoTracking()
            .Where(pl => db.PathLessons.Any(x => x.LessonId == lessonId && x.PathId == pl.PathId)
                && pl.Lesson.Status == LessonStatus.Published)
            .Select(pl => new { pl.PathId, pl.Position, pl.LessonId, pl.Lesson.Slug, pl.Lesson.Title })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var pathIds = rows.Select(r => r.PathId).Distinct().ToList();
        var paths = await db.LearningPaths.AsNoTracking().Where(p => pathIds.Contains(p.Id) && !p.IsDraft)
            .OrderBy(p => p.Order).Select(p => new { p.Id, p.Slug, p.Title }).ToListAsync(ct);
        return paths.Select(p =>
        {
            var ordered = rows.Where(r => r.PathId == p.Id).OrderBy(r => r.Position).ToList();
            var index = ordered.FindIndex(r => r.LessonId == lessonId);
            LessonLink? Link(int i) => i >= 0 && i < ordered.Count ? new LessonLink(ordered[i].Slug, ordered[i].Title) : null;
            return new PathPosition(p.Slug, p.Title, index + 1, ordered.Count, Link(index - 1), Link(index + 1));
        }).ToList();
    }

    private sealed record Rendered(string BodyHtml, string? VideoHtml, string? VideoUrl, string? CaptionsUrl, PictureView? Cover,
        IReadOnlyList<string> Transcript, VideoAsset? Video = null, Guid? VideoAssetId = null);

    /// <summary>
    /// The parts read aloud and the files the background work (<see cref="Renditions.MediaWork"/>) has made so far, in one
    /// query; the player's source becomes the 360p rendition once there is one (the original stays for staff).
    /// Not cached with the revision's HTML: a file made later reaches the page when the work announces it.
    /// </summary>
    private async Task<(ListeningView, string? VideoHtml)> ListeningAsync(LessonCard card, string title, Rendered rendered, CancellationToken ct)
    {
        var parts = ReadAloud.ReadingParts.Of(card.Title, card.Summary, rendered.BodyHtml);
        var keys = parts.Select(p => p.Key).Distinct().ToList();
        var videoId = rendered.VideoAssetId;
        var files = await db.MediaRenditions.AsNoTracking()
            .Where(r => keys.Contains(r.Key) || (videoId != null && r.SourceAssetId == videoId))
            .ToListAsync(ct);
        static MediaFileView View(MediaRendition r) => new(MediaUrls.Prefix + r.FileName, r.ContentType, r.Bytes, r.DurationMs);
        var speech = files.Where(f => f.Kind == RenditionKind.Speech).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var audio = parts.Where(p => speech.ContainsKey(p.Key)).ToDictionary(p => p.Number, p => View(speech[p.Key]));
        var versions = files.Where(f => f.Kind != RenditionKind.Speech && f.SourceAssetId == videoId)
            .OrderBy(f => f.Kind switch { RenditionKind.Video240 => 0, RenditionKind.Video360 => 1, _ => 2 })
            .Select(f => new VideoVersionView(f.Kind, View(f))).ToList();
        var videoHtml = rendered.VideoHtml;
        if (rendered.Video is { } video && versions.FirstOrDefault(v => v.Kind == RenditionKind.Video360) is { } normal)
            videoHtml = markdown.RenderVideo(video with { Src = normal.File.Url, ContentType = normal.File.ContentType }, title);
        return (new ListeningView(parts, audio, versions), videoHtml);
    }

    /// <summary>What is said in the video, from its captions: shown under the player and printed with the lesson.</summary>
    private async Task<IReadOnlyList<string>> TranscriptAsync(MediaAsset captions, CancellationToken ct)
    {
        var name = MediaFileNames.MainFile(captions);
        if (!media.Exists(name))
            return [];
        await using var stream = media.OpenRead(name);
        using var reader = new StreamReader(stream);
        return CaptionsText.Lines(await reader.ReadToEndAsync(ct));
    }

    /// <summary>Revisions never change, so their rendering is cached by revision id.</summary>
    private async Task<Rendered> RenderAsync(LessonRevision revision, CancellationToken ct)
    {
        if (cache.TryGetValue(("lesson-html", revision.Id), out Rendered? hit))
            return hit!;
        var files = await db.RevisionMedia.AsNoTracking().Where(m => m.RevisionId == revision.Id)
            .Join(db.MediaAssets.AsNoTracking(), m => m.MediaAssetId, a => a.Id, (m, a) => new { m.Path, Asset = a })
            .ToDictionaryAsync(x => x.Path, x => x.Asset, StringComparer.Ordinal, ct);
        var assets = new LessonAssets(files);
        var byId = files.Values.DistinctBy(a => a.Id).ToDictionary(a => a.Id);
        MediaAsset? Asset(Guid? id) => id is { } g ? byId.GetValueOrDefault(g) : null;

        var body = markdown.Render(revision.Body, assets).Html;
        string? videoHtml = null, videoUrl = null, captionsUrl = null;
        VideoAsset? local = null;
        IReadOnlyList<string> transcript = [];
        if (Asset(revision.VideoMediaId) is { } video)
        {
            var captions = Asset(revision.CaptionsMediaId);
            var poster = Asset(revision.PosterMediaId);
            videoUrl = MediaUrls.FileUrl(video);
            captionsUrl = captions is null ? null : MediaUrls.FileUrl(captions);
            if (captions is not null)
                transcript = await TranscriptAsync(captions, ct);
            local = new VideoAsset(videoUrl, video.ContentType, captionsUrl, poster is null ? null : MediaUrls.ImageFallbackUrl(poster));
            videoHtml = markdown.RenderVideo(local, revision.Title);
        }
        else if (revision.VideoUrl is not null)
        {
            videoUrl = revision.VideoUrl;
            videoHtml = markdown.RenderYouTube(revision.VideoUrl, revision.Title);
        }
        var coverAsset = Asset(revision.CoverMediaId) ?? Asset(revision.PosterMediaId)
            ?? files.Values.FirstOrDefault(a => a.Kind == MediaKind.Image);
        var cover = coverAsset is null ? null : new PictureView(MediaUrls.ImageFallbackUrl(coverAsset), coverAsset.Width ?? 0, coverAsset.Height ?? 0);

        var rendered = new Rendered(body, videoHtml, videoUrl, captionsUrl, cover, transcript, local,
            local is null ? null : revision.VideoMediaId);
        cache.Set(("lesson-html", revision.Id), rendered, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(6) });
        return rendered;
    }
}
