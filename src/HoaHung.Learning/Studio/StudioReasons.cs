namespace HoaHung.Learning.Studio;

/// <summary>Why a studio action was refused: localization keys (the web project's Studio resources).</summary>
public static class StudioReasons
{
    /// <summary>Not signed in as active staff, or not allowed to edit this lesson.</summary>
    public const string NotAllowed = "Studio.Refused.NotAllowed";
    public const string NotFound = "Studio.Refused.NotFound";
    public const string BodyTooLong = "Studio.Refused.BodyTooLong";
    public const string QuizTooLong = "Studio.Refused.QuizTooLong";
    public const string MediaInUse = "Studio.Refused.MediaInUse";
    public const string MediaNotFound = "Studio.Refused.MediaNotFound";
    public const string DescriptionRequired = "Studio.Refused.DescriptionRequired";
    public const string WrongKind = "Studio.Refused.WrongKind";
    public const string YouTubeInvalid = "Studio.Refused.YouTubeInvalid";

    /// <summary>The upload stopped before the end of the file (connection lost): nothing was kept.</summary>
    public const string UploadInterrupted = "Studio.Refused.UploadInterrupted";
}
