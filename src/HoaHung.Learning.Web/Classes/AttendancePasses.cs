using System.Buffers.Binary;
using System.Security.Cryptography;
using HoaHung.Learning.Classes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace HoaHung.Learning.Web.Classes;

/// <summary>A valid pass: when its browser scanned the session's code, and the pass's own random id.</summary>
public sealed record ScanPass(DateTimeOffset ScannedAt, string Id);

/// <summary>
/// A resident who scans the session QR while signed out must sign in first, which takes longer than the code
/// lives. So a valid scan becomes a signed pass (Data Protection, keys shared by every instance) that says "this
/// browser scanned session N's current code at T", good for <see cref="ClassAttendance.ScanPassLifetime"/>.
/// The pass is bound to the browser that scanned: its random id also goes into a cookie of that browser
/// (<see cref="CookieName"/>, only for this session's address), and a pass opened without it — a link forwarded to
/// someone at home — marks nobody. It is used once (<see cref="ClassAttendance.SelfMarkScannedAsync"/>).
/// </summary>
public sealed class AttendancePasses(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "hh.scan";
    private const int IdBytes = AttendancePassUse.IdLength / 2;
    private const int PayloadBytes = 12 + IdBytes;

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("HoaHung.Learning.Classes.AttendancePass.v2").ToTimeLimitedDataProtector();

    /// <summary>A pass for this browser's scan of the session, its id kept in this browser's cookie.</summary>
    public string Issue(HttpContext http, int sessionId)
    {
        var bytes = new byte[PayloadBytes];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, sessionId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(4), clock.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(bytes.AsSpan(12));
        var id = Convert.ToHexString(bytes, 12, IdBytes);
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = ClassLinks.SelfAttendance(sessionId),
            MaxAge = ClassAttendance.ScanPassLifetime,
            IsEssential = true,
        });
        return WebEncoders.Base64UrlEncode(protector.Protect(bytes, ClassAttendance.ScanPassLifetime));
    }

    /// <summary>The pass of this session; null for a forged, expired or other session's pass.</summary>
    public ScanPass? Read(string? pass, int sessionId)
    {
        if (string.IsNullOrEmpty(pass) || pass.Length > 400)
            return null;
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(pass), out _);
            if (bytes.Length != PayloadBytes || BinaryPrimitives.ReadInt32LittleEndian(bytes) != sessionId)
                return null;
            return new ScanPass(DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(4))),
                Convert.ToHexString(bytes, 12, IdBytes));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether this browser is the one that scanned (it holds the pass's id in its cookie).</summary>
    public static bool IsThisBrowsers(HttpContext http, ScanPass pass) =>
        http.Request.Cookies[CookieName] is { Length: AttendancePassUse.IdLength } held
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(held), System.Text.Encoding.ASCII.GetBytes(pass.Id));
}
