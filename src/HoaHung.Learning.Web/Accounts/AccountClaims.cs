using System.Security.Claims;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>
/// Adds what the site shows of her own account — display name, sign-in name, khu phố — and the must-change-password
/// flag to the sign-in cookie, so her pages need no account query (they are refreshed with the security stamp).
/// </summary>
public sealed class AccountClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "hh:name";
    public const string MustChangePassword = "hh:mcp";
    public const string Neighbourhood = "hh:kp";
    public const string PhoneSignIn = "hh:phone";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(MustChangePassword, "1"));
        if (user.Neighbourhood is { Length: > 0 } neighbourhood)
            identity.AddClaim(new Claim(Neighbourhood, neighbourhood));
        if (user.PhoneNumber is { Length: > 0 } phone)
            identity.AddClaim(new Claim(PhoneSignIn, phone));
        return identity;
    }

    public static string? NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name;

    /// <summary>
    /// The name the header greets her by; null when not signed in. Vietnamese names end with the given name, the one
    /// people are called by ("Nguyễn Thị Lan" → "Lan").
    /// </summary>
    public static string? ShortName(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? NameOf(user)?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            : null;

    /// <summary>Her account as her sign-in cookie describes it; null when not signed in.</summary>
    public static SignedInAccount? AccountOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.Identity.Name is { } name
            ? new SignedInAccount(NameOf(user)!, user.FindFirstValue(PhoneSignIn) is { } phone ? SignInNames.FormatPhone(phone) : name,
                user.FindFirstValue(Neighbourhood))
            : null;
}

public sealed record SignedInAccount(string DisplayName, string SignInName, string? Neighbourhood);
