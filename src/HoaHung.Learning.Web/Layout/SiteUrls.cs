using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Layout;

/// <summary>Canonical absolute URLs, from App:PublicBaseUrl when set, else from the request.</summary>
public sealed class SiteUrls(IOptions<AppOptions> options, IHttpContextAccessor http)
{
    public string Base => BaseOf(http.HttpContext?.Request, options.Value);

    /// <summary>
    /// The base of absolute links: <c>App:PublicBaseUrl</c>, else the request's (Production refuses to start when any
    /// host would do, <see cref="Hosting.PublicAddress"/>); a page's bytes depend on it, so page shells are keyed by it.
    /// </summary>
    public static string BaseOf(HttpRequest? request, AppOptions options)
    {
        var configured = options.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.TrimEnd('/');
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public string Absolute(string pathOrUrl) =>
        pathOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || pathOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? pathOrUrl : Base + pathOrUrl;

    public string Lesson(string slug) => Absolute(SiteLinks.Lesson(slug));
    public string Topic(string slug) => Absolute(SiteLinks.Topic(slug));
    public string Path(string slug) => Absolute(SiteLinks.Path(slug));
}
