using System.Security.Cryptography;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// Temporary passwords an admin reads aloud to a resident: ten characters in two groups (<c>k7mq4-pxt9w</c>),
/// lower case, from an alphabet without look-alikes (no 0/o, 1/l/i), about 49 bits of randomness.
/// </summary>
public static class TemporaryPasswords
{
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    public const int Symbols = 10;

    public static string Generate(string? userName, string? displayName)
    {
        Span<char> chars = stackalloc char[Symbols + 1];
        while (true)
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = i == Symbols / 2 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            var password = new string(chars);
            // Practically never refused; the loop keeps the promise that it always passes the rules.
            if (PasswordRules.Check(password, userName, displayName) is null)
                return password;
        }
    }
}
