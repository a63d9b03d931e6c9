using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HoaHung.Learning.Web.Zalo;

/// <summary>
/// The signature of a Zalo OA event (docs/architecture.md §11): <c>X-ZEvent-Signature: mac=</c> + the lowercase hex SHA-256
/// of the app id, the raw body, the event's <c>timestamp</c> field and the OA secret key, concatenated.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    public static string Compute(string appId, ReadOnlySpan<byte> body, string timestamp, string secretKey)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(appId));
        sha.AppendData(body);
        sha.AppendData(Encoding.UTF8.GetBytes(timestamp));
        sha.AppendData(Encoding.UTF8.GetBytes(secretKey));
        return "mac=" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The header matches, compared in constant time.</summary>
    public static bool Matches(string? header, string expected) =>
        header is not null && header.Length == expected.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header), Encoding.ASCII.GetBytes(expected));

    /// <summary>
    /// The event's time: Zalo sends milliseconds since the Unix epoch (as a string); a value of 10 digits or fewer is
    /// read as seconds. Null when it is not a number.
    /// </summary>
    public static DateTimeOffset? TimeOf(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            return null;
        try
        {
            return value > 99_999_999_999 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static bool IsFresh(DateTimeOffset eventTime, DateTimeOffset now) => (now - eventTime).Duration() <= Freshness;
}
