using System.Globalization;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Search;

/// <summary>A piece of text to show; <see cref="Match"/> pieces are shown marked (HTML-encoded by whoever renders them).</summary>
public sealed record TextPart(string Text, bool Match);

/// <summary>
/// Finds the folded query words in the original text (with its diacritics) and cuts it into plain and
/// matched parts. Only whole words are marked (see <see cref="Matches"/>).
/// </summary>
public static class Highlighting
{
    /// <summary>The whole text, cut into parts (for titles).</summary>
    public static IReadOnlyList<TextPart> Parts(string text, SearchTerms terms)
    {
        var folded = TextFolding.FoldWithMap(text);
        var spans = Matches(text, folded, terms).Select(m => ToOriginal(text, folded, m)).ToList();
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
        var matches = Matches(text, folded, terms);
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

    /// <summary>
    /// The words of the text to mark, each a whole folded word: one equal to a query word (the last query word, being
    /// typed, may be its start). A word typed with diacritics marks only words written the same way ("đăng" not
    /// "đang"). Words of a query that stand side by side in it ("dang ky") are marked where they stand side by side
    /// in the text, and alone only when the text never has them together: "dang ky vneid" marks "đăng ký", not the
    /// "đang" and "kỹ" of other sentences.
    /// </summary>
    private static List<Span> Matches(string original, FoldedText folded, SearchTerms terms)
    {
        var text = folded.Text;
        var words = new List<(int Start, int End)>();
        for (var at = 0; at < text.Length;)
        {
            var end = text.IndexOf(' ', at);
            if (end < 0)
                end = text.Length;
            words.Add((at, end));
            at = end + 1;
        }
        var query = terms.Words;
        var exact = new string?[query.Count];
        foreach (var token in terms.Exact)
        {
            var w = IndexOf(query, TextFolding.Fold(token));
            if (w >= 0)
                exact[w] ??= token;
        }

        // matches[w][k]: text word k stands for query word w.
        var matches = new bool[query.Count][];
        for (var w = 0; w < query.Count; w++)
        {
            matches[w] = new bool[words.Count];
            var prefix = w == query.Count - 1;
            for (var k = 0; k < words.Count; k++)
            {
                var (start, end) = words[k];
                var length = end - start;
                var same = prefix ? length >= query[w].Length && string.CompareOrdinal(text, start, query[w], 0, query[w].Length) == 0
                    : length == query[w].Length && string.CompareOrdinal(text, start, query[w], 0, length) == 0;
                if (same && exact[w] is { } typed)
                {
                    var span = ToOriginal(original, folded, new Span(start, end, w));
                    same = TextCleaning.Nfc(original[span.Start..span.End]).ToLowerInvariant() == typed;
                }
                matches[w][k] = same;
            }
        }

        var found = new List<Span>();
        for (var w = 0; w < query.Count; w++)
        {
            // The places where this word stands beside its neighbour in the query, as in the query.
            var together = new HashSet<int>();
            for (var k = 0; k < words.Count; k++)
            {
                if ((w > 0 && k > 0 && matches[w - 1][k - 1] && matches[w][k])
                    || (w < query.Count - 1 && k < words.Count - 1 && matches[w][k] && matches[w + 1][k + 1]))
                    together.Add(k);
            }
            for (var k = 0; k < words.Count; k++)
            {
                if (matches[w][k] && (together.Count == 0 || together.Contains(k)))
                    found.Add(new Span(words[k].Start, words[k].End, w));
            }
        }
        // A text word standing for two query words ("vneid vneid") is marked once.
        return found.GroupBy(s => s.Start).Select(g => g.First()).OrderBy(s => s.Start).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
            if (words[i] == word)
                return i;
        return -1;
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
