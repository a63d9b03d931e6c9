namespace HoaHung.Learning.Studio.Checks;

/// <summary>
/// Words and sentences of Vietnamese prose, for the reading checks. A word is what Vietnamese word processors count:
/// a run of characters between spaces that holds a letter or a digit — each syllable ("tiếng") of "điện thoại" is one,
/// a dash or an emoji alone is none, "1.000.000" and a web address are one. A sentence ends at "!", "?" or at "."/"…"
/// followed by a space and a word that does not start in lower case, except after the abbreviations of addresses and
/// titles that Vietnamese text is full of ("TP. Hồ Chí Minh", "P. Hòa Hưng", "KP. 5", "ThS. Lan", "v.v.") and after
/// an initial ("Nguyễn V. An").
/// </summary>
public static class VietnameseText
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "tp", "tx", "tt", "kp", "ths", "ts", "pgs", "gs", "bs", "ks", "vd", "v.v", "đc", "đt", "sđt", "st", "no", "stt", "ubnd",
    };

    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inToken = false;
        var tokenHasWordChar = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inToken && tokenHasWordChar) count++;
                inToken = tokenHasWordChar = false;
                continue;
            }
            inToken = true;
            tokenHasWordChar |= char.IsLetterOrDigit(c);
        }
        if (inToken && tokenHasWordChar) count++;
        return count;
    }

    /// <summary>The sentences of a paragraph as (start, length) in <paramref name="text"/>, blanks around them excluded.</summary>
    public static List<(int Start, int Length)> Sentences(string text)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsTerminator(text[i]))
                continue;
            var runEnd = i;
            while (runEnd + 1 < text.Length && IsTerminator(text[runEnd + 1])) runEnd++;
            var end = runEnd;
            while (end + 1 < text.Length && IsCloser(text[end + 1])) end++;
            if ((end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])) && EndsSentence(text, start, i, runEnd, end))
            {
                Add(start, end + 1);
                start = end + 1;
            }
            i = end;
        }
        Add(start, text.Length);
        return sentences;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from])) from++;
            while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
            if (to > from) sentences.Add((from, to - from));
        }
    }

    private static bool EndsSentence(string text, int sentenceStart, int runStart, int runEnd, int end)
    {
        for (var k = runStart; k <= runEnd; k++)
            if (text[k] is '!' or '?')
                return true;
        var tokenStart = runStart;
        while (tokenStart > sentenceStart && !char.IsWhiteSpace(text[tokenStart - 1])) tokenStart--;
        var token = text.AsSpan(tokenStart, runStart - tokenStart).TrimStart("\"'“‘(«[");
        if (token.Length == 1 && char.IsLetter(token[0]))
            return false; // an initial, or "P." / "Q." of an address
        if (token.Length > 0 && Abbreviations.Contains(token.ToString()))
            return false;
        var next = end + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        while (next < text.Length && IsOpener(text[next])) next++;
        return next >= text.Length || !char.IsLower(text[next]);
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or '»' or ']';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '«' or '[';
}
