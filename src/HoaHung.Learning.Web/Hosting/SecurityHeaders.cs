namespace HoaHung.Learning.Web.Hosting;

/// <summary>Headers of docs/architecture.md §6 on every response, cached ones included.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // No inline or third-party script anywhere; styles allow inline attributes because MudBlazor sets them on
    // staff pages. Video embeds only from youtube-nocookie (content/README.md).
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "media-src 'self'; font-src 'self'; connect-src 'self'; frame-src https://www.youtube-nocookie.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public Task InvokeAsync(HttpContext ctx)
    {
        var h = ctx.Response.Headers;
        h.ContentSecurityPolicy = Csp;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        h.XFrameOptions = "SAMEORIGIN";
        return next(ctx);
    }
}
