using System.Text.RegularExpressions;

namespace HoaHung.Learning.Web.Studio.Review;

/// <summary>
/// A comment's quoted Markdown as words a reviewer and an author recognise: no list numbers, no "![…](…)", no "**";
/// and, when the quote is a step of a lesson ("3. Bấm…"), the step's number, so a comment reads "Bước 3", not "dòng 12".
/// </summary>
public static partial class ReviewQuote
{
    public const int MaxLength = 240;

    public static string Words(string? quote)
    {
        var lines = (quote ?? "").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith(":::", StringComparison.Ordinal))
            .Select(l => Marker().Replace(l, ""));
        var text = string.Join(' ', lines);
        text = Picture().Replace(text, "($1)");
        text = Link().Replace(text, "$1");
        text = Emphasis().Replace(text, "");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength].TrimEnd() + "…";
    }

    /// <summary>The step number when the quote is one numbered step ("3. …"), else null.</summary>
    public static int? StepNumber(string? quote) =>
        Step().Match(quote ?? "") is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n) ? n : null;

    [GeneratedRegex(@"^(?:\d{1,3}[.)]|[-*+]|#{1,6}|>)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Picture();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|`|~~", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(\d{1,3})[.)]\s", RegexOptions.CultureInvariant)]
    private static partial Regex Step();
}
