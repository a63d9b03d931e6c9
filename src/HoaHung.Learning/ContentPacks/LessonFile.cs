using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// <c>lessons/{slug}/index.md</c>: front matter and Markdown body, with the media it refers to and its quiz.yml.
/// Every problem of the lesson is reported against its file, and the lesson is skipped.
/// </summary>
internal sealed class LessonFile(LessonMarkdown markdown)
{
    public const string FileName = "index.md";

    /// <summary>The tags are stored joined by ", " in a column of this length (Catalog/CatalogConfiguration.cs).</summary>
    private const int MaxTagsLength = 1000;

    public LessonSource? Read(string slug, string folder, HashSet<string> topicSlugs, List<ContentProblem> problems)
    {
        var file = Path.Combine(folder, FileName);
        if (ContentFiles.ReadText(file, problems) is not var (text, bytes))
            return null;
        var (yaml, body, splitError) = FrontMatter.Split(text);
        if (splitError is not null) { problems.Add(new(file, splitError)); return null; }
        var (fm, yamlError) = SafeYaml.Read<LessonFrontMatter>(yaml!);
        if (yamlError is not null) { problems.Add(new(file, yamlError)); return null; }

        var errors = new List<string>();
        var title = TextCleaning.OneLine(fm!.Title);
        if (title.Length is 0 or > 200) errors.Add("thiếu tiêu đề (title) hoặc dài quá 200 ký tự");
        var summary = TextCleaning.OneLine(fm.Summary);
        if (summary.Length is 0 or > 400) errors.Add("thiếu tóm tắt (summary) hoặc dài quá 400 ký tự");
        if (string.IsNullOrEmpty(fm.Topic) || !topicSlugs.Contains(fm.Topic)) errors.Add($"chủ đề (topic) '{fm.Topic}' không có trong topics.yml");
        if (!TryEnum(fm.Type ?? "tutorial", out LessonType type)) errors.Add($"loại bài (type) '{fm.Type}' không hợp lệ: dùng tutorial, video hoặc quiz");
        if (!TryEnum(fm.Level ?? "beginner", out LessonLevel level)) errors.Add($"mức độ (level) '{fm.Level}' không hợp lệ: dùng beginner, intermediate hoặc advanced");
        var minutes = fm.Minutes ?? 5;
        if (minutes is < 1 or > 180) errors.Add("thời lượng (minutes) phải từ 1 đến 180");
        var tags = (fm.Tags ?? []).Select(TextCleaning.OneLine).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > 30 || tags.Any(t => t.Length > 60)) errors.Add("tối đa 30 từ khóa (tags), mỗi từ khóa tối đa 60 ký tự");
        else if (JoinTags(tags).Length > MaxTagsLength) errors.Add($"các từ khóa (tags) cộng lại dài quá {MaxTagsLength} ký tự");
        body = TextCleaning.Clean(body);

        var files = new ReferencedFiles(folder, FileName);
        var (video, videoUrl, captions, poster, cover) = LessonMedia.Resolve(fm, type, body, files, markdown, errors);
        var (quiz, quizFile, quizFailed) = LessonQuiz.Read(folder, title, type, files, errors, problems);

        if (errors.Count > 0)
            problems.Add(new(file, string.Join("; ", errors)));
        if (errors.Count > 0 || quizFailed)
            return null;
        var hash = ContentFiles.HashLesson(bytes, files.Found, quizFile);
        return new LessonSource(slug, title, summary, fm.Topic!, type, level, minutes, fm.Order ?? 100, tags, body,
            cover, video, videoUrl, poster, captions, files.Found, hash, quiz?.ToJson());
    }

    /// <summary>The tags as a revision stores them: one list, a tag written "a, b" counting as two.</summary>
    public static string JoinTags(IEnumerable<string> tags) =>
        string.Join(", ", tags.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    private static bool TryEnum<T>(string value, out T result) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);
}
