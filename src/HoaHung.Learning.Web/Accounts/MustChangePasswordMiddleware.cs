using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;

namespace HoaHung.Learning.Web.Accounts;

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
