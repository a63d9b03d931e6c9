using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary><c>paths/{slug}.yml</c>: learning paths, each an ordered list of lessons read from the same folder.</summary>
internal static class PathFiles
{
    public static List<PathSource> Read(string root, HashSet<string> lessonSlugs, List<ContentProblem> problems)
    {
        var result = new List<PathSource>();
        var dir = Path.Combine(root, "paths");
        if (!ContentFiles.IsFolder(dir, problems))
            return result;
        var order = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.yml").Order(StringComparer.Ordinal))
        {
            if (ContentFiles.Guard(file, problems, () => ReadPath(file, lessonSlugs, order + 1, problems)) is { } path)
            {
                result.Add(path);
                order++;
            }
        }
        return result;
    }

    private static PathSource? ReadPath(string file, HashSet<string> lessonSlugs, int order, List<ContentProblem> problems)
    {
        var slug = Path.GetFileNameWithoutExtension(file);
        if (!ContentNames.IsSlug(slug)) { problems.Add(new(file, ContentReasons.PathFileNotSlug)); return null; }
        if (ContentFiles.ReadText(file, problems) is not var (text, bytes)) return null;
        var (p, error) = SafeYaml.Read<PathYaml>(text);
        if (error is not null) { problems.Add(new(file, error)); return null; }
        var title = TextCleaning.OneLine(p!.Title);
        var lessons = (p.Lessons ?? []).Select(s => s?.Trim() ?? "").ToList();
        var unknown = lessons.Where(s => !lessonSlugs.Contains(s)).ToList();
        var errors = new List<Reason>();
        if (title.Length is 0 or > 200) errors.Add(new(ContentReasons.PathTitle));
        if (lessons.Count is < 2 or > 30) errors.Add(new(ContentReasons.PathLessonCount));
        if (unknown.Count > 0) errors.Add(new(ContentReasons.PathUnknownLessons, string.Join(", ", unknown.Take(5))));
        if (lessons.Distinct().Count() != lessons.Count) errors.Add(new(ContentReasons.PathLessonTwice));
        var entryTest = string.IsNullOrWhiteSpace(p.EntryTest) ? null : p.EntryTest.Trim();
        if (entryTest is not null && !lessonSlugs.Contains(entryTest)) errors.Add(new(ContentReasons.PathUnknownEntryTest, entryTest));
        if (errors.Count > 0) { problems.Add(new(file, Reason.All(errors))); return null; }
        return new PathSource(slug, title, TextCleaning.Truncate(TextCleaning.OneLine(p.Summary), 400),
            TextCleaning.Truncate(TextCleaning.Clean(p.Description).Trim(), 4000), lessons, order, ContentFiles.HashText(bytes)) { EntryTest = entryTest };
    }

    private sealed class PathYaml
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Description { get; set; }
        public List<string?>? Lessons { get; set; }
        public string? EntryTest { get; set; }
    }
}
