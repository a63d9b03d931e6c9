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

    /// <summary>A refused read: 404 or 403 for the prerendered response (no status exists once in a circuit).</summary>
    protected void Refused(string reasonKey)
    {
        if (HttpContext is { Response.HasStarted: false } http)
            http.Response.StatusCode = reasonKey == ClassReasons.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
    }
}
