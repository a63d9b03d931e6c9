using System.Text.Encodings.Web;
using HoaHung.Learning.Web.Accounts;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Shell;

/// <summary>
/// Serves signed-in GETs of <see cref="PersonalShellAttribute"/> pages from their shell; on a miss renders the page
/// once as a shell (slot markers in place of her values), keeps it, and serves her from it. Runs after
/// authentication, the session check and must-change-password, so she is who the cookie says.
/// </summary>
public sealed class PageShellMiddleware(RequestDelegate next, PageShells shells, HtmlEncoder encoder, IOptions<AppOptions> site,
    ILogger<PageShellMiddleware> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.Request.QueryString.HasValue
            || http.User.Identity?.IsAuthenticated != true || http.Request.Headers.ContainsKey("blazor-enhanced-nav")
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.GetEndpoint()?.Metadata.GetMetadata<PersonalShellAttribute>() is not { } page
            || AccountClaims.ShortName(http.User) is not { } name
            // Staff see their tools in the header (StaffToolLinks): their pages are rendered for them, never shared.
            || Layout.StaffTools.Of(http.User).Any)
        {
            await next(http);
            return;
        }
        // Her own page (Cache-Control: PersonalPages). Keyed by everything its bytes depend on: the base of its absolute
        // links (the request's host when App:PublicBaseUrl is unset: a forged Host gets a shell of its own), the path,
        // language and text size.
        var key = $"{SiteUrls.BaseOf(http.Request, site.Value)}\n{http.Request.Path.Value}\n{Preferences.Culture(http)}\n{Preferences.TextSize(http)}";
        var values = new Dictionary<string, string> { [NameSlot] = name };
        // Shells are gzip or plain (brotli streams cannot be joined): gzip only for a client that takes it (ContentCodings).
        var gzip = ContentCodings.ShellGzip(http);
        var filler = (IShellFiller)http.RequestServices.GetRequiredService(page.Filler);
        if (shells.Find(key) is { } shell)
        {
            if (!await filler.FillAsync(http, shell.Facts, values) || !await shell.WriteAsync(http.Response, values, encoder, gzip, http.RequestAborted))
                await next(http);
            return;
        }

        var renderedIn = shells.Generation;
        var body = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        var capture = new ShellCapture(shells.Nonce);
        http.Features.Set(capture);
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(body);
            http.Features.Set<ShellCapture>(null);
        }
        var html = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        var contentType = http.Response.ContentType ?? "";
        if (http.Response.StatusCode == StatusCodes.Status200OK && contentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            var parsed = PageShell.Parse(html.Span, shells.Nonce, contentType, capture.Facts)
                ?? throw new InvalidOperationException($"The shell of {http.Request.Path} has slot markers that do not nest.");
            shells.Keep(key, parsed, renderedIn);
            if (await filler.FillAsync(http, parsed.Facts, values) && await parsed.WriteAsync(http.Response, values, encoder, gzip, http.RequestAborted))
                return;
        }
        // Not a page to keep (an error, a redirect) or not hers to fill: what was rendered, without markers.
        log.LogDebug("Not keeping a shell of {Path} ({Status})", http.Request.Path, http.Response.StatusCode);
        await http.Response.WriteAsync(SlotMarkers.Strip(System.Text.Encoding.UTF8.GetString(html.Span), shells.Nonce), http.RequestAborted);
    }

    /// <summary>The layout's slot with her short name (the account link in the header).</summary>
    public const string NameSlot = "name";
}
