using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Accounts;

public static class MustChangePasswordMiddleware
{
    /// <summary>
    /// A session given a temporary password by staff does nothing until she has chosen her own (issue 26 item 5),
    /// decided here for every request, whatever its method or extension. Left open: the account pages she needs on the
    /// way (change password, sign out), and reading what any anonymous visitor may read from the machinery (static files,
    /// the public API, <c>/healthz</c>). Everything else is refused: a page or a download (a report's <c>.csv</c>) is
    /// sent to the change-password page and back; a page's form post is sent there with 303 and does nothing;
    /// anything else (mark done, a pack import, a circuit) gets 403 with the sentence saying why.
    /// </summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (!ctx.User.HasClaim(AccountClaims.MustChangePassword, "1") || IsOpen(ctx))
        {
            await next();
            return;
        }
        var path = ctx.Request.Path;
        var safe = HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method);
        ctx.Response.Headers.CacheControl = "no-store";
        if (safe)
            ctx.Response.Redirect(SiteLinks.ChangePasswordThen(path + ctx.Request.QueryString));
        else if (ctx.Request.HasFormContentType && !SitePaths.IsMachinePath(path))
        {
            ctx.Response.StatusCode = StatusCodes.Status303SeeOther;
            ctx.Response.Headers.Location = SiteLinks.ChangePasswordThen(path);
        }
        else
        {
            var L = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(L["Account.MustChangePassword"].Value, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(ctx);
        }
    });

    private static bool IsOpen(HttpContext ctx)
    {
        if (ctx.Request.Path.StartsWithSegments(SiteLinks.AccountPages))
            return true;
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method))
            return false;
        // Reads open to anyone: files and the machinery's GETs. Personal reads under them are still hers (her progress).
        return ctx.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null || SitePaths.IsMachinePath(ctx.Request.Path);
    }
}
