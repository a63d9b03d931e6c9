using System.Globalization;
using System.Security.Claims;
using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Studio;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>
/// A bUnit context for the studio's components: MudBlazor, the site's strings, a signed-in staff member, the real
/// studio services of a test site (so what a component saves is stored), and studio.js as a module whose answers the
/// test sets (what the browser kept) and whose calls it can check (insert, jump to a line).
/// </summary>
public sealed class StudioComponents : BunitContext
{
    public const string ModulePath = "/js/studio.js";

    public StudioComponents(StudioSite site, AppUser user, params string[] roles) : this(site, TimeProvider.System, user, roles)
    {
    }

    /// <summary>With the editor's clock (its autosave timer) in the test's hands.</summary>
    public StudioComponents(StudioSite site, TimeProvider clock, AppUser user, params string[] roles)
    {
        Services.AddSingleton(clock);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Module = JSInterop.SetupModule(ModulePath);
        Module.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<HoaHung.Learning.Web.Content.ContentWords>();
        Services.AddSingleton(site.Drafts);
        Services.AddSingleton(site.Media);
        Services.AddSingleton(site.Lessons);
        Services.AddSingleton(site.Services.GetRequiredService<LessonMarkdown>());
        // The review side above the editor (presence, notes) and the review pages.
        Services.AddSingleton(site.Services.GetRequiredService<Learning.Studio.Review.Reviews>());
        Services.AddSingleton(site.Services.GetRequiredService<Learning.Studio.Review.RevisionHistory>());
        Services.AddSingleton(site.Services.GetRequiredService<Learning.Studio.Review.EditorPresence>());
        Services.AddScoped<Web.Studio.Review.CircuitSeats>();
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgery>();
        var auth = AddAuthorization();
        auth.SetAuthorized(user.UserName!);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    public BunitJSModuleInterop Module { get; }

    /// <summary>What the browser's localStorage holds for this editor when it starts (null: nothing).</summary>
    public void BrowserKept(string? json) => Module.Setup<string?>("attach", _ => true).SetResult(json);

    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
