using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// Reads a content folder (docs/architecture.md §5, content/README.md) into validated sources, one reader per kind of
/// file: <see cref="TopicsFile"/>, <see cref="LessonFile"/> (with <see cref="LessonMedia"/> and <see cref="LessonQuiz"/>),
/// <see cref="PathFiles"/>. Every field is untrusted: a malformed file becomes a <see cref="ContentProblem"/> naming
/// the file and the reason (<see cref="ContentReasons"/>, worded by the web), and is skipped.
/// </summary>
public sealed class ContentReader(LessonMarkdown markdown)
{
    public const long MaxMarkdownBytes = 512 * 1024;
    public const long MaxReferencedFileBytes = 200L * 1024 * 1024;

    private readonly LessonFile lessonFile = new(markdown);

    public static bool IsSlug(string? s) => ContentNames.IsSlug(s);

    public ContentSet Read(string directory)
    {
        var problems = new List<ContentProblem>();
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(root, ContentReasons.NoContentFolder));
            return new ContentSet([], [], [], problems);
        }
        // Each reader reports what it cannot use file by file; Guard turns anything else (an unreadable folder) into a problem.
        var topics = ContentFiles.Guard(Path.Combine(root, TopicsFile.FileName), problems, () => TopicsFile.Read(root, problems)) ?? [];
        var topicSlugs = topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var lessons = ContentFiles.Guard(Path.Combine(root, "lessons"), problems, () => ReadLessons(root, topicSlugs, problems)) ?? [];
        var lessonSlugs = lessons.Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
        var paths = ContentFiles.Guard(Path.Combine(root, "paths"), problems, () => PathFiles.Read(root, lessonSlugs, problems)) ?? [];
        return new ContentSet(topics, paths, lessons, problems);
    }

    private List<LessonSource> ReadLessons(string root, HashSet<string> topicSlugs, List<ContentProblem> problems)
    {
        var result = new List<LessonSource>();
        var dir = Path.Combine(root, "lessons");
        if (!ContentFiles.IsFolder(dir, problems))
            return result;
        foreach (var folder in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileName(folder);
            if (slug.StartsWith('_') || slug.StartsWith('.'))
                continue;
            if (!IsSlug(slug)) { problems.Add(new(folder, ContentReasons.LessonFolderNotSlug)); continue; }
            if (!ContentFiles.IsFolder(folder, problems)) continue;
            var file = Path.Combine(folder, LessonFile.FileName);
            if (FileKinds.Of(file) == FileKinds.FileKind.Missing) { problems.Add(new(folder, ContentReasons.NoIndex)); continue; }
            if (ContentFiles.Guard(file, problems, () => lessonFile.Read(slug, folder, topicSlugs, problems)) is { } lesson)
                result.Add(lesson);
        }
        return result;
    }
}
