namespace HoaHung.Learning.Packs;

/// <summary>
/// Why a pack is refused, as keys the web words from <c>Resources/Studio/Packs/PacksResource.resx</c> (the
/// placeholders are the <see cref="PackProblem.Args"/>). A file the media library refuses, or a lesson the studio
/// refuses, carries that library's own key (<see cref="Media.MediaReasons"/>, <see cref="Studio.StudioReasons"/>),
/// worded from the studio's resources: one sentence for one refusal, wherever it is shown.
/// </summary>
public static class PackReasons
{
    public const string NotAllowed = "Packs.Problem.NotAllowed";
    public const string CannotOpen = "Packs.Problem.CannotOpen";
    /// <summary>{0}: the entries the pack has or declares; {1}: the limit.</summary>
    public const string TooManyEntries = "Packs.Problem.TooManyEntries";
    public const string NotZip = "Packs.Problem.NotZip";
    public const string BrokenDirectory = "Packs.Problem.BrokenDirectory";
    public const string DuplicateName = "Packs.Problem.DuplicateName";
    public const string OutsidePack = "Packs.Problem.OutsidePack";
    /// <summary>{0}: the limit in MB.</summary>
    public const string TooLargeUnpacked = "Packs.Problem.TooLargeUnpacked";
    /// <summary>{0}: the largest compression ratio allowed.</summary>
    public const string EntryRatio = "Packs.Problem.EntryRatio";
    public const string BrokenEntry = "Packs.Problem.BrokenEntry";
    /// <summary>{0}: the largest compression ratio allowed.</summary>
    public const string PackRatio = "Packs.Problem.PackRatio";
    public const string BadName = "Packs.Problem.BadName";
    public const string AbsolutePath = "Packs.Problem.AbsolutePath";
    public const string DotDot = "Packs.Problem.DotDot";
    public const string SymbolicLink = "Packs.Problem.SymbolicLink";
    public const string NotRegularFile = "Packs.Problem.NotRegularFile";
    public const string Encrypted = "Packs.Problem.Encrypted";
    public const string FolderNotInFormat = "Packs.Problem.FolderNotInFormat";
    /// <summary>{0}: the picture extensions accepted, as "jpg/png".</summary>
    public const string FileTypeNotAccepted = "Packs.Problem.FileTypeNotAccepted";
    public const string FileNotInFormat = "Packs.Problem.FileNotInFormat";
    public const string NoLessons = "Packs.Problem.NoLessons";
    /// <summary>{0}: the kind of error (its type name); nothing was added.</summary>
    public const string ImportFailed = "Packs.Problem.ImportFailed";
    /// <summary>{0}: the content reader's reason about a lesson, topic or path file (<see cref="ContentPacks.ContentReasons"/>).</summary>
    public const string Content = "Packs.Problem.Content";
    /// <summary>{0}: the content reader's reason about one topic of topics.yml; {1}: the topic's number in it.</summary>
    public const string ContentInTopic = "Packs.Problem.ContentInTopic";
    /// <summary>{0}: the limit in MB, for an upload larger than any pack may unpack to.</summary>
    public const string TooLarge = "Packs.Problem.TooLarge";
    public const string UploadInterrupted = "Packs.Problem.UploadInterrupted";

    /// <summary>Every key of this class: each has a sentence in both languages (PackStringsTests).</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(PackReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
