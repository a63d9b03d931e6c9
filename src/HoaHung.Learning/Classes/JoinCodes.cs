using System.Security.Cryptography;

namespace HoaHung.Learning.Classes;

/// <summary>
/// Class join codes a trainer shows large or reads aloud: six characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), upper case, about 30 bits. Typed codes are forgiving: case, spaces and dashes are ignored.
/// </summary>
public static class JoinCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    public static string Generate() => Random(Length);

    /// <summary>The code as stored (upper case, no separators), or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 32)
            return null;
        Span<char> code = stackalloc char[Length];
        var n = 0;
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '.' or '\t')
                continue;
            var upper = char.ToUpperInvariant(c);
            if (n == Length || !Alphabet.Contains(upper))
                return null;
            code[n++] = upper;
        }
        return n == Length ? new string(code) : null;
    }

    /// <summary>For display: <c>ABC 234</c>, easier to read aloud and to type.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..3]} {code[3..]}" : code;

    internal static string Random(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
