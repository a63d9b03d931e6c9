using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// Reads a content folder (docs/architecture.md §5, content/README.md) into validated sources. Every field is
/// untrusted: a malformed file becomes a <see cref="ContentProblem"/> naming the file and the reason, and is skipped.
/// </summary>
public sealed partial class ContentReader(LessonMarkdown markdown)
{
    public const long MaxMarkdownBytes = 512 * 1024;
    public const long MaxReferencedFileBytes = 200L * 1024 * 1024;
    private static readonly string[] Icons = ["phone", "id-card", "city", "government", "payment", "shield", "book"];
    private static readonly string[] VideoExtensions = [".mp4", ".webm"];
    private static readonly string[] PictureExtensions = [".png", ".jpg", ".jpeg", ".webp"];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")]
    private static partial Regex FileNamePattern();

    public static bool IsSlug(string? s) => s is not null && SlugPattern().IsMatch(s);

    public ContentSet Read(string directory)
    {
        var problems = new List<ContentProblem>();
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(root, "không tìm thấy thư mục nội dung"));
            return new ContentSet([], [], [], problems);
        }
        var topics = ReadTopics(root, problems);
        var topicSlugs = topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var lessons = ReadLessons(root, topicSlugs, problems);
        var lessonSlugs = lessons.Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
        var paths = ReadPaths(root, lessonSlugs, problems);
        return new ContentSet(topics, paths, lessons, problems);
    }

    private static List<TopicSource> ReadTopics(string root, List<ContentProblem> problems)
    {
        var file = Path.Combine(root, "topics.yml");
        var result = new List<TopicSource>();
        if (!File.Exists(file))
            return result; // a lesson pack may carry no topics; its lessons must then use existing ones
        var text = ReadText(file, problems);
        if (text is null)
            return result;
        var (items, error) = SafeYaml.Read<List<TopicYaml>>(text);
        if (error is not null)
        {
            problems.Add(new ContentProblem(file, error));
            return result;
        }
        var order = 0;
        foreach (var t in items!)
        {
            order++;
            var where = $"{file} (chủ đề thứ {order})";
            if (!IsSlug(t.Slug)) { problems.Add(new(where, "slug phải gồm chữ thường không dấu, số và dấu gạch ngang (2–80 ký tự)")); continue; }
            var title = TextCleaning.OneLine(t.Title);
            if (title.Length is 0 or > 200) { problems.Add(new(where, "thiếu tên chủ đề (title) hoặc dài quá 200 ký tự")); continue; }
            if (result.Any(x => x.Slug == t.Slug)) { problems.Add(new(where, $"slug '{t.Slug}' bị trùng")); continue; }
            var icon = Icons.Contains(t.Icon) ? t.Icon! : "book";
            result.Add(new TopicSource(t.Slug!, title, Truncate(TextCleaning.OneLine(t.Description), 1000), icon, order));
        }
        return result;
    }

    private List<LessonSource> ReadLessons(string root, HashSet<string> topicSlugs, List<ContentProblem> problems)
    {
        var result = new List<LessonSource>();
        var dir = Path.Combine(root, "lessons");
        if (!Directory.Exists(dir))
            return result;
        foreach (var folder in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileName(folder);
            if (slug.StartsWith('_') || slug.StartsWith('.'))
                continue;
            var file = Path.Combine(folder, "index.md");
            if (!IsSlug(slug)) { problems.Add(new(folder, "tên thư mục bài học phải là slug: chữ thường không dấu, số và dấu gạch ngang")); continue; }
            if (!File.Exists(file)) { problems.Add(new(folder, "thiếu tệp index.md")); continue; }
            var lesson = ReadLesson(slug, folder, file, topicSlugs, problems);
            if (lesson is not null)
                result.Add(lesson);
        }
        return result;
    }

    private LessonSource? ReadLesson(string slug, string folder, string file, HashSet<string> topicSlugs, List<ContentProblem> problems)
    {
        var text = ReadText(file, problems);
        if (text is null)
            return null;
        var (yaml, body, splitError) = FrontMatter.Split(text);
        if (splitError is not null) { problems.Add(new(file, splitError)); return null; }
        var (fm, yamlError) = SafeYaml.Read<LessonYaml>(yaml!);
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
        body = TextCleaning.Clean(body);

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        string? LocalFile(string? name, string field, string[]? extensions = null)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            if (!FileNamePattern().IsMatch(name) || name.Contains(".."))
            {
                errors.Add($"{field}: tên tệp '{name}' không hợp lệ (chỉ tên tệp nằm cạnh index.md)");
                return null;
            }
            if (extensions is not null && !extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
            {
                errors.Add($"{field}: tệp '{name}' phải có đuôi {string.Join(", ", extensions)}");
                return null;
            }
            var full = Path.Combine(folder, name);
            if (!File.Exists(full)) { errors.Add($"{field}: không tìm thấy tệp '{name}'"); return null; }
            if (new FileInfo(full).Length > MaxReferencedFileBytes) { errors.Add($"{field}: tệp '{name}' quá lớn"); return null; }
            files[name] = full;
            return name;
        }

        string? video = null, videoUrl = null;
        if (!string.IsNullOrWhiteSpace(fm.Video))
        {
            if (fm.Video.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                if (LessonMarkdown.YouTubeId(fm.Video) is null) errors.Add("video: chỉ nhận tệp video cạnh bài học hoặc địa chỉ YouTube");
                else videoUrl = fm.Video.Trim();
            }
            else
            {
                video = LocalFile(fm.Video, "video", VideoExtensions);
            }
        }
        if (type == LessonType.Video && video is null && videoUrl is null) errors.Add("bài loại video cần trường video");
        var captions = LocalFile(fm.Captions, "captions", [".vtt"]);
        if (video is not null && captions is null && !errors.Any(e => e.StartsWith("captions"))) errors.Add("video cần phụ đề tiếng Việt (captions: tệp .vtt)");
        var poster = LocalFile(fm.Poster, "poster", [".png", ".jpg", ".jpeg", ".webp"]);
        var cover = LocalFile(fm.Cover, "cover", [".png", ".jpg", ".jpeg", ".webp"]);

        foreach (var reference in markdown.LocalReferences(body))
        {
            if (files.ContainsKey(reference))
                continue;
            if (LocalFile(reference, "nội dung") is null)
                continue;
            if (VideoExtensions.Contains(Path.GetExtension(reference).ToLowerInvariant()))
            {
                var vtt = Path.ChangeExtension(reference, ".vi.vtt");
                if (File.Exists(Path.Combine(folder, vtt)))
                    LocalFile(vtt, "nội dung");
            }
        }

        var (quiz, quizFile, quizFailed) = ReadQuiz(folder, title, type, files, errors, problems);

        if (errors.Count > 0)
            problems.Add(new(file, string.Join("; ", errors)));
        if (errors.Count > 0 || quizFailed)
            return null;
        var hash = HashFiles(file, files, quizFile);
        return new LessonSource(slug, title, summary, fm.Topic!, type, level, minutes, fm.Order ?? 100, tags, body,
            cover, video, videoUrl, poster, captions, files, hash, quiz?.ToJson());
    }

    /// <summary>
    /// The lesson's quiz.yml (content/README.md): required for a quiz lesson, a checkpoint at the end of any
    /// other. Its problems are reported against quiz.yml; its pictures join the lesson's files.
    /// </summary>
    private static (QuizDefinition? Quiz, string? File, bool Failed) ReadQuiz(string folder, string lessonTitle, LessonType type,
        Dictionary<string, string> files, List<string> lessonErrors, List<ContentProblem> problems)
    {
        var path = Path.Combine(folder, QuizFile.FileName);
        if (!File.Exists(path))
        {
            if (type == LessonType.Quiz)
                lessonErrors.Add($"bài loại quiz cần tệp {QuizFile.FileName} cạnh index.md");
            return (null, null, false);
        }
        var text = ReadText(path, problems);
        if (text is null)
            return (null, null, true);
        var pictures = new Dictionary<string, string>(StringComparer.Ordinal);
        string? CheckPicture(string name)
        {
            if (!FileNamePattern().IsMatch(name) || name.Contains(".."))
                return $"tên tệp hình '{name}' không hợp lệ (chỉ tên tệp nằm cạnh {QuizFile.FileName})";
            if (!PictureExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
                return $"tệp hình '{name}' phải có đuôi {string.Join(", ", PictureExtensions)}";
            var full = Path.Combine(folder, name);
            if (!File.Exists(full))
                return $"không tìm thấy tệp hình '{name}'";
            if (new FileInfo(full).Length > MaxReferencedFileBytes)
                return $"tệp hình '{name}' quá lớn";
            pictures[name] = full;
            return null;
        }
        var (quiz, quizErrors) = QuizFile.Read(text, lessonTitle, CheckPicture);
        if (quizErrors.Count > 0)
        {
            problems.Add(new(path, string.Join("; ", quizErrors)));
            return (null, null, true);
        }
        foreach (var (name, full) in pictures)
            files[name] = full;
        return (quiz, path, false);
    }

    private static List<PathSource> ReadPaths(string root, HashSet<string> lessonSlugs, List<ContentProblem> problems)
    {
        var result = new List<PathSource>();
        var dir = Path.Combine(root, "paths");
        if (!Directory.Exists(dir))
            return result;
        var order = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.yml").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            if (!IsSlug(slug)) { problems.Add(new(file, "tên tệp lộ trình phải là slug: chữ thường không dấu, số và dấu gạch ngang")); continue; }
            var text = ReadText(file, problems);
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
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            result.Add(new PathSource(slug, title, Truncate(TextCleaning.OneLine(p.Summary), 400),
                Truncate(TextCleaning.Clean(p.Description).Trim(), 4000), lessons, order, hash));
        }
        return result;
    }

    private static string? ReadText(string file, List<ContentProblem> problems)
    {
        var info = new FileInfo(file);
        if (info.Length > MaxMarkdownBytes)
        {
            problems.Add(new(file, $"tệp quá lớn ({info.Length / 1024} KB, tối đa {MaxMarkdownBytes / 1024} KB)"));
            return null;
        }
        var bytes = File.ReadAllBytes(file);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(file, "tệp không phải văn bản UTF-8"));
            return null;
        }
    }

    private static string HashFiles(string index, IReadOnlyDictionary<string, string> files, string? quizFile)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(index));
        if (quizFile is not null)
        {
            // A changed quiz is a changed lesson: a new revision. Lessons without a quiz keep their old hash.
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + QuizFile.FileName + "\n"));
            hash.AppendData(File.ReadAllBytes(quizFile));
        }
        foreach (var (name, full) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + name + "\n"));
            using var stream = File.OpenRead(full);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool TryEnum<T>(string value, out T result) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private sealed class TopicYaml
    {
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Icon { get; set; }
    }

    private sealed class PathYaml
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Description { get; set; }
        public List<string?>? Lessons { get; set; }
    }

    private sealed class LessonYaml
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Topic { get; set; }
        public string? Type { get; set; }
        public string? Level { get; set; }
        public int? Minutes { get; set; }
        public int? Order { get; set; }
        public List<string>? Tags { get; set; }
        public string? Cover { get; set; }
        public string? Video { get; set; }
        public string? Poster { get; set; }
        public string? Captions { get; set; }
    }
}
