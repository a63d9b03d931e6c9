using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>
/// Keeps the sign-in cookies this process has already decrypted, so a learner's next page costs a dictionary lookup
/// instead of a Data Protection decryption (key derivation, HMAC, AES, deserialising the claims: ~40% of a signed-in
/// page served from its shell, bench/README.md). Only the exact cookie text Data Protection accepted maps to its
/// ticket, and each caller gets its own copy. Nothing else changes: the cookie handler still refuses an expired
/// ticket, <see cref="SessionCookieEvents"/> still checks the session on every request (signing out still ends
/// it at once), and an entry lives at most <see cref="Lifetime"/>, so a revoked Data Protection key is honoured
/// within that time.
/// </summary>
internal sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Cookies held at most (~1–2 KB each).</summary>
    public const int Capacity = 10_000;

    /// <summary>Cookies held that are not tickets (junk, forged, or under a key this site no longer has).</summary>
    public const int RefusedCapacity = 2_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly MemoryCache refused = new(new MemoryCacheOptions { SizeLimit = RefusedCapacity });

    /// <summary>
    /// Whether the cookie text is a ticket of this site: a lookup for one already decrypted, once either way, then
    /// remembered (a ticket as <see cref="Unprotect(string?)"/> keeps it, anything else for <see cref="Lifetime"/>), so
    /// a client sending junk as its sign-in cookie costs no more decryption than a signed-in reader does.
    /// </summary>
    public bool IsTicket(string protectedText)
    {
        if (cache.TryGetValue(protectedText, out _))
            return true;
        if (refused.TryGetValue(protectedText, out _))
            return false;
        if (Unprotect(protectedText) is not null)
            return true;
        refused.Set(protectedText, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return false;
    }

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
            return inner.Unprotect(protectedText, purpose);
        if (cache.TryGetValue(protectedText, out AuthenticationTicket? held))
            return held!.Clone();
        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
            cache.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return ticket;
    }

    public void Dispose()
    {
        cache.Dispose();
        refused.Dispose();
    }
}

/// <summary>Wraps the sign-in cookie's ticket format once the cookie handler's own post-configuration has made it.</summary>
internal sealed class CacheSignInTickets : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is { } format and not CachedTicketFormat)
            options.TicketDataFormat = new CachedTicketFormat(format);
    }
}

/// <summary>
/// Tells the output cache (which runs before authentication) whether a request carries a real sign-in: a cookie named
/// like the sign-in cookie that is not a ticket of this site makes nobody signed in, so the request is served the
/// anonymous cached page — as authentication would treat it anyway — instead of a page rendered for it.
/// </summary>
public sealed class SignInCookieCheck(IOptionsMonitor<CookieAuthenticationOptions> options)
{
    public bool CarriesTicket(HttpContext http)
    {
        if (!AccountsHosting.HasSignInCookie(http.Request))
            return false;
        var cookie = options.Get(IdentityConstants.ApplicationScheme);
        if (cookie.CookieManager.GetRequestCookie(http, cookie.Cookie.Name!) is not { Length: > 0 } text)
            return false;
        return cookie.TicketDataFormat is CachedTicketFormat cached ? cached.IsTicket(text) : cookie.TicketDataFormat.Unprotect(text) is not null;
    }
}
