using System.Security.Claims;
using HoaHung.Learning.Classes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Classes;

/// <summary>
/// What the classes' staff pages share: the acting user's id (from the authenticated principal, never from the
/// page), absolute links for QR codes, and the HTTP status of a refusal while the page is prerendered.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [CascadingParameter] protected Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }
    [Inject] protected NavigationManager Nav { get; set; } = default!;
    [Inject] protected IOptions<AppOptions> App { get; set; } = default!;

    protected string ActorId { get; private set; } = "";

    protected async Task<string> ActorAsync() =>
        ActorId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>An absolute address on this site, for QR codes and printed links.</summary>
    protected string Absolute(string path) =>
        (string.IsNullOrWhiteSpace(App.Value.PublicBaseUrl) ? Nav.BaseUri.TrimEnd('/') : App.Value.PublicBaseUrl.TrimEnd('/')) + path;

    /// <summary>A refused read: the site's 404 page, or a 403 with the page's own sentence while prerendered.</summary>
    protected void Refused(string reasonKey)
    {
        if (reasonKey == ClassReasons.NotFound)
        {
            Nav.NotFound();
            return;
        }
        if (HttpContext is not { Response.HasStarted: false } http)
            return;
        // The page shows its own sentence in Vietnamese, not the site's generic status page.
        http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
