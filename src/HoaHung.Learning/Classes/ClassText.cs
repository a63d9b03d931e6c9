using System.Globalization;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Classes;

/// <summary>Text typed by trainers (class, group and learner names, notes): untrusted, cleaned before it is stored.</summary>
internal static class ClassText
{
    /// <summary>One line, NFC, without control or format characters (zero-width, direction overrides).</summary>
    public static string Line(string? text)
    {
        var line = TextCleaning.OneLine(text);
        if (!line.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
            return line;
        return TextCleaning.OneLine(new string(line.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray()));
    }

    /// <summary>A name a person can read: within the length bounds and with at least one letter.</summary>
    public static bool IsName(string line, int min, int max) =>
        line.Length >= min && line.Length <= max && line.Any(char.IsLetter);

    /// <summary>An optional field: null when empty.</summary>
    public static string? Optional(string? text) => Line(text) is { Length: > 0 } line ? line : null;
}
