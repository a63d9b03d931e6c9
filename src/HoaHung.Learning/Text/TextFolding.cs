using System.Globalization;
using System.Text;

namespace HoaHung.Learning.Text;

/// <summary>
/// Folds text the way residents type it: lower case, Vietnamese diacritics removed, <c>đ</c> to <c>d</c>
/// (Unicode decomposition leaves <c>đ</c> alone), punctuation to spaces, runs of spaces collapsed.
/// The same function serves indexing and querying, so "dang ky vneid" finds "Đăng ký VNeID"; NFC and NFD
/// input fold the same.
/// </summary>
public static class TextFolding
{
    // Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional (where Vietnamese letters live) are
    // folded once into a table; other characters are folded as they come.
    private const int TableEnd = 0x1F00;
    private static readonly string?[] Table = BuildTable();

    public static string Fold(string? text) => string.IsNullOrEmpty(text) ? "" : Fold(text, null);

    /// <summary>
    /// Folds <paramref name="text"/> and tells, for each character of the result, the index in
    /// <paramref name="text"/> of the character it came from, so matches found in folded text can be shown
    /// on the original (diacritic) text.
    /// </summary>
    public static FoldedText FoldWithMap(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return new FoldedText("", []);
        var map = new List<int>(text.Length);
        return new FoldedText(Fold(text, map), map.ToArray());
    }

    /// <summary>The folded words of a text, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();

    /// <summary>What one character folds to: nothing for a combining mark, a space for a separator, else lower-case letters or digits.</summary>
    internal static string FoldChar(char c) => c < TableEnd ? Table[c]! : Compute(c);

    private static string Fold(string text, List<int>? map)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80) // the common case, without a string per character
                Emit(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ', i);
            else
                foreach (var f in FoldChar(c))
                    Emit(f, i);
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
            if (map is not null)
                map.RemoveAt(map.Count - 1);
        }
        return sb.ToString();

        // Letters and digits as they are; any run of separators as one space, none at the start.
        void Emit(char f, int source)
        {
            if (f == ' ' && lastWasSpace)
                return;
            sb.Append(f);
            map?.Add(source);
            lastWasSpace = f == ' ';
        }
    }

    private static string?[] BuildTable()
    {
        var table = new string?[TableEnd];
        for (var c = 0; c < TableEnd; c++)
            table[c] = Compute((char)c);
        return table;
    }

    // Canonical decomposition is per character, and the marks it separates are dropped, so folding
    // character by character gives the same result as decomposing the whole string first.
    private static string Compute(char c)
    {
        if (char.IsSurrogate(c))
            return " ";
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(d);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            var lower = d is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(d);
            sb.Append(char.IsLetterOrDigit(lower) ? lower : ' ');
        }
        return sb.ToString();
    }
}

/// <summary>Folded text and, for each of its characters, the index of the original character it came from.</summary>
public sealed record FoldedText(string Text, int[] Source);
