using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>Configuration section <c>App:RateLimits</c>: every rate limit of the site, counted per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "App:RateLimits";

    /// <summary>
    /// Sign-in posts per minute from one address (a token bucket: a burst of this many, refilled evenly). Lockout
    /// protects each account; this slows one address guessing many. A class of 30 on the ward's one wifi signs in
    /// together at the start, some two or three times over a mistyped password, hence 90.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 90;

    /// <summary>
    /// Sign-up posts per 10 minutes from one address (a token bucket, as sign-in). A class of 30 signs up together
    /// in its first session, some sending the form again after a message, hence 90.
    /// </summary>
    [Range(1, 100_000)]
    public int SignUpPerTenMinutes { get; set; } = 90;

    /// <summary>
    /// Searches (the search page and <c>/api/v1/search</c>) per <see cref="SearchWindowSeconds"/> from one address.
    /// A class of 30 on the ward's one wifi shares an address: 30 residents each searching three times a minute and
    /// opening a filter or a second page make about 180 a minute, hence 300 (a token bucket: a burst of this many,
    /// refilled evenly over the window).
    /// </summary>
    [Range(1, 1_000_000)]
    public int SearchPermitLimit { get; set; } = 300;

    [Range(1, 3600)]
    public int SearchWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Suggestions while typing (<c>/api/v1/search/suggestions</c>, search-suggest.js) per <see cref="SearchWindowSeconds"/>
    /// from one address. Typing one query asks for about ten, so a class typing at once asks for thousands a minute;
    /// most are answered from the output cache (the same first letters are typed by everyone).
    /// </summary>
    [Range(1, 1_000_000)]
    public int SuggestPermitLimit { get; set; } = 3000;

    /// <summary>
    /// Class join pages (<c>/tham-gia</c>, <c>/tham-gia/{code}</c>) per minute from one address (a token bucket). A class
    /// of 30 scanning the trainer's QR on one wifi opens each page two or three times, hence 120; a guesser trying
    /// codes gets about two a second, against some 887 million codes.
    /// </summary>
    [Range(1, 100_000)]
    public int JoinPerMinute { get; set; } = 120;
}

/// <summary>
/// The site's rate limits (docs/architecture.md §6), in one place with one refusal: 429 with <c>Retry-After</c>; an
/// API caller gets a problem document, a person gets the site's status page (<see cref="StatusPage"/>) through the
/// status-code pages, with a sentence in her language saying how long to wait.
/// </summary>
public static class RateLimiting
{
    /// <summary>The policy of the search page and the search API.</summary>
    public const string SearchPolicy = "search";

    /// <summary>The policy of the suggestions under the header's search box: its own bucket, so typing never uses up searches.</summary>
    public const string SuggestPolicy = "suggest";

    /// <summary>
    /// The policy of <c>/api/v1/hoi-dap</c>: the search bucket of the client's address, or, for a caller sending one of
    /// <c>App:Assistant:Keys</c> as <c>X-Api-Key</c>, a bucket of its own of <c>App:Assistant:KeyedPermitLimit</c>.
    /// </summary>
    public const string AssistantPolicy = "assistant";

    /// <summary>The policy of the class join pages: a join code cannot be guessed by trying many.</summary>
    public const string JoinPolicy = "join";

    /// <summary>The posts of the sign-in and sign-up forms (<c>App:RateLimits:SignInPerMinute</c>, <c>SignUpPerTenMinutes</c>).</summary>
    public const string SignInPolicy = "sign-in";

    public const string SignUpPolicy = "sign-up";

    /// <summary>Which limit refused a request, for the status page's sentence.</summary>
    internal const string RefusedBy = "hh.rate-limit";

    public static IServiceCollection AddSiteRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Api.AssistantOptions>().Bind(config.GetSection(Api.AssistantOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Account forms: only the posts count, reading the forms is free. Endpoint policies, like the others: a request
            // to any other page pays nothing for them (a GlobalLimiter was asked on every request).
            r.AddPolicy(SignInPolicy, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? Bucket("sign-in:" + Client(ctx), Limits(ctx).SignInPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter(""));
            r.AddPolicy(SignUpPolicy, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? Bucket("sign-up:" + Client(ctx), Limits(ctx).SignUpPerTenMinutes, TimeSpan.FromMinutes(10))
                : RateLimitPartition.GetNoLimiter(""));
            // One bucket per client address and policy; the site-wide refusal (RejectAsync) answers for every policy.
            r.AddPolicy(SearchPolicy, ctx => Bucket("search:" + Client(ctx), Limits(ctx).SearchPermitLimit,
                TimeSpan.FromSeconds(Limits(ctx).SearchWindowSeconds)));
            r.AddPolicy(SuggestPolicy, ctx => Bucket("suggest:" + Client(ctx), Limits(ctx).SuggestPermitLimit,
                TimeSpan.FromSeconds(Limits(ctx).SearchWindowSeconds)));
            r.AddPolicy(AssistantPolicy, ctx =>
            {
                var assistant = ctx.RequestServices.GetRequiredService<IOptions<Api.AssistantOptions>>().Value;
                var key = assistant.KeyIndex(ctx.Request.Headers[Api.AnswerApi.KeyHeader].ToString());
                return key >= 0
                    ? Bucket("assistant-key:" + key.ToString(CultureInfo.InvariantCulture), assistant.KeyedPermitLimit, TimeSpan.FromSeconds(Limits(ctx).SearchWindowSeconds))
                    : Bucket("search:" + Client(ctx), Limits(ctx).SearchPermitLimit, TimeSpan.FromSeconds(Limits(ctx).SearchWindowSeconds));
            });
            r.AddPolicy(JoinPolicy, ctx => Bucket("join:" + Client(ctx), Limits(ctx).JoinPerMinute, TimeSpan.FromMinutes(1)));
            r.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var search = policy is SearchPolicy or SuggestPolicy or AssistantPolicy;
        http.Items[RefusedBy] = search ? SearchPolicy : policy == JoinPolicy ? JoinPolicy : "account";
        if (SitePaths.IsMachinePath(http.Request.Path))
        {
            var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(L[search ? "Search.TooManyRequests" : "RateLimit.Title", seconds].Value,
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        }
        // A page request ends here without a body: the status-code pages render StatusPage for it.
    }

    /// <summary>
    /// A token bucket of <paramref name="limit"/> that refills evenly over <paramref name="window"/>: a class may use
    /// the whole bucket at once, and one refused waits seconds, not the rest of a minute.
    /// </summary>
    internal static RateLimitPartition<string> Bucket(string key, int limit, TimeSpan window)
    {
        var perSecond = limit / window.TotalSeconds;
        var tokens = Math.Max(1, (int)Math.Ceiling(perSecond));
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static RateLimitOptions Limits(HttpContext ctx) => ctx.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    internal static string Client(HttpContext ctx) => PartitionKey(ctx.Connection.RemoteIpAddress);

    /// <summary>
    /// The one place a client becomes a rate-limit partition: an IPv4 address as itself (an IPv4-mapped IPv6 address as
    /// the IPv4 address it carries), an IPv6 address by its /64. Every IPv6 subscriber is handed at least a /64 and may
    /// use any address in it, so keying by the full address gave one person 2^64 buckets.
    /// </summary>
    internal static string PartitionKey(IPAddress? address)
    {
        if (address is null)
            return IPAddress.None.ToString();
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
