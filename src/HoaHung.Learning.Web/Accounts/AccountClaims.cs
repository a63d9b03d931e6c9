using HoaHung.Learning.Web.Layout;
using HoaHung.Learning.Web.Hosting;
using System.Security.Claims;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>Adds the display name (for the header) and the must-change-password flag to the sign-in cookie.</summary>
public sealed class AccountClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "hh:name";
    public const string MustChangePassword = "hh:mcp";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(MustChangePassword, "1"));
        return identity;
    }

    public static string? NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name;
}

public static class MustChangePasswordMiddleware
{
    /// <summary>
    /// A learner given a temporary password by staff reaches no page until she has chosen her own. Machine paths
    /// (API, media, static files) and the account pages she needs on the way are left alone.
    /// </summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var path = ctx.Request.Path;
        if (HttpMethods.IsGet(ctx.Request.Method) && ctx.User.HasClaim(AccountClaims.MustChangePassword, "1")
            && !path.StartsWithSegments(SiteLinks.AccountPages) && !Path.HasExtension(path.Value) && !SitePaths.IsMachinePath(path))
        {
            ctx.Response.Redirect(SiteLinks.ChangePasswordThen(path + ctx.Request.QueryString));
            return;
        }
        await next();
    });
}
