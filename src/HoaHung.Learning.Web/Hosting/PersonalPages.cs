using Microsoft.AspNetCore.OutputCaching;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// The one place that says how long a page made for one reader may be kept (docs/architecture.md §3): every answer to
/// a signed-in request — her home page with her "continue" card, "Của tôi", her searches, "lesson done", the shells —
/// and every page rendered for one anonymous reader (her "Của tôi" from her progress cookie, a form) gets
/// <see cref="CacheControl"/> unless it says something of its own (a form's <c>no-store</c>, a download's, a
/// static file's). No shared cache keeps it, and her browser asks again rather than show an old state. Pages shared by
/// every anonymous reader are the output cache's (<see cref="OutputCaching"/>: <c>public, max-age</c>), and the public
/// API is the same for everyone: both are left alone. Runs after authentication, as the response starts.
/// </summary>
public static class PersonalPages
{
    public const string CacheControl = "private, no-cache";

    public static IApplicationBuilder UsePersonalPages(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var metadata = http.GetEndpoint()?.Metadata;
        var publicPage = metadata?.GetMetadata<OutputCacheAttribute>()?.PolicyName == OutputCaching.PublicPage;
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        // The API's policies (CacheOutput) are endpoint metadata of their own: shared answers, the same for everyone.
        if ((publicPage && !signedIn) || metadata?.GetMetadata<IOutputCachePolicy>() is not null)
            return next(http);
        http.Response.OnStarting(signedIn ? MarkAny : MarkPage, http.Response);
        return next(http);
    });

    private static readonly Func<object, Task> MarkAny = state => Mark((HttpResponse)state, htmlOnly: false);

    private static readonly Func<object, Task> MarkPage = state => Mark((HttpResponse)state, htmlOnly: true);

    private static Task Mark(HttpResponse response, bool htmlOnly)
    {
        if (response.Headers.CacheControl.Count == 0
            && (!htmlOnly || response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true))
            response.Headers.CacheControl = CacheControl;
        return Task.CompletedTask;
    }
}
