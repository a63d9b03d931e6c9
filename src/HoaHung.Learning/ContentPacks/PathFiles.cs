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
        if (!ContentNames.IsSlug(slug)) { problems.Add(new(file, "tên tệp lộ trình phải là slug: chữ thường không dấu, số và dấu gạch ngang")); return null; }
        if (ContentFiles.ReadText(file, problems) is not var (text, bytes)) return null;
        var (p, error) = SafeYaml.Read<PathYaml>(text);
        if (error is not null) { problems.Add(new(file, error)); return null; }
        var title = TextCleaning.OneLine(p!.Title);
        var lessons = (p.Lessons ?? []).Select(s => s?.Trim() ?? "").ToList();
        var unknown = lessons.Where(s => !lessonSlugs.Contains(s)).ToList();
        var errors = new List<string>();
        if (title.Length is 0 or > 200) errors.Add("thiếu tên lộ trình (title) hoặc dài quá 200 ký tự");
        if (lessons.Count is < 2 or > 30) errors.Add("lộ trình cần từ 2 đến 30 bài học (lessons)");
        if (unknown.Count > 0) errors.Add($"không tìm thấy bài học: {string.Join(", ", unknown.Take(5))}");
        if (lessons.Distinct().Count() != lessons.Count) errors.Add("một bài học xuất hiện hai lần");
        if (errors.Count > 0) { problems.Add(new(file, string.Join("; ", errors))); return null; }
        return new PathSource(slug, title, TextCleaning.Truncate(TextCleaning.OneLine(p.Summary), 400),
            TextCleaning.Truncate(TextCleaning.Clean(p.Description).Trim(), 4000), lessons, order, ContentFiles.HashText(bytes));
    }

    private sealed class PathYaml
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Description { get; set; }
        public List<string?>? Lessons { get; set; }
    }
}
