using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;

namespace HoaHung.Learning.Studio;

/// <summary>
/// What a lesson needs before it can be reviewed: the fields the content format requires (content/README.md), so a
/// reviewed lesson can also be exported as a pack and imported elsewhere. All of these block "Gửi duyệt".
/// </summary>
public static class SubmitRules
{
    public static IEnumerable<LessonIssue> Check(LessonContent c, IReadOnlySet<string> topics, IReadOnlySet<string> paths,
        IReadOnlyDictionary<string, MediaKind> library)
    {
        if (c.Title.Length == 0)
            yield return new LessonIssue(IssueKeys.TitleRequired, Blocks: true, Field: IssueFields.Title);
        if (!topics.Contains(c.Topic))
            yield return new LessonIssue(IssueKeys.TopicRequired, Blocks: true, Field: IssueFields.Topic);
        var tags = c.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tags.Length > 30 || tags.Any(t => t.Length > 60))
            yield return new LessonIssue(IssueKeys.TooManyTags, Blocks: true, Field: IssueFields.Tags);
        if (c.VideoUrl is not null && LessonMarkdown.YouTubeId(c.VideoUrl) is null)
            yield return new LessonIssue(IssueKeys.VideoUrlInvalid, Blocks: true, Field: IssueFields.Video, Detail: c.VideoUrl);
        if (c.Type == LessonType.Video && c.VideoPath is null && c.VideoUrl is null)
            yield return new LessonIssue(IssueKeys.VideoRequired, Blocks: true, Field: IssueFields.Video);
        if (c.Type == LessonType.Quiz && c.Quiz is null)
            yield return new LessonIssue(IssueKeys.QuizRequired, Blocks: true, Field: IssueFields.Quiz);
        if (c.Quiz is not null)
            foreach (var issue in QuizBuilder.Issues(QuizBuilder.Check(c.Quiz, c.Title, library)))
                yield return issue;
        foreach (var path in c.Paths.Where(p => !paths.Contains(p)))
            yield return new LessonIssue(IssueKeys.UnknownPath, Blocks: true, Field: IssueFields.Paths, Detail: path);
    }
}
