using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

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
    /// How often each instance compares <see cref="SessionsVersion"/> (a one-row read): the longest an ended session
    /// stays usable on another instance when Redis is not configured. With Redis the others hear of it at once.
    /// </summary>
    [Range(0.2, 60)]
    public double PollSeconds { get; set; } = 2;
}

/// <summary>
/// Keeps this instance's <see cref="SessionCache"/> in step with sessions ended elsewhere: by Redis pub/sub when
/// configured, and by polling <see cref="SessionsVersion"/> always; removes expired sessions once an hour.
/// </summary>
internal sealed class SessionWatcher(AccountSessions sessions, SessionCache cache, IOptions<SessionOptions> options, TimeProvider clock,
    ILogger<SessionWatcher> log, RedisSessionBroadcast? redis = null) : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = await TryAsync(() => sessions.VersionAsync(stoppingToken)) ?? 0;
        if (redis is not null)
            await redis.SubscribeAsync(cache);
        var lastPurge = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (await TryAsync(() => sessions.VersionAsync(stoppingToken)) is { } version && version != seen)
            {
                seen = version;
                cache.Clear();
            }
            if (clock.GetUtcNow() - lastPurge > PurgeEvery && await TryAsync(() => sessions.PurgeUnusedAsync(stoppingToken)) is { } purged)
            {
                lastPurge = clock.GetUtcNow();
                if (purged > 0)
                    log.LogInformation("Removed {Count} sessions unused for {Days} days", purged, AccountSessions.Unused.TotalDays);
            }
        }
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> read) where T : struct
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not read the sessions version; trying again in {Seconds} s", options.Value.PollSeconds);
            return null;
        }
    }
}

/// <summary>Ended sessions announced to every instance over Redis pub/sub (<c>ConnectionStrings:Redis</c>).</summary>
internal sealed class RedisSessionBroadcast(IConnectionMultiplexer redis) : ISessionBroadcast
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("hoahung:sessions-ended");

    public async Task EndedAsync(string? sessionId, string? userId, CancellationToken ct) =>
        await redis.GetSubscriber().PublishAsync(Channel, sessionId is not null ? "s:" + sessionId : "u:" + userId);

    public Task SubscribeAsync(SessionCache cache) => redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
    {
        var text = message.ToString();
        if (text.StartsWith("s:", StringComparison.Ordinal))
            cache.Forget(text[2..]);
        else if (text.StartsWith("u:", StringComparison.Ordinal))
            cache.ForgetUser(text[2..]);
        else
            cache.Clear();
    });
}

internal static class SessionValidation
{
    public static IServiceCollection AddSessionValidation(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SessionOptions>().Bind(config.GetSection(SessionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionCookieEvents>();
        if (config.GetConnectionString("Redis") is { Length: > 0 })
        {
            services.AddSingleton<RedisSessionBroadcast>();
            services.AddSingleton<ISessionBroadcast>(sp => sp.GetRequiredService<RedisSessionBroadcast>());
        }
        services.AddHostedService<SessionWatcher>();
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SessionCookieEvents.KeepSession);
        return services;
    }
}
