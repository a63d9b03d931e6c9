namespace HoaHung.Learning.Media;

/// <summary>Why an upload was refused: resource keys the web layer localizes (Resources/*.resx).</summary>
public static class MediaReasons
{
    public const string ImageTooLarge = "Media.Image.TooLarge";
    public const string ImageUnsupportedFormat = "Media.Image.UnsupportedFormat";
    public const string ImageCorrupt = "Media.Image.Corrupt";
    public const string ImageTooManyPixels = "Media.Image.TooManyPixels";
    public const string ImageTooManyFrames = "Media.Image.TooManyFrames";
    /// <summary>So tall and narrow that no rendition fits the WebP size limit (16383 px).</summary>
    public const string ImageBadDimensions = "Media.Image.BadDimensions";

    public const string VideoTooLarge = "Media.Video.TooLarge";
    public const string VideoUnsupportedFormat = "Media.Video.UnsupportedFormat";
    /// <summary>An MP4 or WebM that ffmpeg cannot decode: cut off while copying, or damaged.</summary>
    public const string VideoBroken = "Media.Video.Broken";

    public const string CaptionsTooLarge = "Media.Captions.TooLarge";
    public const string CaptionsInvalidEncoding = "Media.Captions.InvalidEncoding";
    public const string CaptionsMissingHeader = "Media.Captions.MissingHeader";
    public const string CaptionsNoCues = "Media.Captions.NoCues";

    /// <summary>The media disk is full: nothing of the file was kept, and nothing already stored was touched.</summary>
    public const string DiskFull = "Media.DiskFull";
}
