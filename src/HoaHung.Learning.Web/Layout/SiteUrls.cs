using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Layout;

/// <summary>Canonical absolute URLs, from App:PublicBaseUrl when set, else from the request.</summary>
public sealed class SiteUrls(IOptions<AppOptions> options, IHttpContextAccessor http)
{
    public string Base
    {
        get
        {
            var configured = options.Value.PublicBaseUrl;
            if (!string.IsNullOrWhiteSpace(configured))
                return configured.TrimEnd('/');
            var req = http.HttpContext?.Request;
            return req is null ? "" : $"{req.Scheme}://{req.Host}{req.PathBase}";
        }
    }

    public string Absolute(string pathOrUrl) =>
        pathOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || pathOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? pathOrUrl : Base + pathOrUrl;

    public string Lesson(string slug) => Absolute(SiteLinks.Lesson(slug));
    public string Topic(string slug) => Absolute(SiteLinks.Topic(slug));
    public string Path(string slug) => Absolute(SiteLinks.Path(slug));
}
