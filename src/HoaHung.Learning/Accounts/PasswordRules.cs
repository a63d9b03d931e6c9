using HoaHung.Learning.Text;
using Microsoft.AspNetCore.Identity;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// Passwords per NIST SP 800-63B: at least 8 characters, no composition rules (Identity's are switched off),
/// refused when common or derived from the account's own names. Messages are localization keys.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Check(password, user.UserName, user.DisplayName) is { } key
            ? IdentityResult.Failed(new IdentityError { Code = key, Description = key })
            : IdentityResult.Success);

    /// <summary>The reason key a password is refused for, or null when it is acceptable.</summary>
    public static string? Check(string? password, string? userName, string? displayName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            return "Password.TooShort";
        if (password.Length > MaxLength)
            return "Password.TooLong";
        var folded = TextFolding.Fold(password).Replace(" ", "");
        if (Common.Value.Contains(password.ToLowerInvariant()) || Common.Value.Contains(folded) || IsPattern(folded))
            return "Password.TooCommon";
        var name = TextFolding.Fold(userName ?? "").Replace(" ", "");
        var display = TextFolding.Fold(displayName ?? "").Replace(" ", "");
        if ((name.Length >= 4 && folded.Contains(name)) || (display.Length >= 4 && folded == display))
            return "Password.ContainsName";
        return null;
    }

    /// <summary>One repeated character, or a run of consecutive digits or letters (12345678, 98765432, abcdefgh).</summary>
    private static bool IsPattern(string s)
    {
        if (s.Distinct().Count() <= 2)
            return true;
        var up = true;
        var down = true;
        for (var i = 1; i < s.Length; i++)
        {
            up &= s[i] == s[i - 1] + 1 || (s[i] == '0' && s[i - 1] == '9');
            down &= s[i] == s[i - 1] - 1 || (s[i] == '9' && s[i - 1] == '0');
        }
        return up || down;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("HoaHung.Learning.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#')
                set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
