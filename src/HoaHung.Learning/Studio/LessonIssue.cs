namespace HoaHung.Learning.Studio;

/// <summary>
/// Something in a lesson an author should know about: a check for older readers or a missing field.
/// </summary>
/// <param name="Key">Localization key, one of <see cref="IssueKeys"/>; its text may use <paramref name="Args"/> ({0}, {1}).</param>
/// <param name="Blocks">True when the lesson cannot be sent for review until it is fixed.</param>
/// <param name="Line">1-based line of the body to jump to, or null when the issue is in a field.</param>
/// <param name="Field">The field to jump to (one of <see cref="IssueFields"/>) when the issue is not in the body.</param>
/// <param name="Detail">Text quoted as is (a file name, the start of a long sentence), never translated.</param>
/// <param name="Why">A reason the web words and shows as the detail (a quiz problem, <see cref="Quizzes.QuizReasons"/>).</param>
public sealed record LessonIssue(string Key, bool Blocks, int? Line = null, string? Field = null, IReadOnlyList<int>? Args = null,
    string? Detail = null, Text.Reason? Why = null);

public static class IssueKeys
{
    public const string PictureWithoutDescription = "Studio.Check.PictureWithoutDescription";
    public const string PictureVagueDescription = "Studio.Check.PictureVagueDescription";
    public const string StepWithoutPicture = "Studio.Check.StepWithoutPicture";
    public const string LongSentence = "Studio.Check.LongSentence";
    public const string LongParagraph = "Studio.Check.LongParagraph";
    public const string HeadingSkipsLevel = "Studio.Check.HeadingSkipsLevel";
    public const string VagueLinkText = "Studio.Check.VagueLinkText";
    public const string EmptySummary = "Studio.Check.EmptySummary";
    public const string VideoWithoutCaptions = "Studio.Check.VideoWithoutCaptions";
    public const string MissingFile = "Studio.Check.MissingFile";
    public const string UnreadableBody = "Studio.Check.UnreadableBody";

    public const string TitleRequired = "Studio.Problem.TitleRequired";
    public const string TopicRequired = "Studio.Problem.TopicRequired";
    public const string VideoRequired = "Studio.Problem.VideoRequired";
    public const string VideoUrlInvalid = "Studio.Problem.VideoUrlInvalid";
    public const string QuizRequired = "Studio.Problem.QuizRequired";
    public const string QuizProblem = "Studio.Problem.Quiz";
    public const string UnknownPath = "Studio.Problem.UnknownPath";
    public const string TooManyTags = "Studio.Problem.TooManyTags";
}

/// <summary>The editor's fields an issue can point at (the contract names are "Tiêu đề", "Tóm tắt", "Chủ đề", "Nội dung").</summary>
public static class IssueFields
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Topic = "topic";
    public const string Tags = "tags";
    public const string Video = "video";
    public const string Cover = "cover";
    public const string Quiz = "quiz";
    public const string Paths = "paths";
}
