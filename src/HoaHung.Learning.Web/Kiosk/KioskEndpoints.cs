using HoaHung.Learning.Kiosk;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;
using HoaHung.Learning.Web.Progress;

namespace HoaHung.Learning.Web.Kiosk;

/// <summary>
/// The kiosk at the one-stop counter (docs/architecture.md §11): becoming one (<c>/kiosk/bat-dau?khoa=</c>), forgetting
/// a visitor (<c>/kiosk/xong</c>), and the guard in front of every kiosk request (<see cref="KioskGuard"/>).
/// </summary>
public static class KioskEndpoints
{
    public const string Home = "/kiosk";
    public const string Start = "/kiosk/bat-dau";
    public const string Reset = "/kiosk/xong";
    public const string NoAccount = "/kiosk/tai-khoan";
    public const string HandoffBase = "/kiosk/tiep-tuc";

    public static string Handoff(string? lessonSlug) => string.IsNullOrEmpty(lessonSlug) ? HandoffBase : $"{HandoffBase}/{lessonSlug}";

    /// <summary>Where a phone opens a hand-off code.</summary>
    public static string Continue(string code) => $"/tiep-tuc/{code}";

    public static IServiceCollection AddSiteKiosk(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<KioskOptions>().Bind(config.GetSection(KioskOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddKiosk();
    }

    public static IEndpointRouteBuilder MapKiosk(this IEndpointRouteBuilder app)
    {
        app.MapGet(Start, StartKiosk).ExcludeFromDescription();
        app.MapGet(Reset, ForgetVisitorAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The technician's one step: the right key makes this browser a kiosk (every other cookie dropped) and opens the
    /// kiosk home. A wrong key, or none configured, answers 404 and changes nothing.
    /// </summary>
    private static IResult StartKiosk(HttpContext http, string? khoa)
    {
        if (!KioskMode.KeyMatches(KioskMode.Options(http), khoa))
            return Results.NotFound();
        KioskMode.ForgetCookies(http);
        KioskMode.Start(http);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(Home);
    }

    /// <summary>
    /// Forgets the visitor: every cookie but the kiosk's, the browser's storage and cache (<c>Clear-Site-Data</c>), her
    /// anonymous quiz attempts; then the kiosk home. On a browser that is not a kiosk it changes nothing and goes home.
    /// </summary>
    private static async Task<IResult> ForgetVisitorAsync(HttpContext http, LearnerSession session, LearnerProgress progress)
    {
        if (!KioskMode.IsOn(http))
            return Results.Redirect(SiteLinks.Home);
        if (!session.IsSignedIn && session.HasProgressCookie && session.Learner.AnonymousId is { } visitor)
            await progress.ForgetVisitorAsync(visitor, http.RequestAborted);
        session.ForgetCookie();
        KioskMode.ForgetCookies(http);
        http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(Home);
    }
}

/// <summary>
/// In front of every request of a kiosk (after the output cache, which a kiosk never uses): the account pages are
/// never shown (a resident must not type her password on a shared screen) — they lead to the kiosk's explanation —
/// and no page is kept by the browser (<c>no-store</c>), so Back cannot bring a visitor's page from the cache.
/// Kiosk pages asked for by a browser that is not a kiosk lead to the ordinary home page.
/// </summary>
public sealed class KioskGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        if (!KioskMode.HasCookie(http.Request))
        {
            if (path.StartsWithSegments(KioskEndpoints.Home) && !path.StartsWithSegments(KioskEndpoints.Start) && HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.Redirect(SiteLinks.Home);
                return Task.CompletedTask;
            }
            return next(http);
        }
        if (!KioskMode.IsOn(http))
            return next(http);
        if (path.StartsWithSegments(SiteLinks.AccountPages) || path.StartsWithSegments(SiteLinks.DeleteAccount) || path.StartsWithSegments(SiteLinks.MyData))
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Redirect(KioskEndpoints.NoAccount);
            return Task.CompletedTask;
        }
        http.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true || response.StatusCode is >= 300 and < 400)
                response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, http.Response);
        return next(http);
    }
}
