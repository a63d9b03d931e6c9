using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>
/// Server-side sessions for the sign-in cookie (docs/architecture.md §6): signing in starts an
/// <see cref="AccountSession"/> whose id the cookie carries; every request with the cookie is checked against it
/// (a dictionary lookup in <see cref="SessionCache"/>, a query on a miss); signing out ends it, so a copy of the cookie
/// is refused too. Every 5 minutes Identity's security-stamp validator still refreshes roles and name.
/// </summary>
internal sealed class SessionCookieEvents(AccountSessions sessions, IOptions<IdentityOptions> identity,
    IOptions<SecurityStampValidatorOptions> stamp, TimeProvider clock, ILogger<SessionCookieEvents> log)
    : CookieAuthenticationEvents
{
    public const string SessionClaim = "hh:sid";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(SessionClaim);
        var check = sessionId is null ? null : await sessions.CheckAsync(sessionId, context.HttpContext.RequestAborted);
        if (check is null || principal is null || check.UserId != principal.FindFirstValue(ClaimTypes.NameIdentifier)
            || check.SecurityStamp != principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType))
        {
            if (check is not null)
                await sessions.EndAsync(sessionId!, context.HttpContext.RequestAborted); // the account's stamp changed
            log.LogInformation("Refused a sign-in cookie whose session has ended");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        // The validator re-reads the account only once the cookie is older than its interval; resolving it (a
        // SignInManager and UserManager per request) cost more than the rest of a signed-in page served from its shell,
        // so the same age test comes first.
        var now = (stamp.Value.TimeProvider ?? clock).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= stamp.Value.ValidationInterval)
            return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || context.Principal.Identity is not ClaimsIdentity claims)
            return;
        // Signing in again in the same browser (or refreshing after a password change) replaces its session.
        if (context.HttpContext.User.FindFirstValue(SessionClaim) is { } previous)
            await sessions.EndAsync(previous, context.HttpContext.RequestAborted);
        claims.AddClaim(new Claim(SessionClaim, await sessions.StartAsync(userId, context.HttpContext.RequestAborted)));
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(SessionClaim) is { } sessionId)
            await sessions.EndAsync(sessionId, context.HttpContext.RequestAborted);
    }

    /// <summary>The security-stamp validator renews the cookie with a new principal: the session stays the same.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && identity.FindFirst(SessionClaim) is null)
            identity.AddClaim(new Claim(SessionClaim, session.Value));
        return Task.CompletedTask;
    }
}

/// <summary>Configuration section <c>App:Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "App:Sessions";

    /// <summary>
    /// How often each instance compares <see cref="SessionsVersion"/> (a one-row read) while the change feed is not
    /// shared (no Redis, or Redis unreachable): the longest an ended session then stays usable on another instance.
    /// With Redis the others hear of it at once (<see cref="AccountSessions.Channel"/>).
    /// </summary>
    [Range(0.2, 60)]
    public double PollSeconds { get; set; } = 2;
}

/// <summary>Removes, once an hour, the sessions nobody can use any more (their cookies have expired).</summary>
internal sealed class SessionPurge(AccountSessions sessions, TimeProvider clock, ILogger<SessionPurge> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                if (await sessions.PurgeUnusedAsync(stoppingToken) is var purged and > 0)
                    log.LogInformation("Removed {Count} sessions unused for {Days} days", purged, AccountSessions.Unused.TotalDays);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not remove unused sessions; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static class SessionValidation
{
    public static IServiceCollection AddSessionValidation(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SessionOptions>().Bind(config.GetSection(SessionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionCookieEvents>();
        services.AddHostedService<SessionPurge>();
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SessionCookieEvents.KeepSession);
        return services;
    }
}
