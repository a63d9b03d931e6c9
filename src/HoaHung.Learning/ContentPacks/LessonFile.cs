using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// <c>lessons/{slug}/index.md</c>: front matter and Markdown body, with the media it refers to and its quiz.yml.
/// Every problem of the lesson is reported against its file, and the lesson is skipped.
/// </summary>
internal sealed class LessonFile(LessonMarkdown markdown)
{
    public const string FileName = "index.md";

    public LessonSource? Read(string slug, string folder, HashSet<string> topicSlugs, List<ContentProblem> problems)
    {
        var file = Path.Combine(folder, FileName);
        if (ContentFiles.ReadText(file, problems) is not var (text, bytes))
            return null;
        var (yaml, body, splitError) = FrontMatter.Split(text);
        if (splitError is not null) { problems.Add(new(file, splitError)); return null; }
        var (fm, yamlError) = SafeYaml.Read<LessonFrontMatter>(yaml!);
        if (yamlError is not null) { problems.Add(new(file, yamlError)); return null; }

        var errors = new List<Reason>();
        var title = TextCleaning.OneLine(fm!.Title);
        if (title.Length is 0 or > LessonContent.MaxTitleLength) errors.Add(new(ContentReasons.Title, LessonContent.MaxTitleLength));
        var summary = TextCleaning.OneLine(fm.Summary);
        if (summary.Length is 0 or > LessonContent.MaxSummaryLength) errors.Add(new(ContentReasons.Summary, LessonContent.MaxSummaryLength));
        if (string.IsNullOrEmpty(fm.Topic) || !topicSlugs.Contains(fm.Topic)) errors.Add(new(ContentReasons.UnknownTopic, fm.Topic ?? ""));
        if (!TryEnum(fm.Type ?? "tutorial", out LessonType type)) errors.Add(new(ContentReasons.BadType, fm.Type ?? ""));
        if (!TryEnum(fm.Level ?? "beginner", out LessonLevel level)) errors.Add(new(ContentReasons.BadLevel, fm.Level ?? ""));
        var minutes = fm.Minutes ?? LessonContent.DefaultMinutes;
        if (minutes is < LessonContent.MinMinutes or > LessonContent.MaxMinutes)
            errors.Add(new(ContentReasons.Minutes, LessonContent.MinMinutes, LessonContent.MaxMinutes));
        var tags = (fm.Tags ?? []).Select(TextCleaning.OneLine).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > LessonContent.MaxTags || tags.Any(t => t.Length > LessonContent.MaxTagLength))
            errors.Add(new(ContentReasons.TooManyTags, LessonContent.MaxTags, LessonContent.MaxTagLength));
        else if (LessonContent.JoinTags(tags).Length > LessonContent.MaxTagsLength)
            errors.Add(new(ContentReasons.TagsTooLong, LessonContent.MaxTagsLength));
        body = TextCleaning.Clean(body);

        var files = new ReferencedFiles(folder, FileName);
        var (video, videoUrl, captions, poster, cover) = LessonMedia.Resolve(fm, type, body, files, markdown, errors);
        var (quiz, quizFile, quizFailed) = LessonQuiz.Read(folder, title, type, files, errors, problems);

        if (errors.Count > 0)
            problems.Add(new(file, Reason.All(errors)));
        if (errors.Count > 0 || quizFailed)
            return null;
        var hash = ContentFiles.HashLesson(bytes, files.Found, quizFile);
        // The one mapping from the front matter (PackYaml.Lesson is the one back).
        var content = new LessonContent
        {
            Title = title,
            Summary = summary,
            Topic = fm.Topic!,
            Type = type,
            Level = level,
            Minutes = minutes,
            Tags = LessonContent.JoinTags(tags),
            Body = body,
            VideoUrl = videoUrl,
            VideoPath = video,
            CaptionsPath = captions,
            PosterPath = poster,
            CoverPath = cover,
            Quiz = quiz is null ? null : QuizInput.From(quiz),
        };
        return new LessonSource(slug, content, fm.Order ?? 100, files.Found, hash, quiz?.ToJson());
    }

    private static bool TryEnum<T>(string value, out T result) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);
}
