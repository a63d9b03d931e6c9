using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HoaHung.Learning.Media;

/// <summary>
/// The lighter versions of an uploaded video, made by ffmpeg (docs/architecture.md §10): 240p and 360p H.264/AAC MP4
/// (the short side 240 or 360 px, never enlarged, at most 30 frames a second, mono sound), and the sound alone.
/// </summary>
public static class VideoRenditions
{
    /// <summary>Changes with the settings below: every rendition is made again.</summary>
    public const string Version = "x264 veryfast v1";

    public static readonly IReadOnlyList<RenditionKind> Kinds = [RenditionKind.Video240, RenditionKind.Video360, RenditionKind.AudioOnly];

    public static string Key(string sourceSha256, RenditionKind kind) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Version}\n{kind}\n{sourceSha256}")));

    public static string Extension(RenditionKind kind) => kind == RenditionKind.AudioOnly ? "m4a" : "mp4";

    public static string ContentType(RenditionKind kind) => kind == RenditionKind.AudioOnly ? MediaContentTypes.M4a : MediaContentTypes.Mp4;

    /// <summary>ffmpeg's arguments to make <paramref name="kind"/> of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> Arguments(RenditionKind kind, string input, string output)
    {
        List<string> args = ["-nostdin", "-v", "error", "-y", "-i", input];
        if (kind == RenditionKind.AudioOnly)
            return [.. args, "-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", "32k", "-ac", "1", "-movflags", "+faststart", "-f", "mp4", output];
        var (side, crf, maxRate, audio) = kind == RenditionKind.Video240 ? (240, 32, 300, 32) : (360, 30, 600, 48);
        // The short side becomes `side` (portrait phone videos too), never larger than it was; even sizes for H.264.
        var scale = string.Create(CultureInfo.InvariantCulture,
            $"scale=w='if(gt(iw,ih),-2,trunc(min({side},iw)/2)*2)':h='if(gt(iw,ih),trunc(min({side},ih)/2)*2,-2)'");
        return [.. args, "-map", "0:v:0", "-map", "0:a:0?", "-vf", scale, "-fpsmax", "30",
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p",
            "-crf", crf.ToString(CultureInfo.InvariantCulture),
            "-maxrate", $"{maxRate}k", "-bufsize", $"{2 * maxRate}k",
            "-c:a", "aac", "-b:a", $"{audio}k", "-ac", "1", "-movflags", "+faststart", "-f", "mp4", output];
    }

    /// <summary>
    /// Whether ffmpeg can open the file and decode its first picture: a cut-off or damaged phone video is refused at
    /// upload with <see cref="MediaReasons.VideoBroken"/> instead of failing later. Null when ffmpeg is missing.
    /// </summary>
    public static async Task<bool?> PlaysAsync(string path, CancellationToken ct)
    {
        var run = await MediaTools.RunAsync(MediaTools.Ffmpeg,
            ["-nostdin", "-v", "error", "-xerror", "-i", path, "-map", "0:v:0", "-frames:v", "1", "-f", "null", "-"],
            TimeSpan.FromMinutes(1), ct).ConfigureAwait(false);
        return run.ExitCode == -1 ? null : run.Succeeded;
    }

    /// <summary>Whether the video has a sound track (ffprobe); a silent video gets no audio-only file.</summary>
    public static async Task<bool> HasAudioAsync(string path, CancellationToken ct)
    {
        var run = await MediaTools.RunAsync(MediaTools.Ffprobe,
            ["-v", "error", "-select_streams", "a", "-show_entries", "stream=index", "-of", "csv=p=0", path],
            TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        return run.Succeeded && run.Output.Trim().Length > 0;
    }
}
