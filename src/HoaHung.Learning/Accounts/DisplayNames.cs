using System.Globalization;
using System.Text;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// The name a person is shown by, on her pages, in staff lists and on certificates: one line, NFC, no invisible or
/// direction-changing characters (zero-width spaces and joiners, byte-order marks, bidi controls such as U+202E that
/// would print "abc.exe" backwards — every format character, Unicode category Cf), 2–100 characters, and at least
/// one letter. Every place that sets a display name goes through <see cref="Normalize"/>: sign-up, the <c>users
/// add</c> command, the first admin, and any staff tool or bulk creation that sets names.
/// </summary>
public static class DisplayNames
{
    public const int MinLength = 2;
    public const int MaxLength = 100;

    /// <summary>The cleaned name, or null with a reason key (localized by the page).</summary>
    public static (string? Name, string? ErrorKey) Normalize(string? input)
    {
        var visible = new StringBuilder();
        foreach (var rune in TextCleaning.OneLine(input).EnumerateRunes())
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
                visible.Append(rune.ToString());
        var name = TextCleaning.OneLine(visible.ToString());
        if (name.Length < MinLength || name.Length > MaxLength)
            return (null, "Account.DisplayNameInvalid");
        if (!name.EnumerateRunes().Any(Rune.IsLetter))
            return (null, "Account.DisplayNameNeedsLetters");
        return (name, null);
    }
}
