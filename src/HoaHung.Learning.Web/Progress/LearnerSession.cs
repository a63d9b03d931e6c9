using System.Security.Claims;
using System.Security.Cryptography;
using HoaHung.Learning.Progress;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace HoaHung.Learning.Web.Progress;

/// <summary>
/// The one place that knows who is learning in this request: her account when signed in, otherwise the anonymous
/// progress in her signed cookie (<c>hh.progress</c>), or a fresh one. Pages and endpoints hand
/// <see cref="Learner"/> to the services and never branch on which kind she is; the cookie is written back,
/// once, just before the response starts, and only if a service changed it. The user id always comes from the
/// authenticated principal.
/// </summary>
public sealed class LearnerSession(IHttpContextAccessor accessor, IDataProtectionProvider protection)
{
    public const string CookieName = "hh.progress";
    public const string ProtectorPurpose = "HoaHung.Learning.AnonymousProgress.v1";
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);
    private readonly IDataProtector protector = protection.CreateProtector(ProtectorPurpose);
    private Learner? learner;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request");

    public bool IsSignedIn => Http.User.Identity?.IsAuthenticated == true;

    public Learner Learner => learner ??= Create();

    /// <summary>The browser sent an anonymous progress cookie (a kiosk reset forgets the work kept under it).</summary>
    public bool HasProgressCookie => Http.Request.Cookies.ContainsKey(CookieName);

    private Learner Create()
    {
        var http = Http;
        if (IsSignedIn && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            return Learner.Account(userId);
        var visitor = Learner.Visitor(ReadCookie() ?? AnonymousProgress.New());
        http.Response.OnStarting(() =>
        {
            if (visitor.CookieChanged && learner == visitor)
                WriteCookie(visitor.Anonymous!);
            return Task.CompletedTask;
        });
        return visitor;
    }

    /// <summary>At sign-in or sign-up: moves the cookie's progress into the account, then drops the cookie.</summary>
    public async Task MergeIntoAccountAsync(string userId, LearnerProgress progress, CancellationToken ct)
    {
        if (ReadCookie() is not { } cookie)
            return;
        await progress.MergeAsync(userId, cookie, ct);
        ForgetCookie();
    }

    /// <summary>Deletes the anonymous progress cookie (after a merge, or when she deletes her account).</summary>
    public void ForgetCookie()
    {
        learner = null;
        Http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
    }

    /// <summary>The anonymous reader's progress from her cookie; null when absent, tampered with or malformed.</summary>
    private AnonymousProgress? ReadCookie()
    {
        var value = Http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 4000)
            return null;
        try
        {
            return AnonymousProgress.FromBytes(protector.Unprotect(WebEncoders.Base64UrlDecode(value)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null; // an old key, or a hand-edited cookie: start afresh rather than fail the page
        }
    }

    private void WriteCookie(AnonymousProgress value) =>
        Http.Response.Cookies.Append(CookieName, WebEncoders.Base64UrlEncode(protector.Protect(value.ToBytes())), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Http.Request.IsHttps,
            IsEssential = true,
            MaxAge = CookieLifetime,
            Path = "/",
        });
}
