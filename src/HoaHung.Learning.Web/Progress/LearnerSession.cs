using System.Security.Claims;
using System.Security.Cryptography;
using HoaHung.Learning.Progress;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace HoaHung.Learning.Web.Progress;

/// <summary>
/// The learner behind the current request: her account when signed in, otherwise the anonymous progress kept
/// in her signed cookie (<c>hh.progress</c>). Pages and endpoints record progress through here so that both
/// kinds of reader are handled in one place. The user id always comes from the authenticated principal.
/// </summary>
public sealed class LearnerSession(IHttpContextAccessor accessor, IDataProtectionProvider protection,
    LearnerProgress progress, TimeProvider clock)
{
    public const string CookieName = "hh.progress";
    public const string ProtectorPurpose = "HoaHung.Learning.AnonymousProgress.v1";
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);
    private readonly IDataProtector protector = protection.CreateProtector(ProtectorPurpose);
    private AnonymousProgress? anonymous;
    private bool anonymousRead;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request");

    public string? UserId =>
        Http.User.Identity?.IsAuthenticated == true ? Http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>Who is learning, or null for a reader who has neither an account nor a progress cookie yet.</summary>
    public Learner? Current => UserId is { } id ? Learner.Account(id)
        : ReadAnonymous() is { } a ? Learner.Anonymous(a.Id) : null;

    /// <summary>The current learner, giving an anonymous reader a progress cookie if she has none yet.</summary>
    public Learner Ensure()
    {
        if (Current is { } learner)
            return learner;
        var created = AnonymousProgress.New();
        WriteAnonymous(created);
        return Learner.Anonymous(created.Id);
    }

    /// <summary>The anonymous reader's progress from her cookie; null when absent, tampered with or malformed.</summary>
    public AnonymousProgress? ReadAnonymous()
    {
        if (anonymousRead)
            return anonymous;
        anonymousRead = true;
        var value = Http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 4000)
            return null;
        try
        {
            anonymous = AnonymousProgress.FromBytes(protector.Unprotect(WebEncoders.Base64UrlDecode(value)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            anonymous = null; // an old key, or a hand-edited cookie: start afresh rather than fail the page
        }
        return anonymous;
    }

    public void WriteAnonymous(AnonymousProgress value)
    {
        anonymous = value;
        anonymousRead = true;
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

    public void ClearAnonymous()
    {
        anonymous = null;
        Http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
    }

    /// <summary>Her progress in one lesson, whoever she is; null when she has none.</summary>
    public async Task<LessonState?> StateAsync(LessonRef lesson, CancellationToken ct)
    {
        if (UserId is { } id)
            return await progress.StateAsync(id, lesson.Id, ct);
        return ReadAnonymous()?.Find(lesson.Id) is { } entry ? new LessonState(entry.IsCompleted, entry.VideoPosition) : null;
    }

    public async Task RecordOpenAsync(LessonRef lesson, CancellationToken ct)
    {
        if (UserId is { } id)
        {
            await progress.RecordOpenAsync(id, lesson.Id, ct);
            return;
        }
        var cookie = ReadAnonymous() ?? AnonymousProgress.New();
        cookie.Opened(lesson.Id, clock.GetUtcNow());
        WriteAnonymous(cookie);
    }

    /// <summary>Marks the lesson completed (idempotent), for an account or in the anonymous cookie.</summary>
    public async Task<CompletionView> CompleteLessonAsync(LessonRef lesson, CancellationToken ct)
    {
        if (UserId is { } id)
            return await progress.CompleteAsync(id, lesson, ct);
        var cookie = ReadAnonymous() ?? AnonymousProgress.New();
        cookie.Completed(lesson.Id, clock.GetUtcNow());
        WriteAnonymous(cookie);
        return new CompletionView(lesson, await progress.PathsContainingAsync(cookie, lesson.Id, ct), []);
    }

    /// <summary>Saves the video position; returns whether this completed the lesson.</summary>
    public async Task<bool> SaveVideoPositionAsync(LessonRef lesson, int seconds, int duration, CancellationToken ct)
    {
        if (UserId is { } id)
            return await progress.SaveVideoPositionAsync(id, lesson, seconds, duration, ct);
        var cookie = ReadAnonymous() ?? AnonymousProgress.New();
        cookie.VideoAt(lesson.Id, seconds, clock.GetUtcNow());
        var watched = LearnerProgress.IsWatched(seconds, duration);
        if (watched)
            cookie.Completed(lesson.Id, clock.GetUtcNow());
        WriteAnonymous(cookie);
        return watched;
    }

    /// <summary>At sign-in or sign-up: moves the cookie's progress into the account, then drops the cookie.</summary>
    public async Task MergeIntoAccountAsync(string userId, CancellationToken ct)
    {
        if (ReadAnonymous() is not { } cookie)
            return;
        await progress.MergeAsync(userId, cookie, ct);
        ClearAnonymous();
    }
}
