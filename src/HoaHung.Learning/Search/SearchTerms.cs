using System.Globalization;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Search;

/// <summary>
/// What a person typed, made safe for every index: at most <see cref="MaxQueryLength"/> characters and
/// <see cref="MaxWords"/> folded words of letters and digits only (no quote, star, bracket or operator
/// survives folding), the last one matched as a prefix. Words typed with diacritics are kept as typed
/// (lower case, NFC) in <see cref="Exact"/> so that lessons spelled the same way rank slightly higher.
/// </summary>
public sealed record SearchTerms(IReadOnlyList<string> Words, IReadOnlyList<string> Exact)
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 8;

    public static readonly SearchTerms None = new([], []);

    public bool IsEmpty => Words.Count == 0;

    /// <summary>The folded words joined by spaces: the canonical form of the query.</summary>
    public string Folded => string.Join(' ', Words);

    public static SearchTerms Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return None;
        if (query.Length > MaxQueryLength)
            query = query[..MaxQueryLength];
        var words = TextFolding.Words(query).Take(MaxWords).ToArray();
        if (words.Length == 0)
            return None;

        var exact = new List<string>();
        foreach (var token in Tokens(TextCleaning.Nfc(query).ToLowerInvariant()))
        {
            var folded = TextFolding.Fold(token);
            if (folded != token && folded.Length > 0 && !folded.Contains(' ') && words.Contains(folded) && !exact.Contains(token))
                exact.Add(token);
            if (exact.Count == MaxWords)
                break;
        }
        return new SearchTerms(words, exact);
    }

    /// <summary>Runs of letters, digits and combining marks (so an NFD-typed word stays one token).</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && (char.IsLetterOrDigit(text[i])
                || CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
            if (inToken && start < 0)
                start = i;
            else if (!inToken && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
