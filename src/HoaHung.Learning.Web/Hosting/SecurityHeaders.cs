namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Headers of docs/architecture.md §6 on every response, cached ones included. The three that only a document (or a
/// worker) obeys — the content security policy, the frame rule and the permissions policy — are left off passive
/// files (styles, scripts other than the service worker, raster pictures, sound, video, fonts, captions, JSON): about
/// 520 bytes a response that a phone on a first visit would otherwise download six times for nothing.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // No inline or third-party script anywhere; styles allow inline attributes because MudBlazor sets them on
    // staff pages. Video embeds only from youtube-nocookie (content/README.md).
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "media-src 'self'; font-src 'self'; connect-src 'self'; frame-src https://www.youtube-nocookie.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>The service worker's script: a worker takes its policy from its own response.</summary>
    public const string WorkerPath = "/sw.js";

    public Task InvokeAsync(HttpContext ctx)
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (IsPassiveFile(ctx.Request.Path))
            return next(ctx);
        // Set before the page is made: the output cache keeps the headers a page had when its first byte was written.
        h.ContentSecurityPolicy = Csp;
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        h.XFrameOptions = "SAMEORIGIN";
        // An answer found to be passive only by its type (JSON from an address without an extension) sheds them at the
        // last moment; a copy the cache kept earlier keeps them, which is the safe side.
        ctx.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (IsPassive(response.ContentType, response.HttpContext.Request.Path))
            {
                response.Headers.Remove("Content-Security-Policy");
                response.Headers.Remove("Permissions-Policy");
                response.Headers.Remove("X-Frame-Options");
            }
            return Task.CompletedTask;
        }, ctx.Response);
        return next(ctx);
    }

    private static readonly string[] PassiveExtensions =
        [".css", ".js", ".webp", ".jpg", ".jpeg", ".png", ".avif", ".ico", ".opus", ".ogg", ".mp4", ".m4a", ".webm", ".vtt", ".woff2", ".woff"];

    /// <summary>A static file or a media file whose address says it is passive (<see cref="IsPassive"/>); never the worker.</summary>
    public static bool IsPassiveFile(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || path.Equals(WorkerPath, StringComparison.OrdinalIgnoreCase))
            return false;
        var dot = value.LastIndexOf('.');
        return dot > value.LastIndexOf('/') && PassiveExtensions.Contains(value[dot..], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a response of this type can never be a document or a worker. Anything else — HTML, SVG (a picture that
    /// may hold script when opened on its own), XML, a type not set — keeps every header.
    /// </summary>
    public static bool IsPassive(string? contentType, PathString path)
    {
        if (string.IsNullOrEmpty(contentType) || path.Equals(WorkerPath, StringComparison.OrdinalIgnoreCase))
            return false;
        var type = contentType.AsSpan();
        var semicolon = type.IndexOf(';');
        if (semicolon >= 0)
            type = type[..semicolon];
        type = type.Trim();
        return type.Equals("text/css", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/javascript", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/vtt", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("image/webp", StringComparison.OrdinalIgnoreCase)
            || type.Equals("image/jpeg", StringComparison.OrdinalIgnoreCase)
            || type.Equals("image/png", StringComparison.OrdinalIgnoreCase)
            || type.Equals("image/avif", StringComparison.OrdinalIgnoreCase)
            || type.Equals("image/x-icon", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("font/", StringComparison.OrdinalIgnoreCase);
    }
}
