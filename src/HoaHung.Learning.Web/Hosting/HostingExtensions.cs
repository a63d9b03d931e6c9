using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using HoaHung.Learning;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Search;
using HoaHung.Learning.Web.Accounts;
using HoaHung.Learning.Web.Api;
using HoaHung.Learning.Web.Layout;
using HoaHung.Learning.Web.Media;
using HoaHung.Learning.Web.Progress;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
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
        var baseDir = SitePaths.BaseDirectory(builder.Environment.ContentRootPath);
        services.AddOptions<AppOptions>().Bind(config.GetSection(AppOptions.Section))
            .PostConfigure(o =>
            {
                o.DataDirectory = SitePaths.Resolve(baseDir, o.DataDirectory);
                o.ContentDirectory = SitePaths.Resolve(baseDir, o.ContentDirectory);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        var app = new AppOptions();
        config.GetSection(AppOptions.Section).Bind(app);
        var dataDir = app.DataDirectory = SitePaths.Resolve(baseDir, app.DataDirectory);

        services.AddLearningData(config, dataDir)
            .AddCatalog()
            .AddAccounts()
            .AddProgress()
            .AddQuizzes()
            .AddMedia(o => o.Root = app.MediaDirectory)
            .AddSearch(config)
            .AddSiteOutputCache()
            .AddSearchApi(config);

        services.AddOptions<AccountsOptions>().Bind(config.GetSection(AccountsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminBootstrapOptions>().Bind(config.GetSection(AdminBootstrapOptions.Section));
        var accounts = new AccountsOptions();
        config.GetSection(AccountsOptions.Section).Bind(accounts);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                // NIST SP 800-63B: length and a common-password list (PasswordRules), no composition rules.
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LearningDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<AccountClaims>();
        // A temporary password set by staff, or a deleted account, ends other sessions within minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddAccountRateLimits(config);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "hh.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SiteLinks.SignIn;
            o.LogoutPath = SiteLinks.SignOut;
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            o.AccessDeniedPath = SiteLinks.AccessDenied;
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddDataProtection().SetApplicationName("HoaHung.Learning").PersistKeysToDbContext<LearningDbContext>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hh.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddLocalization(o => o.ResourcesPath = "Resources");
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

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/vtt", "image/svg+xml", "application/manifest+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
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
        PublicPageAntiforgery.Decorate(services);
        return builder;
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
    }

    public static WebApplication UseLearningSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(SiteLinks.ErrorPage, createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseWhen(ctx => !SitePaths.IsMachinePath(ctx.Request.Path),
            b => b.UseStatusCodePagesWithReExecute(SiteLinks.NotFoundPage, createScopeForStatusCodePages: true));
        app.UseMiddleware<SecurityHeaders>();
        app.UseMediaFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMustChangePassword();
        app.UseOutputCache();        // outside compression: cached bytes are stored compressed
        app.UseResponseCompression();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapPreferenceEndpoints();
        app.MapPublicApi();
        app.MapProgressEndpoints();
        app.MapPersonalDataEndpoints();
        app.MapSearchApi();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Our own Content-Security-Policy already carries frame-ancestors.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
