using System.Text.RegularExpressions;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// The name a person signs in with: a Vietnamese mobile number or a username. Numbers are normalized to the
/// national form <c>0xxxxxxxxx</c>, so <c>0912 345 678</c>, <c>0912.345.678</c> and <c>+84912345678</c> are
/// the same account; usernames are lower case and must start with a letter, so they never look like a number.
/// </summary>
public static partial class SignInNames
{
    public const int MaxInputLength = 64;

    [GeneratedRegex(@"^0[35789]\d{8}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9._]{2,31}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[+\d\s().-]+$")]
    private static partial Regex PhoneLike();

    /// <summary>The normalized name, or null with a reason key (localized by the page) when it is neither.</summary>
    public static (string? Name, bool IsPhone, string? ErrorKey) Normalize(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length == 0)
            return (null, false, "Account.NameRequired");
        if (text.Length > MaxInputLength)
            return (null, false, "Account.NameInvalid");
        if (PhoneLike().IsMatch(text))
        {
            var phone = NormalizePhone(text);
            return phone is null ? (null, true, "Account.PhoneInvalid") : (phone, true, null);
        }
        var name = text.ToLowerInvariant();
        return UserNamePattern().IsMatch(name) ? (name, false, null) : (null, false, "Account.UserNameInvalid");
    }

    /// <summary><c>0912345678</c> for any common way of writing a Vietnamese mobile number; null otherwise.</summary>
    public static string? NormalizePhone(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        string? national = null;
        if (text.TrimStart().StartsWith('+'))
            national = digits.StartsWith("84") ? digits[2..] : null;
        else if (digits.StartsWith("0084"))
            national = digits[4..];
        else if (digits.StartsWith("84") && digits.Length == 11)
            national = digits[2..];
        if (national is not null)
            digits = national.StartsWith('0') ? national : "0" + national;
        return MobilePattern().IsMatch(digits) ? digits : null;
    }

    /// <summary>For display: <c>0912 345 678</c>.</summary>
    public static string FormatPhone(string phone) =>
        phone.Length == 10 ? $"{phone[..4]} {phone[4..7]} {phone[7..]}" : phone;
}
