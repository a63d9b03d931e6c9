using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary><c>paths/{slug}.yml</c>: learning paths, each an ordered list of lessons read from the same folder.</summary>
internal static class PathFiles
{
    public static List<PathSource> Read(string root, HashSet<string> lessonSlugs, List<ContentProblem> problems)
    {
        var result = new List<PathSource>();
        var dir = Path.Combine(root, "paths");
        if (!Directory.Exists(dir))
            return result;
        var order = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.yml").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            if (!ContentNames.IsSlug(slug)) { problems.Add(new(file, "tên tệp lộ trình phải là slug: chữ thường không dấu, số và dấu gạch ngang")); continue; }
            var text = ContentFiles.ReadText(file, problems);
            if (text is null) continue;
            var (p, error) = SafeYaml.Read<PathYaml>(text);
            if (error is not null) { problems.Add(new(file, error)); continue; }
            var title = TextCleaning.OneLine(p!.Title);
            var lessons = (p.Lessons ?? []).Select(s => s?.Trim() ?? "").ToList();
            var unknown = lessons.Where(s => !lessonSlugs.Contains(s)).ToList();
            var errors = new List<string>();
            if (title.Length is 0 or > 200) errors.Add("thiếu tên lộ trình (title) hoặc dài quá 200 ký tự");
            if (lessons.Count is < 2 or > 30) errors.Add("lộ trình cần từ 2 đến 30 bài học (lessons)");
            if (unknown.Count > 0) errors.Add($"không tìm thấy bài học: {string.Join(", ", unknown.Take(5))}");
            if (lessons.Distinct().Count() != lessons.Count) errors.Add("một bài học xuất hiện hai lần");
            if (errors.Count > 0) { problems.Add(new(file, string.Join("; ", errors))); continue; }
            order++;
            result.Add(new PathSource(slug, title, ContentFiles.Truncate(TextCleaning.OneLine(p.Summary), 400),
                ContentFiles.Truncate(TextCleaning.Clean(p.Description).Trim(), 4000), lessons, order, ContentFiles.HashText(text)));
        }
        return result;
    }

    private sealed class PathYaml
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Description { get; set; }
        public List<string?>? Lessons { get; set; }
    }
}
