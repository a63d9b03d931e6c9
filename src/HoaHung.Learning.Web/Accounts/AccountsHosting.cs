using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>ASP.NET Core Identity as the site uses it: accounts by phone number or user name, cookies, lockout.</summary>
public static class AccountsHosting
{
    /// <summary>The sign-in cookie (ASP.NET Core splits a large one into <c>hh.authC1</c>, <c>hh.authC2</c>…).</summary>
    public const string CookieName = "hh.auth";

    /// <summary>Whether the request carries a sign-in cookie: read without decrypting it, for the output cache in front of authentication.</summary>
    public static bool HasSignInCookie(HttpRequest request) =>
        request.Cookies.ContainsKey(CookieName) || request.Cookies.ContainsKey(CookieName + "C1");

    public static IServiceCollection AddSiteAccounts(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AccountsOptions>().Bind(config.GetSection(AccountsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminBootstrapOptions>().Bind(config.GetSection(AdminBootstrapOptions.Section));
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
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LearningDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<AccountClaims>();
        // Passwords are hashed and checked in NFC; wrong ones are slowed (SignInThrottle), never answered by a lockout
        // a stranger could cause. Only staff lock an account (LockoutEnd, UserAdministration).
        services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<AppUser>, NfcPasswordHasher>());
        // PBKDF2 rounds of a new hash: Identity's default (100,000) unless App:Accounts:PasswordHashIterations says otherwise.
        // The test environments lower it (a sign-in is tens of milliseconds of CPU, and the suites sign in thousands of
        // times); a stored hash keeps the rounds it was made with, so lowering it never breaks a password.
        if (config.GetValue<int?>("App:Accounts:PasswordHashIterations") is { } rounds)
        {
            if (rounds < 1)
                throw new InvalidOperationException("App:Accounts:PasswordHashIterations must be at least 1.");
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = rounds);
        }
        services.AddSingleton<SignInDevices>();
        // With Redis, every instance counts the same sign-in tries (on the one connection, Hosting/ChangeFeedHosting).
        if (config.GetConnectionString("Redis") is { Length: > 0 })
            services.AddSingleton<ISignInCounts>(sp => new RedisSignInCounts(sp.GetRequiredService<Hosting.RedisLink>().Multiplexer,
                sp.GetRequiredService<MemorySignInCounts>(), sp.GetRequiredService<ILogger<RedisSignInCounts>>()));
        // Sessions are checked on every request (SessionValidation); the stamp validator refreshes roles and name.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddSessionValidation(config);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SiteLinks.SignIn;
            o.LogoutPath = SiteLinks.SignOut;
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            o.AccessDeniedPath = SiteLinks.AccessDenied;
            o.EventsType = typeof(SessionCookieEvents);
        });
        // After AddIdentityCookies: post-configurations run in order, and the handler's own makes the ticket format.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CacheSignInTickets>();
        services.AddSingleton<SignInCookieCheck>();
        services.AddAccessPolicies();
        services.AddCascadingAuthenticationState();
        return services;
    }
}
