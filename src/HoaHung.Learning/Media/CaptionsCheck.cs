using System.Text;
using System.Text.RegularExpressions;

namespace HoaHung.Learning.Media;

public abstract record CaptionsCheckResult
{
    private CaptionsCheckResult() { }

    /// <param name="Text">The captions rewritten: UTF-8 without BOM, "\n" line endings, cues only, tags allow-listed.</param>
    public sealed record Accepted(string Text) : CaptionsCheckResult;

    public sealed record Rejected(string ReasonKey) : CaptionsCheckResult;
}

/// <summary>
/// Validates an uploaded WebVTT file and rewrites it keeping only cues. Browsers render cue text themselves, not as
/// HTML, but the file is untrusted: unknown tags are removed, STYLE blocks (CSS that could fetch other hosts), REGION
/// and NOTE blocks are dropped.
/// </summary>
public static partial class CaptionsCheck
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly HashSet<string> AllowedTags = ["b", "i", "u", "c", "v", "lang", "ruby", "rt"];

    public static CaptionsCheckResult Check(ReadOnlySpan<byte> bytes, long maxBytes)
    {
        if (bytes.Length > maxBytes)
            return new CaptionsCheckResult.Rejected(MediaReasons.CaptionsTooLarge);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new CaptionsCheckResult.Rejected(MediaReasons.CaptionsInvalidEncoding);
        }

        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\0', '\uFFFD').Split('\n');
        if (!HeaderLine().IsMatch(lines[0]))
            return new CaptionsCheckResult.Rejected(MediaReasons.CaptionsMissingHeader);

        var cues = new List<string>();
        // Blocks are separated by blank lines; the first block is the header and is dropped.
        foreach (var block in Blocks(lines).Skip(1))
        {
            if (Cue(block) is { } cue)
                cues.Add(cue);
        }
        return cues.Count == 0
            ? new CaptionsCheckResult.Rejected(MediaReasons.CaptionsNoCues)
            : new CaptionsCheckResult.Accepted("WEBVTT\n\n" + string.Join("\n\n", cues) + "\n");
    }

    private static IEnumerable<List<string>> Blocks(string[] lines)
    {
        var block = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (block.Count > 0)
                    yield return block;
                block = [];
            }
            else
            {
                block.Add(line);
            }
        }
        if (block.Count > 0)
            yield return block;
    }

    /// <summary>A cue block: optional identifier, a timing line, then text. Anything else (NOTE, STYLE, REGION) gives null.</summary>
    private static string? Cue(List<string> block)
    {
        var timingIndex = block[0].Contains("-->", StringComparison.Ordinal) ? 0
            : block.Count > 1 && block[1].Contains("-->", StringComparison.Ordinal) ? 1
            : -1;
        var timing = timingIndex < 0 ? null : TimingLine().Match(block[timingIndex]);
        if (timing is not { Success: true })
            return null;
        var cue = new StringBuilder();
        if (timingIndex == 1)
            cue.Append(block[0]).Append('\n');
        cue.Append(timing.Groups["start"].Value).Append(" --> ").Append(timing.Groups["end"].Value);
        // Cue settings are kept only in their documented shape; regions are dropped with their REGION blocks.
        foreach (var setting in timing.Groups["settings"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (CueSetting().IsMatch(setting))
                cue.Append(' ').Append(setting);
        }
        foreach (var line in block.Skip(timingIndex + 1))
            cue.Append('\n').Append(SanitizeText(line));
        return cue.ToString();
    }

    /// <summary>Keeps the WebVTT tags (b, i, u, c, v, lang, ruby, rt, timestamps) and drops every other tag.</summary>
    internal static string SanitizeText(string line) =>
        TagOrBracket().Replace(line, m => m.Groups["inner"].Success ? RebuildTag(m.Groups["inner"].Value) : "&lt;")
            .Replace("-->", "--&gt;", StringComparison.Ordinal);

    private static string RebuildTag(string inner)
    {
        if (Timestamp().IsMatch(inner))
            return $"<{inner}>";
        var tag = TagParts().Match(inner);
        if (!tag.Success || !AllowedTags.Contains(tag.Groups["name"].Value))
            return "";
        var name = tag.Groups["name"].Value;
        if (tag.Groups["end"].Success)
            return $"</{name}>";
        var annotation = name is "v" or "lang" ? tag.Groups["annotation"].Value.Trim() : "";
        return $"<{name}{tag.Groups["classes"].Value}{(annotation.Length > 0 ? " " + annotation : "")}>";
    }

    [GeneratedRegex(@"^WEBVTT(?:[ \t].*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*(?<start>(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+(?<end>(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})(?<settings>[ \t].*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimingLine();

    [GeneratedRegex(@"^(?:vertical|line|position|size|align):[A-Za-z0-9.%,-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex CueSetting();

    [GeneratedRegex(@"<(?<inner>[^<>]*)>|<", RegexOptions.CultureInvariant)]
    private static partial Regex TagOrBracket();

    [GeneratedRegex(@"^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^(?:(?<end>/)(?<name>[a-z]+)\s*|(?<name>[a-z]+)(?<classes>(?:\.[A-Za-z0-9_-]+)*)(?:[ \t](?<annotation>.*))?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagParts();
}
