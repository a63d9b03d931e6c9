using System.Buffers.Binary;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace HoaHung.Learning.Web.Classes;

/// <summary>
/// A resident who scans the session QR while signed out must sign in first, which takes longer than the code
/// lives. So a valid scan becomes a signed pass (Data Protection, keys shared by every instance) that says "this
/// browser scanned session N's current code at T", good for <see cref="HoaHung.Learning.Classes.ClassAttendance.ScanPassLifetime"/>.
/// </summary>
public sealed class AttendancePasses(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("HoaHung.Learning.Classes.AttendancePass").ToTimeLimitedDataProtector();

    public string Issue(int sessionId)
    {
        var bytes = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, sessionId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(4), clock.GetUtcNow().ToUnixTimeMilliseconds());
        return WebEncoders.Base64UrlEncode(protector.Protect(bytes, HoaHung.Learning.Classes.ClassAttendance.ScanPassLifetime));
    }

    /// <summary>When the pass's holder scanned this session's code; null for a forged, expired or other session's pass.</summary>
    public DateTimeOffset? ScannedAt(string? pass, int sessionId)
    {
        if (string.IsNullOrEmpty(pass) || pass.Length > 400)
            return null;
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(pass), out _);
            if (bytes.Length != 12 || BinaryPrimitives.ReadInt32LittleEndian(bytes) != sessionId)
                return null;
            return DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(4)));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
