using System.Globalization;
using System.Security.Claims;
using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace HoaHung.Learning.Tests.Admin;

/// <summary>
/// A bUnit context for the staff tools: MudBlazor services, loose JS interop (MudBlazor's own scripts are not
/// under test), the site's Vietnamese strings, a signed-in user with the given roles, and the real account
/// services of a test site, so what a component does is what gets stored.
/// </summary>
public sealed class StaffComponents : BunitContext
{
    public StaffComponents(SiteFactory site, AppUser user, params string[] roles)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(site.Services.GetRequiredService<UserAdministration>());
        Services.AddSingleton(site.Services.GetRequiredService<IOptions<AccountsOptions>>());
        Services.AddSingleton(site.Services.GetRequiredService<Learning.Studio.Review.Reviews>()); // the header's "Chờ duyệt (N)"
        var auth = AddAuthorization();
        auth.SetAuthorized(user.UserName!);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        // Generous: the wait ends as soon as the assertion passes; a loaded CI machine can take seconds per render.
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>A component under the providers StaffLayout supplies (popovers, dialogs, snackbars).</summary>
    public IRenderedComponent<IComponent> RenderWithProviders<TComponent>() where TComponent : IComponent =>
        Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<MudSnackbarProvider>(2);
            b.CloseComponent();
            b.OpenComponent<TComponent>(3);
            b.CloseComponent();
        });
}
