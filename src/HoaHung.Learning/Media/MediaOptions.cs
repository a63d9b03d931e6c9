using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Media;

/// <summary>Limits and settings of the media pipeline (docs/architecture.md §6). Set by <see cref="MediaModule.AddMedia"/>.</summary>
public sealed class MediaOptions
{
    /// <summary>Configuration section of the limits (<c>App:Media:MaxVideoBytes</c>, …); <see cref="Root"/> is not read from it.</summary>
    public const string Section = "App:Media";

    /// <summary>Absolute folder of the stored files; the composition root sets it from <c>AppOptions.MediaDirectory</c>.</summary>
    public string Root { get; set; } = "";

    /// <summary>Largest accepted image, in pixels of one frame (width × height), checked from the header before decoding.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>
    /// Most frames an image may have. Files with more are refused before decoding (the default 1 refuses animated
    /// GIF/WebP, so an author is told instead of silently getting a still). Accepted files are always rendered from
    /// their first frame: renditions are still images.
    /// </summary>
    public int MaxFrames { get; set; } = 1;

    public long MaxImageBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Widths of the WebP renditions. Only widths not wider than the (oriented) source are made; at least one always is.</summary>
    public int[] ImageWidths { get; set; } = [360, 720, 1080];

    /// <summary>Largest accepted video: 300 MB holds about 20 minutes of a phone's 720p recording, the longest a lesson needs.</summary>
    public long MaxVideoBytes { get; set; } = 300L * 1024 * 1024;

    public long MaxCaptionsBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// <c>App:Media:MakeRenditions</c>: make read-aloud audio (espeak-ng) and light videos (ffmpeg) in the background after
    /// every import and publish, and refuse at upload a video ffmpeg cannot decode. Off in the test environment
    /// (appsettings.Testing.json), where most suites store fake videos; the suites about renditions turn it on.
    /// </summary>
    public bool MakeRenditions { get; set; } = true;

    /// <summary>
    /// <c>App:Media:Niceness</c>: how far below the site's own priority espeak-ng and ffmpeg make renditions (<c>nice</c>,
    /// 0–19; 0 = the same priority). The default 10 keeps pages fast on a 2-core server while a phone video is made;
    /// a machine that only makes renditions, or a test run waiting for them, sets 0.
    /// </summary>
    public int Niceness { get; set; } = MediaTools.DefaultNiceness;

    /// <summary>Files waiting to be made at most; the planner waits (in the background) while it is full.</summary>
    public int RenditionQueueLength { get; set; } = 32;

    /// <summary>Images decoded at the same time; more wait. Bounds memory when many uploads arrive together.</summary>
    public int MaxConcurrentImageJobs { get; set; } = 2;
}

internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    // WebP cannot encode wider than this, and renditions wider than a phone or laptop screen are waste.
    internal const int MaxRenditionWidth = 4096;

    public ValidateOptionsResult Validate(string? name, MediaOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Root) || !Path.IsPathFullyQualified(o.Root))
            errors.Add("Media:Root must be an absolute path (set it from AppOptions.MediaDirectory).");
        if (o.MaxPixels <= 0) errors.Add("Media:MaxPixels must be positive.");
        if (o.MaxFrames < 1) errors.Add("Media:MaxFrames must be at least 1.");
        if (o.MaxImageBytes <= 0) errors.Add("Media:MaxImageBytes must be positive.");
        if (o.MaxVideoBytes <= 0) errors.Add("Media:MaxVideoBytes must be positive.");
        if (o.MaxCaptionsBytes <= 0) errors.Add("Media:MaxCaptionsBytes must be positive.");
        if (o.Niceness is < 0 or > 19) errors.Add("Media:Niceness must be between 0 and 19.");
        if (o.RenditionQueueLength is < 1 or > 10_000) errors.Add("Media:RenditionQueueLength must be between 1 and 10000.");
        if (o.MaxConcurrentImageJobs < 1) errors.Add("Media:MaxConcurrentImageJobs must be at least 1.");
        if (o.ImageWidths is not { Length: > 0 } || o.ImageWidths.Any(w => w is < 16 or > MaxRenditionWidth))
            errors.Add($"Media:ImageWidths must list at least one width between 16 and {MaxRenditionWidth}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
