using System.Text;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// Cheap, linear checks run before Markdig. Markdig 1.6 is quadratic on a few shapes of input that no
/// real lesson has (measured: 250,000 × "[a](b" takes minutes). Such input is shown as plain text instead.
/// </summary>
internal static class InputScreen
{
    /// <summary>Twice the 1 MB lesson this is tested with; beyond it the sanitizer alone would take too long.</summary>
    public const int MaxLength = 2 * 1024 * 1024;

    // After "](" Markdig scans for the end of the destination (the next blank) and, for a title, the
    // next ")"; the sum over all "](" bounds its work. A lesson with a thousand links stays under 10^5.
    private const long MaxLinkScan = 20_000_000;

    // Each link reference definition and each setext underline costs Markdig a pass over the blocks
    // already parsed (measured quadratic); a lesson has a handful.
    private const int MaxDefinitionLines = 5_000;
    private const int MaxUnderlineLines = 5_000;

    /// <summary>NUL and unpaired surrogates become U+FFFD, so nothing downstream meets invalid UTF-16.</summary>
    public static string Clean(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown)) return "";

        StringBuilder? cleaned = null;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            var valid = c != '\0' && (!char.IsSurrogate(c)
                || (char.IsHighSurrogate(c) && i + 1 < markdown.Length && char.IsLowSurrogate(markdown[i + 1])));
            if (valid && char.IsHighSurrogate(c))
            {
                cleaned?.Append(c).Append(markdown[i + 1]);
                i++;
                continue;
            }
            if (!valid) cleaned ??= new StringBuilder(markdown, 0, i, markdown.Length);
            cleaned?.Append(valid ? c : '\uFFFD');
        }
        return cleaned?.ToString() ?? markdown;
    }

    /// <summary>Why the input cannot be given to Markdig, or null when it can.</summary>
    public static string? Problem(string markdown)
    {
        if (markdown.Length > MaxLength) return "longer than " + MaxLength + " characters";
        if (LinkScanCost(markdown) > MaxLinkScan) return "too many unclosed links";

        var (definitions, underlines) = CountSuspiciousLines(markdown);
        if (definitions > MaxDefinitionLines) return "too many link reference definitions";
        if (underlines > MaxUnderlineLines) return "too many heading underlines";
        return null;
    }

    private static long LinkScanCost(string text)
    {
        // Walk right to left, remembering where the next blank, ")" and blank line are.
        long cost = 0;
        int nextBlank = text.Length, nextClose = text.Length, nextBlankLine = text.Length;
        var lineSoFarBlank = true;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (lineSoFarBlank) nextBlankLine = i;
                lineSoFarBlank = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineSoFarBlank = false;
            }

            if (char.IsWhiteSpace(c)) nextBlank = i;
            else if (c == ')') nextClose = i;
            else if (c == ']' && i + 1 < text.Length && text[i + 1] == '(')
                cost += Math.Min(nextBlank, nextBlankLine) - i + Math.Min(nextClose, nextBlankLine) - i;
        }
        return cost;
    }

    private static (int Definitions, int Underlines) CountSuspiciousLines(string text)
    {
        int definitions = 0, underlines = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimStart(" \t>").TrimEnd(" \t\r");
            if (line.Contains("]:", StringComparison.Ordinal)) definitions++;
            if (line.Length > 0 && (line.TrimStart('=').IsEmpty || line.TrimStart('-').IsEmpty)) underlines++;
        }
        return (definitions, underlines);
    }
}
