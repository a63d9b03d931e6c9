using System.Net;
using System.Text.RegularExpressions;

namespace HoaHung.Learning.Media;

/// <summary>The words of a WebVTT file as plain text, one entry per cue: a video lesson's transcript.</summary>
public static partial class CaptionsText
{
    /// <summary>
    /// The text of each cue of captions already rewritten by <see cref="CaptionsCheck"/> (cues only): cue tags removed,
    /// character references decoded, lines of one cue joined. Never throws; text that is not WebVTT gives no lines.
    /// </summary>
    public static IReadOnlyList<string> Lines(string vtt)
    {
        var lines = new List<string>();
        foreach (var block in vtt.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var rows = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var timing = Array.FindIndex(rows, r => r.Contains("-->", StringComparison.Ordinal));
            if (timing < 0)
                continue;
            var text = string.Join(' ', rows.Skip(timing + 1).Select(r => WebUtility.HtmlDecode(Tag().Replace(r, "")).Trim()))
                .Trim();
            if (text.Length > 0)
                lines.Add(text);
        }
        return lines;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
