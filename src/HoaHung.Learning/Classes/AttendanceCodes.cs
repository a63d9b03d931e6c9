using System.Security.Cryptography;
using System.Text;

namespace HoaHung.Learning.Classes;

/// <summary>
/// The session QR a resident scans to mark herself present. Its code changes every <see cref="WindowSeconds"/>
/// seconds: an HMAC-SHA256 of the session id and the time window, keyed by the class's own secret, so a photo
/// sent to a friend at home stops working within a minute. The current and the previous window are accepted, so
/// a code scanned just before it changes still works while the page loads on a slow phone.
/// </summary>
public static class AttendanceCodes
{
    public const int WindowSeconds = 30;
    public const int Length = 8;

    public static long Window(DateTimeOffset now) => now.ToUnixTimeSeconds() / WindowSeconds;

    /// <summary>The code shown now for the session.</summary>
    public static string Current(byte[] secret, int sessionId, DateTimeOffset now) => Code(secret, sessionId, Window(now));

    /// <summary>When the code shown now stops being the current one (the page refreshes its QR then).</summary>
    public static DateTimeOffset NextChange(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds((Window(now) + 1) * WindowSeconds);

    /// <summary>True when <paramref name="code"/> is the session's code of this window or of the one before.</summary>
    public static bool IsValid(byte[] secret, int sessionId, string? code, DateTimeOffset now)
    {
        if (code is null || code.Length != Length)
            return false;
        var typed = Encoding.ASCII.GetBytes(code.ToUpperInvariant());
        var window = Window(now);
        // Both compared in constant time; no early exit tells an attacker which window was close.
        var current = CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(Code(secret, sessionId, window)));
        var previous = CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(Code(secret, sessionId, window - 1)));
        return current | previous;
    }

    internal static string Code(byte[] secret, int sessionId, long window)
    {
        Span<byte> message = stackalloc byte[12];
        BitConverter.TryWriteBytes(message[..4], sessionId);
        BitConverter.TryWriteBytes(message[4..], window);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, message, mac);
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = JoinCodes.Alphabet[mac[i] % JoinCodes.Alphabet.Length];
        return new string(chars);
    }
}
