using HoaHung.Learning.Web.Layout;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>Configuration section <c>App:RateLimits</c>: attempts per client IP address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "App:RateLimits";

    /// <summary>
    /// Sign-in posts per minute. Lockout protects each account; this slows one address guessing many. A class
    /// of 15 at the ward counter shares one address, hence not lower.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Sign-up posts per 10 minutes.</summary>
    [Range(1, 100_000)]
    public int SignUpPerTenMinutes { get; set; } = 30;
}

/// <summary>
/// Rate limits on the account forms (ARCHITECTURE.md §6). They apply to POSTs only: reading the forms is free.
/// A refused request gets 429, a Retry-After header and a short page in Vietnamese.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var o = new RateLimitOptions();
        config.GetSection(RateLimitOptions.Section).Bind(o);
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!HttpMethods.IsPost(ctx.Request.Method))
                    return RateLimitPartition.GetNoLimiter("");
                var path = ctx.Request.Path;
                if (path.StartsWithSegments(SiteLinks.SignIn))
                    return Window("sign-in:" + Client(ctx), o.SignInPerMinute, TimeSpan.FromMinutes(1));
                if (path.StartsWithSegments(SiteLinks.SignUp))
                    return Window("sign-up:" + Client(ctx), o.SignUpPerTenMinutes, TimeSpan.FromMinutes(10));
                return RateLimitPartition.GetNoLimiter("");
            });
            r.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                response.Headers.RetryAfter = seconds.ToString();
                response.Headers.CacheControl = "no-store";
                response.ContentType = "text/html; charset=utf-8";
                var minutes = Math.Max(1, (seconds + 59) / 60);
                var L = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var lang = Preferences.Culture(context.HttpContext);
                await response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"{lang}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                    $"<title>{Encode(L["RateLimit.Title"])}</title><body style=\"font:1.25rem/1.6 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem\">" +
                    $"<h1>{Encode(L["RateLimit.Title"])}</h1><p>{Encode(L["RateLimit.Text", minutes])}</p>" +
                    $"<p><a href=\"/\">{Encode(L["Home"])}</a></p></body></html>", ct);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int limit, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
        });

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(LocalizedString s) => Html.Encode(s.Value);

    private static string Client(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();
}
