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

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

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

    public void Dispose() => cache.Dispose();
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
