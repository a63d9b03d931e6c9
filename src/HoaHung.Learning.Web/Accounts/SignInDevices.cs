using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>
/// The device cookie (<c>hh.device</c>): a browser that signed in to an account remembers it, signed and encrypted,
/// and <see cref="SignInThrottle"/> then counts only that browser's own wrong passwords for the account — a stranger
/// guessing elsewhere never slows a resident on her own phone (docs/architecture.md §6). Not set on a shared device.
/// </summary>
public sealed class SignInDevices(IDataProtectionProvider protection)
{
    public const string CookieName = "hh.device";
    private const int MaxAccounts = 5;
    private readonly IDataProtector protector = protection.CreateProtector("HoaHung.Learning.SignInDevice.v1");

    public (string? Id, IReadOnlyCollection<string> Accounts) Read(HttpContext http)
    {
        var value = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 2000)
            return (null, []);
        try
        {
            var lines = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(value))).Split('\n');
            return (lines[0], lines[1..]);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return (null, []); // an old key or a hand-made cookie: an untrusted browser
        }
    }

    /// <summary>After a successful sign-in: this browser is trusted for the account from now on.</summary>
    public void Remember(HttpContext http, string account)
    {
        var (id, accounts) = Read(http);
        var lines = new[] { id ?? WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)), account }
            .Concat(accounts.Where(a => a != account).Take(MaxAccounts - 1));
        http.Response.Cookies.Append(CookieName, WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(string.Join('\n', lines)))),
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(400),
                Path = "/",
            });
    }
}
