namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// Why a file of a content folder or lesson pack cannot be used (<see cref="ContentProblem"/>), as keys the web words
/// from <c>Resources/Content/ContentResource.resx</c>; the placeholders are the <see cref="Text.Reason.Args"/>, and an
/// argument that is itself a reason (a file's refusal, the quiz's or the YAML's why) is worded the same way. A file
/// the media library refuses carries that library's key (<see cref="Media.MediaReasons"/>), worded from the studio's
/// resources: one sentence for one refusal, wherever it is shown.
/// </summary>
public static class ContentReasons
{
    /// <summary>{0}: the reasons, each worded and joined with "; ".</summary>
    public const string Several = "Content.Problem.Several";
    /// <summary>Not a reason but a place: {0}: topics.yml's path; {1}: the topic's number in it (<see cref="ContentProblem.Topic"/>).</summary>
    public const string TopicPlace = "Content.Place.Topic";

    public const string NoContentFolder = "Content.Problem.NoContentFolder";
    public const string FileMissing = "Content.Problem.FileMissing";
    public const string FileIsLink = "Content.Problem.FileIsLink";
    public const string FileIsFolder = "Content.Problem.FileIsFolder";
    public const string FileNotRegular = "Content.Problem.FileNotRegular";
    /// <summary>A file replaced by a pipe or a device between its check and its opening.</summary>
    public const string NotRegularNow = "Content.Problem.NotRegularNow";
    public const string FolderIsLink = "Content.Problem.FolderIsLink";
    public const string NotFolder = "Content.Problem.NotFolder";
    /// <summary>{0}: the limit in KB.</summary>
    public const string FileTooLarge = "Content.Problem.FileTooLarge";
    public const string NotUtf8 = "Content.Problem.NotUtf8";
    /// <summary>{0}: the kind of error (its type name); {1}: its message's first line, or a reason.</summary>
    public const string Unreadable = "Content.Problem.Unreadable";
    /// <summary>{0}: the kind of error (its type name); {1}: its message's first line, or a reason. Nothing of the file was kept.</summary>
    public const string NotImported = "Content.Problem.NotImported";
    /// <summary>{0}: the media library's reason (<see cref="Media.MediaReasons"/>).</summary>
    public const string FileRejected = "Content.Problem.FileRejected";
    /// <summary>{0}: the file's name beside the lesson.</summary>
    public const string NamedFileTooLarge = "Content.Problem.NamedFileTooLarge";

    public const string LessonFolderNotSlug = "Content.Problem.LessonFolderNotSlug";
    public const string NoIndex = "Content.Problem.NoIndex";
    public const string NoFrontMatter = "Content.Problem.NoFrontMatter";
    public const string FrontMatterNotClosed = "Content.Problem.FrontMatterNotClosed";
    /// <summary>{0}: the longest title allowed.</summary>
    public const string Title = "Content.Problem.Title";
    /// <summary>{0}: the longest summary allowed.</summary>
    public const string Summary = "Content.Problem.Summary";
    /// <summary>{0}: the topic written.</summary>
    public const string UnknownTopic = "Content.Problem.UnknownTopic";
    /// <summary>{0}: the type written.</summary>
    public const string BadType = "Content.Problem.BadType";
    /// <summary>{0}: the level written.</summary>
    public const string BadLevel = "Content.Problem.BadLevel";
    /// <summary>{0}: the fewest minutes; {1}: the most.</summary>
    public const string Minutes = "Content.Problem.Minutes";
    /// <summary>{0}: the most tags; {1}: the longest tag.</summary>
    public const string TooManyTags = "Content.Problem.TooManyTags";
    /// <summary>{0}: the longest all the tags together may be.</summary>
    public const string TagsTooLong = "Content.Problem.TagsTooLong";

    /// <summary>{0}: the front matter's field (video, captions, poster, cover) or <see cref="Body"/>; {1}: the file's refusal.</summary>
    public const string Field = "Content.Problem.Field";
    /// <summary>The lesson's body, as the field of <see cref="Field"/>.</summary>
    public const string Body = "Content.Word.Body";
    public const string VideoNotAccepted = "Content.Problem.VideoNotAccepted";
    /// <summary>{0}: the longest address allowed.</summary>
    public const string VideoUrlTooLong = "Content.Problem.VideoUrlTooLong";
    public const string VideoRequired = "Content.Problem.VideoRequired";
    public const string CaptionsRequired = "Content.Problem.CaptionsRequired";
    /// <summary>{0}: quiz.yml's name.</summary>
    public const string QuizFileRequired = "Content.Problem.QuizFileRequired";

    /// <summary>A file, as the noun {0} of the referenced file reasons.</summary>
    public const string FileNoun = "Content.Word.File";
    /// <summary>A picture file (of a quiz), as the noun {0} of the referenced file reasons.</summary>
    public const string PictureNoun = "Content.Word.Picture";
    /// <summary>{0}: the noun (<see cref="FileNoun"/>, <see cref="PictureNoun"/>); {1}: the name; {2}: the file it must be beside.</summary>
    public const string BadFileName = "Content.Problem.BadFileName";
    /// <summary>{0}: the noun; {1}: the name; {2}: the extensions allowed, as ".png, .jpg".</summary>
    public const string WrongExtension = "Content.Problem.WrongExtension";
    /// <summary>{0}: the noun; {1}: the name.</summary>
    public const string NamedFileMissing = "Content.Problem.NamedFileMissing";
    /// <summary>{0}: the noun; {1}: the name; {2}: why it is not a file to use (<see cref="FileIsLink"/>…).</summary>
    public const string NamedFileRefused = "Content.Problem.NamedFileRefused";
    /// <summary>{0}: the noun; {1}: the name.</summary>
    public const string NamedTooLarge = "Content.Problem.NamedTooLarge";

    public const string PathFileNotSlug = "Content.Problem.PathFileNotSlug";
    public const string PathTitle = "Content.Problem.PathTitle";
    public const string PathLessonCount = "Content.Problem.PathLessonCount";
    /// <summary>{0}: the first slugs not found, as "a, b".</summary>
    public const string PathUnknownLessons = "Content.Problem.PathUnknownLessons";
    public const string PathLessonTwice = "Content.Problem.PathLessonTwice";
    /// <summary>{0}: the slug written.</summary>
    public const string PathUnknownEntryTest = "Content.Problem.PathUnknownEntryTest";

    public const string TopicSlug = "Content.Problem.TopicSlug";
    public const string TopicTitle = "Content.Problem.TopicTitle";
    /// <summary>{0}: the slug.</summary>
    public const string TopicSlugTaken = "Content.Problem.TopicSlugTaken";

    /// <summary>Every key of this class: each has a sentence in both languages (ContentStringsTests).</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(ContentReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
