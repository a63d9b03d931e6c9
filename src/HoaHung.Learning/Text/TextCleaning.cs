using System.Text;

namespace HoaHung.Learning.Text;

/// <summary>Cleaning of text that comes from people and files: NFC, no control characters, one line where a line is expected.</summary>
public static class TextCleaning
{
    /// <summary>NFC, no NUL or other control characters except tab and newline.</summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s))
            return "";
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
                continue; // a lone surrogate cannot be normalized or encoded
            if (c == '\n' || c == '\t' || !char.IsControl(c))
                sb.Append(c);
        }
        var result = sb.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    public static string OneLine(string? s) => string.Join(' ', Clean(s).Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>At most <paramref name="max"/> UTF-16 units, never cutting a surrogate pair in two (a lone half cannot be stored).</summary>
    public static string Truncate(string s, int max)
    {
        if (s.Length <= max)
            return s;
        return char.IsHighSurrogate(s[max - 1]) ? s[..(max - 1)] : s[..max];
    }

    /// <summary>NFC, or the text as it is when it holds a lone surrogate (which Normalize refuses).</summary>
    public static string Nfc(string text)
    {
        try { return text.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return text; }
    }
}
