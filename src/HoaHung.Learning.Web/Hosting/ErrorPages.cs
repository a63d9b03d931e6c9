using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Every 5xx a person can get is a Vietnamese page that renders without the database (issue 26, docs/architecture.md §6).
/// Found under a PostgreSQL restart: a signed-in request whose session check (a query on a cache miss) failed was
/// re-executed as the error page, the re-executed pipeline authenticated again, the same query failed again, the
/// exception handler gave up and Kestrel answered 500 with an empty body. So: a re-executed request (the error page
/// or a status page) keeps the person the first pass found and is not authenticated again; the layout reads nothing
/// from the database on the error page; and should the error page itself fail anyway, the outermost middleware
/// answers with a small fixed page of the same words.
/// </summary>
public static class ErrorPages
{
    /// <summary>True while the exception handler or the status-code pages re-execute the request.</summary>
    public static bool IsReExecuted(HttpContext http) =>
        http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null;

    /// <summary>True while the page of a 5xx is rendered: the error page (<c>/loi</c>) for an exception, or a status page.</summary>
    public static bool IsHandlingError(HttpContext? http) => http is not null && (http.Features.Get<IExceptionHandlerFeature>() is not null
        || http.Features.Get<IStatusCodeReExecuteFeature>() is not null && http.Response.StatusCode >= StatusCodes.Status500InternalServerError);

    /// <summary>Authentication for the first pass only: the error and status pages show whom the first pass found.</summary>
    public static IApplicationBuilder UseAuthenticationOnce(this IApplicationBuilder app)
    {
        // What UseAuthentication marks on the builder: without it WebApplication adds one more authentication in front
        // of everything (the branch's mark stays in the branch), outside the exception handler.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        return app.UseWhen(http => !IsReExecuted(http), b => b.UseAuthentication());
    }

    /// <summary>
    /// Outermost: an exception nobody handled (the error page failed too) becomes the error page's words in a fixed
    /// page, status 500, instead of an empty answer. Nothing is read but the strings; the culture is the one the
    /// request was given, when it got that far.
    /// </summary>
    public static IApplicationBuilder UseLastResortErrorPage(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next();
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages).FullName!)
                .LogError(e, "The error page failed too; answered with the fixed error page");
            await WriteAsync(http);
        }
    });

    private static async Task WriteAsync(HttpContext http)
    {
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo("vi");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        string html;
        try
        {
            var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            html = Page(culture.TwoLetterISOLanguageName == "en" ? "en" : "vi", L["SiteName"], L["ErrorTitle"], L["ErrorText"], L["BackHome"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        await http.Response.WriteAsync(html, Encoding.UTF8);
    }

    /// <summary>The fixed page: the site's stylesheet and the error page's markup (ErrorPage.razor), no script.</summary>
    internal static string Page(string lang, string siteName, string title, string text, string backHome)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        return $"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{E(title)} - {E(siteName)}</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main" class="wrap">
            <section class="message-page">
            <h1>{E(title)}</h1>
            <p>{E(text)}</p>
            <p><a class="button button--primary" href="/">{E(backHome)}</a></p>
            </section>
            </main>
            </body>
            </html>
            """;
    }
}
