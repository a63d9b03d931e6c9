using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using LessonMedia = HoaHung.Learning.Studio.LessonMedia;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Packs;

public sealed partial class PackImporter
{
    private const string PackAuthor = "pack";

    /// <summary>
    /// Writes the checked pack inside the caller's transaction: missing topics, each lesson's files through the media
    /// library, then per lesson a draft lesson, its working copy, its media library and a first revision.
    /// </summary>
    /// <returns>The report, or null with every file the media library refused.</returns>
    private async Task<(PackReport? Report, List<PackProblem> Problems)> WriteAsync(ContentSet set, string folder, StudioActor? actor,
        List<MediaAsset> stored, CancellationToken ct)
    {
        var problems = new List<PackProblem>();
        var now = clock.GetUtcNow().UtcDateTime;

        // Files first, every one of them, so the report names every file refused (the media library saves as it goes).
        var assets = new Dictionary<string, Dictionary<string, MediaAsset>>(StringComparer.Ordinal);
        foreach (var source in set.Lessons)
        {
            var files = assets[source.Slug] = new(StringComparer.Ordinal);
            foreach (var (name, full) in source.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var result = await StoreAsync(name, full, ct);
                if (result is MediaResult.Stored { Asset: var asset })
                {
                    files[name] = asset;
                    stored.Add(asset);
                }
                else if (((MediaResult.Rejected)result).ReasonKey == MediaReasons.DiskFull)
                {
                    return (null, [new PackProblem(full, MediaReasons.DiskFull)]); // the next files would not fit either
                }
                else
                {
                    problems.Add(new PackProblem(full, ((MediaResult.Rejected)result).ReasonKey));
                }
            }
        }
        if (problems.Count > 0)
            return (null, problems);

        var topics = await db.Topics.ToDictionaryAsync(t => t.Slug, ct);
        var topicsAdded = new List<string>();
        var order = topics.Count == 0 ? 0 : topics.Values.Max(t => t.Order);
        foreach (var t in set.Topics.Where(t => !topics.ContainsKey(t.Slug) && set.Lessons.Any(l => l.Content.Topic == t.Slug)))
        {
            // A draft, like the pack's lessons: nobody sees it until a reviewer publishes one of its lessons.
            topics[t.Slug] = db.Topics.Add(new Topic { Slug = t.Slug, Title = t.Title, Description = t.Description, Icon = t.Icon, Order = ++order, IsDraft = true }).Entity;
            topicsAdded.Add(t.Title);
        }
        await db.SaveChangesAsync(ct);

        var existingPaths = (await db.LearningPaths.AsNoTracking().Select(p => p.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var taken = (await db.Lessons.AsNoTracking().Select(l => l.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = new List<(LessonSource Source, Lesson Lesson, LessonDraft Draft, LessonRevision Revision)>();
        foreach (var source in set.Lessons)
        {
            var slug = FreeSlug(source.Slug, taken);
            taken.Add(slug);
            // The pack's paths it is in and is the entry test of: applied when a reviewer publishes it (new paths are added below).
            var (content, refusal) = (source.Content with
            {
                Paths = [.. set.Paths.Where(p => p.Lessons.Contains(source.Slug)).Select(p => p.Slug)],
                EntryTestFor = [.. set.Paths.Where(p => p.EntryTest == source.Slug).Select(p => p.Slug)],
            }).Clean();
            if (content is null)
            {
                problems.Add(new PackProblem(Path.Combine(folder, "lessons", source.Slug, LessonFile.FileName), refusal!));
                continue;
            }
            var lesson = db.Lessons.Add(new Lesson
            {
                Slug = slug, TopicId = topics[content.Topic].Id, Status = LessonStatus.Draft, AuthorId = actor?.Id, Team = actor?.Team,
                CreatedAt = now, UpdatedAt = now,
            }).Entity;
            var draft = new LessonDraft { Lesson = lesson, CreatedAt = now, UpdatedAt = now, UpdatedBy = actor?.Id, BaseVersion = 0, Order = source.Order };
            draft.Apply(content);
            db.LessonDrafts().Add(draft);
            var revision = NewRevision(source, content, assets[source.Slug], actor, now);
            lesson.Revisions.Add(revision);
            added.Add((source, lesson, draft, revision));
        }
        if (problems.Count > 0)
            return (null, problems);
        await db.SaveChangesAsync(ct);
        await AddPathsAsync(set, added.ToDictionary(a => a.Source.Slug, a => a.Lesson, StringComparer.Ordinal), existingPaths, ct);

        foreach (var (source, lesson, draft, revision) in added)
        {
            (draft.LastRevisionId, draft.LastRevisionVersion) = (revision.Id, draft.Version);
            var descriptions = Descriptions(source);
            foreach (var (path, asset) in assets[source.Slug])
                db.LessonMedia().Add(new LessonMedia
                {
                    LessonId = lesson.Id, Path = path, MediaAssetId = asset.Id, Kind = asset.Kind, AddedAt = now, AddedBy = actor?.Id,
                    Description = descriptions.GetValueOrDefault(path, "") is { Length: <= LessonMedia.MaxDescriptionLength } d ? d : "",
                });
        }
        await db.SaveChangesAsync(ct);

        var report = new PackReport(
            [.. added.Select(a => new PackLesson(a.Lesson.Slug, a.Source.Slug, a.Source.Content.Title, assets[a.Source.Slug].Count))],
            topicsAdded,
            [.. set.Paths.Select(p => p.Slug).Where(existingPaths.Contains)],
            [.. set.Paths.Where(p => !existingPaths.Contains(p.Slug)).Select(p => p.Title)],
            assets.Values.Sum(a => a.Count));
        return (report, problems);
    }

    private static string FreeSlug(string slug, HashSet<string> taken)
    {
        var stem = slug.Length > 76 ? slug[..76].TrimEnd('-') : slug;
        return taken.Contains(slug) ? LessonSlugs.Candidates(stem).Skip(1).First(s => !taken.Contains(s)) : slug;
    }

    private static LessonRevision NewRevision(LessonSource s, LessonContent content, Dictionary<string, MediaAsset> files, StudioActor? actor, DateTime now)
    {
        var revision = new LessonRevision
        {
            Number = 1,
            Source = RevisionSource.Author, // not Import: a content-folder import must never publish it over the review
            Order = s.Order, CreatedAt = now, CreatedBy = actor?.Id ?? PackAuthor,
            Media = [.. files.Select(f => new RevisionMedia { Path = f.Key, MediaAssetId = f.Value.Id })],
        };
        revision.Apply(content, QuizDefinition.FromJson(s.QuizJson), files.ToDictionary(f => f.Key, f => (f.Value.Id, f.Value.Kind), StringComparer.Ordinal));
        return revision;
    }

    /// <summary>Each picture's description: the body's alt text, the text of the quiz option that shows it, or the lesson's title.</summary>
    private Dictionary<string, string> Descriptions(LessonSource s)
    {
        var descriptions = new Dictionary<string, string>(markdown.ImageDescriptions(s.Content.Body), StringComparer.Ordinal);
        if (QuizDefinition.FromJson(s.QuizJson) is { } quiz)
            foreach (var option in quiz.Questions.OfType<ChoiceQuestion>().SelectMany(q => q.Options))
                if (option.Image is { } image && !string.IsNullOrWhiteSpace(option.Text))
                    descriptions.TryAdd(image, option.Text);
        foreach (var still in new[] { s.Content.PosterPath, s.Content.CoverPath }.OfType<string>())
            descriptions.TryAdd(still, s.Content.Title); // a video's poster and the cover stand for the lesson itself
        return descriptions;
    }

    /// <summary>
    /// A file of the unpacked pack through the media library, with the studio's rule on pictures (JPEG, PNG or WebP
    /// by their bytes); videos are streamed, pictures and captions read up to their limit.
    /// </summary>
    private async Task<MediaResult> StoreAsync(string name, string full, CancellationToken ct)
    {
        await using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        if (ContentNames.HasExtension(name, ContentNames.VideoExtensions))
            return await media.AddVideoAsync(stream, ct);
        var (bytes, tooLarge) = ContentFiles.ReadAtMost(stream, ContentReader.MaxReferencedFileBytes);
        if (tooLarge)
            return new MediaResult.Rejected(MediaReasons.ImageTooLarge);
        if (Path.GetExtension(name).Equals(".vtt", StringComparison.OrdinalIgnoreCase))
            return await media.AddCaptionsAsync(bytes!, ct);
        if (ImageSignature.Detect(bytes!) is not (ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.WebP))
            return new MediaResult.Rejected(MediaReasons.ImageUnsupportedFormat);
        return await media.AddImageAsync(bytes!, ct);
    }
}
