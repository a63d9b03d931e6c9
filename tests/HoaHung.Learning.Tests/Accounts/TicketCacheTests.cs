using System.Security.Claims;
using HoaHung.Learning.Web.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>A sign-in cookie decrypted once: the same answer as Data Protection's, a copy for each request.</summary>
public sealed class TicketCacheTests
{
    private sealed class Counting : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => "p:" + data.Principal.Identity!.Name;

        public string Protect(AuthenticationTicket data, string? purpose) => Protect(data);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return protectedText is { } text && text.StartsWith("p:", StringComparison.Ordinal)
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, text[2..])], "cookie")),
                    new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UnixEpoch.AddYears(60) }, "Identity.Application")
                : null;
        }
    }

    [Fact]
    public void The_same_cookie_is_decrypted_once_and_each_caller_gets_its_own_copy()
    {
        var inner = new Counting();
        using var format = new CachedTicketFormat(inner);

        var first = format.Unprotect("p:lan")!;
        first.Properties.ExpiresUtc = DateTimeOffset.UnixEpoch; // what a handler may do to its copy
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("extra", "1"));
        var second = format.Unprotect("p:lan")!;

        Assert.Equal(1, inner.Unprotected);
        Assert.NotSame(first, second);
        Assert.Equal("lan", second.Principal.Identity!.Name);
        Assert.Null(second.Principal.FindFirst("extra"));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddYears(60), second.Properties.ExpiresUtc);
    }

    [Fact]
    public void A_refused_cookie_is_never_kept_and_other_purposes_pass_through()
    {
        var inner = new Counting();
        using var format = new CachedTicketFormat(inner);

        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect(null));
        Assert.Equal(3, inner.Unprotected);

        format.Unprotect("p:hoa", "another purpose");
        format.Unprotect("p:hoa", "another purpose");
        Assert.Equal(5, inner.Unprotected);
        Assert.Equal("p:hoa", format.Protect(format.Unprotect("p:hoa")!));
    }
}
