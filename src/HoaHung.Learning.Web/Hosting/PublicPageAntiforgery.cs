using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Blazor asks for antiforgery tokens on every page once an interactive render mode is configured (the staff
/// tools need one), and storing them sets a cookie and <c>Cache-Control: no-store</c>, which keeps a page out of
/// the output cache. Public cached pages carry no antiforgery form (their one form posts to an origin-checked
/// endpoint), so for a GET of one the tokens are made but not stored: no cookie, no no-store for an anonymous reader,
/// and for a signed-in one no needless token work (~30 µs, profile-notes.md). Every other page, and every form post,
/// goes through the stock behaviour.
/// </summary>
internal sealed class PublicPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsPublicPageRead(httpContext) ? NoTokens : inner.GetAndStoreTokens(httpContext);

    // No form on the page: nothing to protect, and nothing personal baked into the cached HTML.
    private static readonly AntiforgeryTokenSet NoTokens = new(null, null, "__RequestVerificationToken", null);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    /// <summary>
    /// The token check reads a form body when the request says it is one: a malformed one (no boundary, cut short,
    /// NUL bytes, an oversized key) is a refused request, not a server error (issue 16's no-5xx crawl). Every
    /// endpoint that checks a token itself (studio uploads, lesson packs) goes through here.
    /// </summary>
    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        try
        {
            return await inner.IsRequestValidAsync(httpContext);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }
    }

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        if (!IsPublicPageRead(httpContext))
            inner.SetCookieTokenAndHeader(httpContext);
    }

    internal static bool IsPublicPageRead(HttpContext ctx) =>
        (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
        && ctx.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == OutputCaching.PublicPage;

    public static void Decorate(IServiceCollection services)
    {
        var stock = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(stock);
        services.AddSingleton<IAntiforgery>(sp => new PublicPageAntiforgery(stock.ImplementationType is { } type
            ? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, type)
            : (IAntiforgery)stock.ImplementationFactory!(sp)));
    }
}
