using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HoaHung.Learning.Web.Content;
using Microsoft.Extensions.WebEncoders;
using HoaHung.Learning;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Assistant;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Renditions;
using HoaHung.Learning.Search;
using HoaHung.Learning.Web.Accounts;
using HoaHung.Learning.Web.Api;
using HoaHung.Learning.Web.Catalog;
using HoaHung.Learning.Web.Classes;
using HoaHung.Learning.Web.Kiosk;
using HoaHung.Learning.Web.Layout;
using HoaHung.Learning.Web.Media;
using HoaHung.Learning.Web.Offline;
using HoaHung.Learning.Web.Progress;
using HoaHung.Learning.Web.Shell;
using HoaHung.Learning.Web.Studio;
using HoaHung.Learning.Web.Studio.Packs;
using HoaHung.Learning.Web.Zalo;
using HoaHung.Learning.Web.WardView;
using HoaHung.Learning.Web.Xapi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>The composition root: reads like the table of contents of the site.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddLearningSite(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var (site, database) = SiteOptions.Bind(builder);
        // No "Server: Kestrel" on every answer: it tells an attacker what runs here and costs each response 16 bytes.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        services.AddLearningData(database, config, site.DataDirectory)
            .AddCatalog()
            .AddAccounts()
            .AddProgress(config)
            .AddQuizzes()
            .AddMedia(o =>
            {
                config.GetSection(MediaOptions.Section).Bind(o); // App:Media:MaxVideoBytes and the other limits
                o.Root = site.MediaDirectory;
            })
            .AddSearch(database)
            .AddAssistant()
            .AddRenditions()
            .AddClassesWeb();

        services.AddSiteAccounts(config)
            .AddSiteRateLimits(config)
            .AddTrustedForwardedHeaders()
            .AddSiteOutputCache(config)
            .AddChangeFeedHosting(config)
            .AddSiteLocalization()
            .AddSiteCompression()
            .AddSitePages()
            .AddSiteStudio()
            .AddSitePacks()
            .AddSiteKiosk(config)
            .AddSiteZalo(config)
            .AddSiteWardView()
            .AddSiteXapi(config, site);
        return builder;
    }

    /// <summary>Razor components (static SSR for learners, Interactive Server with MudBlazor for staff), the API description and the per-request helpers.</summary>
    private static IServiceCollection AddSitePages(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("HoaHung.Learning").PersistKeysToDbContext<LearningDbContext>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hh.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Layout.MudTranslations>(); // MudBlazor's own words in Vietnamese
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "HoaHung.Learning API";
            doc.Info.Description = "Thư viện học liệu số phường Hòa Hưng — read-only public API.";
            return Task.CompletedTask;
        }));
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddScoped<SiteUrls>();
        services.AddScoped<LearnerSession>();
        services.AddScoped<OfflineManifests>();
        services.AddSingleton<PageShells>();
        services.AddSingleton<ICatalogChanged>(sp => sp.GetRequiredService<PageShells>());
        services.AddScoped<LessonPageShell>();
        services.AddScoped<PathPageShell>();
        services.AddSingleton<LayoutOnly>();
        services.AddScoped<ILessonCompletion, ProgressLessonCompletion>();
        PublicPageAntiforgery.Decorate(services);
        return services;
    }

    private static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Content.ContentWords>(); // the content import's report, the pack import, the quiz builder
        // Vietnamese text goes out as UTF-8, not as &#x...; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Preferences.Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("vi");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only the reader's explicit choice counts: the cached pages vary by this cookie, nothing else.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    private static IServiceCollection AddSiteCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/vtt", "image/svg+xml", "application/manifest+json"]);
        });
        // Which coding a response gets is decided in one place (ContentCodings), for the middleware too.
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, SiteCompressionProvider>());
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        Directory.CreateDirectory(options.DataDirectory);
        await app.Services.GetRequiredService<IDatabaseMaintenance>().MigrateAsync(app.Lifetime.ApplicationStopping);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var setup = scope.ServiceProvider.GetRequiredService<AccountSetup>();
        await setup.EnsureRolesAsync(app.Lifetime.ApplicationStopping);
        await setup.BootstrapAdminAsync(app.Lifetime.ApplicationStopping);
        if (await db.Topics.AnyAsync() || await db.Lessons.AnyAsync())
            return;
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
            .ImportAsync(options.ContentDirectory, app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("First start: imported {Lessons} lessons from {Directory} ({Problems} problems)",
            report.LessonsAdded, options.ContentDirectory, report.Problems.Count);
        var words = app.Services.GetRequiredService<Content.ContentWords>();
        foreach (var problem in report.Problems)
            app.Logger.LogWarning("Content skipped {Path}: {Reason}", ContentWords.InVietnamese(() => words.Place(problem)),
                ContentWords.InVietnamese(() => words.Word(problem.Reason)));
    }

    public static WebApplication UseLearningSite(this WebApplication app)
    {
        // Outermost: should even the error page fail, a person still gets a page (ErrorPages).
        app.UseLastResortErrorPage();
        app.UseHeadAsGet();
        app.UseTrustedForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(SiteLinks.ErrorPage, createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseWhen(ctx => !SitePaths.IsMachinePath(ctx.Request.Path),
            b => b.UseStatusCodePagesWithReExecute(SiteLinks.StatusPage, createScopeForStatusCodePages: true));
        app.UseRouting();
        // Right after routing (the policy is endpoint metadata), in front of everything else: a hit pays for nothing
        // more; outside compression, so cached bytes are stored compressed; the headers below are stored with a page.
        app.UseOutputCache();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<KioskGuard>();
        app.UseMediaFiles();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        // The error and status pages keep whom the first pass found: authenticating again asks the database (ErrorPages).
        app.UseAuthenticationOnce();
        app.UseAuthorization();
        app.UseMustChangePassword();
        // How long her own pages may be kept (private, no-cache), decided in one place.
        app.UsePersonalPages();
        app.UseResponseCompression();
        app.UseRepeatedPostsAsPages();
        app.UseAntiforgery();
        // Signed-in learner pages from their shell: after everything that decides who she is and what she may do.
        app.UseMiddleware<PageShellMiddleware>();

        app.MapStaticAssets();
        app.MapPreferenceEndpoints();
        app.MapPublicApi();
        app.MapSearchApi();
        app.MapAnswerApi();
        app.MapKiosk();
        app.MapZaloWebhook();
        app.MapProgressEndpoints();
        app.MapOfflineEndpoints();
        app.MapPersonalDataEndpoints();
        app.MapStudioUploads();
        app.MapPackEndpoints();
        app.MapClasses();
        app.MapWardView();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Our own Content-Security-Policy already carries frame-ancestors.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .Add(StaticPageState.NoneForStaticPages);
        return app;
    }
}
