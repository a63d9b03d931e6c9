using System.Globalization;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Search;

/// <summary>A piece of text to show; <see cref="Match"/> pieces are shown marked (HTML-encoded by whoever renders them).</summary>
public sealed record TextPart(string Text, bool Match);

/// <summary>
/// Finds the folded query words in the original text (with its diacritics) and cuts it into plain and
/// matched parts. Words match at a word start; the last word also as a prefix, like the index.
/// </summary>
public static class Highlighting
{
    /// <summary>The whole text, cut into parts (for titles).</summary>
    public static IReadOnlyList<TextPart> Parts(string text, SearchTerms terms)
    {
        var folded = TextFolding.FoldWithMap(text);
        var spans = Matches(folded, terms).Select(m => ToOriginal(text, folded, m)).ToList();
        return Cut(text, 0, text.Length, spans, false, false);
    }

    /// <summary>
    /// About <paramref name="length"/> characters of <paramref name="text"/> around the place where most query
    /// words occur, cut at word boundaries, with "…" where text was left out; null when no word occurs.
    /// </summary>
    public static IReadOnlyList<TextPart>? Snippet(string text, SearchTerms terms, int length = 180)
    {
        if (string.IsNullOrEmpty(text) || terms.IsEmpty)
            return null;
        var folded = TextFolding.FoldWithMap(text);
        var matches = Matches(folded, terms);
        if (matches.Count == 0)
            return null;

        // The window (in folded characters) holding the most distinct words; the first such window wins.
        var lead = length / 4;
        var counts = new int[terms.Words.Count];
        var distinct = 0;
        (int Start, int Score) best = (0, -1);
        for (int i = 0, j = 0; i < matches.Count; i++)
        {
            var from = Math.Max(0, matches[i].Start - lead);
            for (; j < matches.Count && (j <= i || matches[j].End <= from + length); j++)
                if (counts[matches[j].Word]++ == 0) distinct++;
            if (distinct > best.Score)
                best = (from, distinct);
            if (--counts[matches[i].Word] == 0) distinct--;
        }

        var start = best.Start == 0 ? 0 : WordStart(text, folded.Source[best.Start]);
        var endFolded = Math.Min(folded.Text.Length, best.Start + length);
        var end = endFolded >= folded.Text.Length ? text.Length : WordEnd(text, folded.Source[endFolded]);
        if (start == 0 && text.Length - end < 20)
            end = text.Length;
        var spans = matches.Select(m => ToOriginal(text, folded, m)).Where(s => s.Start >= start && s.End <= end).ToList();
        return Cut(text, start, end, spans, start > 0, end < text.Length);
    }

    private readonly record struct Span(int Start, int End, int Word);

    private static List<Span> Matches(FoldedText folded, SearchTerms terms)
    {
        var text = folded.Text;
        var found = new List<Span>();
        for (var w = 0; w < terms.Words.Count; w++)
        {
            var word = terms.Words[w];
            var prefix = w == terms.Words.Count - 1;
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if ((at == 0 || text[at - 1] == ' ') && (prefix || end == text.Length || text[end] == ' '))
                    found.Add(new Span(at, end, w));
            }
        }
        // Overlapping matches (a word that is a prefix of another) merge into one.
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Span>(found.Count);
        foreach (var s in found)
        {
            if (merged.Count > 0 && s.Start < merged[^1].End)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, s.End) };
            else
                merged.Add(s);
        }
        return merged;
    }

    /// <summary>A folded span as a span of the original text, combining marks after its last letter included.</summary>
    private static Span ToOriginal(string text, FoldedText folded, Span s)
    {
        var start = folded.Source[s.Start];
        var end = folded.Source[s.End - 1] + 1;
        while (end < text.Length && IsMark(text[end]))
            end++;
        return s with { Start = start, End = end };
    }

    private static IReadOnlyList<TextPart> Cut(string text, int start, int end, List<Span> spans, bool ellipsisBefore, bool ellipsisAfter)
    {
        var parts = new List<TextPart>();
        var at = start;
        foreach (var s in spans)
        {
            if (s.Start > at)
                parts.Add(new TextPart(text[at..s.Start], false));
            parts.Add(new TextPart(text[s.Start..s.End], true));
            at = s.End;
        }
        if (end > at)
            parts.Add(new TextPart(text[at..end], false));
        if (ellipsisBefore)
            parts.Insert(0, new TextPart("… ", false));
        if (ellipsisAfter)
            parts.Add(new TextPart(" …", false));
        return parts;
    }

    private static int WordStart(string text, int i)
    {
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
            i--;
        return i;
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
