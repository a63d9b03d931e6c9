using System.Globalization;
using System.Text;

namespace HoaHung.Learning.Search;

/// <summary>
/// Folds text the way residents type it: lower case, Vietnamese diacritics removed, <c>đ</c> to <c>d</c>
/// (Unicode decomposition leaves <c>đ</c> alone), punctuation to spaces, runs of spaces collapsed.
/// The same function serves indexing and querying, so "dang ky vneid" finds "Đăng ký VNeID".
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsLetterOrDigit(folded))
            {
                sb.Append(folded);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ')
            sb.Length--;
        return sb.ToString();
    }

    /// <summary>The folded words of a text, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
}
