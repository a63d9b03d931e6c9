using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Localization;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Language and text size are links, not forms: a GET that sets a cookie and goes back. That keeps the
/// public pages free of antiforgery forms, so they stay in the output cache (docs/architecture.md §3).
/// </summary>
internal static class PreferenceEndpoints
{
    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ngon-ngu/{culture}", (string culture, string? r, HttpContext ctx) =>
        {
            if (!Preferences.Cultures.Contains(culture))
                return Results.BadRequest();
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), CookieOptions(ctx));
            return Back(ctx, r);
        }).ExcludeFromDescription();

        app.MapGet("/co-chu/{size:int}", (int size, string? r, HttpContext ctx) =>
        {
            size = Math.Clamp(size, 0, Preferences.MaxTextSize);
            ctx.Response.Cookies.Append(Preferences.TextSizeCookie, size.ToString(), CookieOptions(ctx));
            return Back(ctx, r);
        }).ExcludeFromDescription();
        return app;
    }

    private static CookieOptions CookieOptions(HttpContext ctx) => new()
    {
        MaxAge = TimeSpan.FromDays(365),
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = ctx.Request.IsHttps,
        IsEssential = true,
    };

    /// <summary>Only a local path is followed back, so the endpoint cannot be used as an open redirect.</summary>
    private static IResult Back(HttpContext ctx, string? returnUrl)
    {
        ctx.Response.Headers.CacheControl = "no-store";
        return Results.LocalRedirect(SiteLinks.IsLocal(returnUrl) ? returnUrl! : SiteLinks.Home);
    }
}
