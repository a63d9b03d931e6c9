using HoaHung.Learning.Catalog;
using HoaHung.Learning.Web.Accounts;
using Microsoft.AspNetCore.OutputCaching;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// The output cache of anonymous public pages (docs/architecture.md §3). The cache sits outside response
/// compression, so a page is compressed once when it is stored, not on every hit; it therefore varies by the
/// encoding the client accepts, and by the preferences the HTML depends on (language, text size), never by
/// anything personal. It also sits right after routing, in front of everything else (bench/results/profile-notes.md:
/// the middleware in front of it cost a hit ~8 µs of ~27): a hit pays for routing and the lookup only. Being in front
/// of authentication, it tells a signed-in request by its sign-in cookie (<see cref="AnonymousOnly"/>); responses that
/// set a cookie are never stored (default policy).
/// </summary>
public static class OutputCaching
{
    public const string PublicPage = "public-page";
    public const string PublicApi = "public-api";
    public const string SearchApi = "search-api";
    public const string CatalogTag = "catalog";

    /// <summary>
    /// Where cached pages live (section <c>App:OutputCache</c>): in each instance's memory (the default, and the
    /// measured faster one — bench/README.md), or with <c>Store=Redis</c> and <c>ConnectionStrings:Redis</c> in Redis,
    /// shared by every instance. Either way a catalog change empties every instance's pages (the catalog's channel of
    /// the change feed, <see cref="ChangeFeedHosting"/>).
    /// </summary>
    public static IServiceCollection AddSiteOutputCache(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(OutputCacheOptions.Section).Get<OutputCacheOptions>() ?? new OutputCacheOptions();
        if (options.Store == OutputCacheStoreKind.Redis)
        {
            var redis = config.GetConnectionString("Redis");
            if (string.IsNullOrWhiteSpace(redis))
                throw new InvalidOperationException("App:OutputCache:Store is Redis but ConnectionStrings:Redis is empty.");
            // On the instance's one connection; while it is down the cache answers "not here" at once (issue 26).
            services.AddStackExchangeRedisOutputCache(_ => { });
            services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
                .Configure<RedisLink>((o, link) => o.ConnectionMultiplexerFactory = () => Task.FromResult(link.Multiplexer));
            var inner = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(inner);
            services.AddSingleton<IOutputCacheStore>(sp => new WhileRedisIsUp(
                (IOutputCacheStore)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)),
                sp.GetRequiredService<RedisLink>()));
        }
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddPolicy(PublicPage, b => b.AddPolicy<AnonymousOnly>().Expire(TimeSpan.FromHours(6)).Tag(CatalogTag)
                .SetVaryByQuery("trang", "q", "chu-de", "loai", "thoi-luong")
                .VaryByValue(ctx => new KeyValuePair<string, string>("v", VaryKey(ctx))));
            // The API is the same for everyone, signed in or not.
            o.AddPolicy(PublicApi, b => b.AddPolicy<NoCoalescing>().Expire(TimeSpan.FromMinutes(30)).Tag(CatalogTag).SetVaryByQuery("*")
                .VaryByValue(ctx => new KeyValuePair<string, string>("v", Encoding(ctx))));
            // Suggestions while typing repeat the same few queries: a minute is enough to absorb a classroom.
            o.AddPolicy(SearchApi, b => b.AddPolicy<NoCoalescing>().Expire(TimeSpan.FromMinutes(1)).Tag(CatalogTag).SetVaryByQuery("*")
                .VaryByValue(ctx => new KeyValuePair<string, string>("v", Encoding(ctx))));
        });
        services.AddSingleton<ICatalogChanged, OutputCacheEviction>();
        return services;
    }

    private static string VaryKey(HttpContext ctx) =>
        $"{Preferences.Culture(ctx)}|{Preferences.TextSize(ctx)}|{Encoding(ctx)}|{(ctx.Request.Headers.ContainsKey("blazor-enhanced-nav") ? "e" : "")}";

    /// <summary>The coding the compression middleware will choose (both ask <see cref="ContentCodings"/>), so cached compressed bytes replay correctly.</summary>
    internal static string Encoding(HttpContext ctx) => ContentCodings.For(ctx);

    /// <summary>
    /// No request coalescing: a hit does not queue on the per-page lock every concurrent request of a hot page contends
    /// on (profile-notes.md: half of a hit's time in the cache). The price: right after an eviction, requests that
    /// arrive together each render the page once.
    /// </summary>
    private class NoCoalescing : IOutputCachePolicy
    {
        public virtual ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.AllowLocking = false;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// A page shared by anonymous readers: a request that carries a sign-in ticket neither gets nor leaves a copy. A
    /// cookie of that name that is no ticket (junk) signs nobody in: that request is anonymous, and served from the cache.
    /// </summary>
    private sealed class AnonymousOnly : NoCoalescing
    {
        public override ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.AllowLocking = false;
            // A kiosk's pages carry the kiosk's own bar and are never kept (docs/architecture.md §11): it neither gets nor
            // leaves a copy. Ordinary visitors send no kiosk cookie and are cached exactly as before.
            if ((AccountsHosting.HasSignInCookie(context.HttpContext.Request)
                    && context.HttpContext.RequestServices.GetRequiredService<SignInCookieCheck>().CarriesTicket(context.HttpContext))
                || Kiosk.KioskMode.HasCookie(context.HttpContext.Request))
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
                return ValueTask.CompletedTask;
            }
            context.HttpContext.Response.OnStarting(MarkPublic, context.HttpContext.Response);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// An anonymous page sent whole (200, no cookie set, no caching rule of its own) tells browsers and proxies they
    /// may keep it for <see cref="BrowserSeconds"/>, varying by cookie (language and text size are cookies, and a
    /// reader who signs in sends another) and, as the output cache does, by enhanced navigation. Run as the response
    /// starts, fresh or replayed from the output cache.
    /// </summary>
    private static Task MarkPublic(object state)
    {
        var response = (HttpResponse)state;
        if (response.StatusCode == StatusCodes.Status200OK && response.Headers.CacheControl.Count == 0 && response.Headers.SetCookie.Count == 0)
        {
            response.Headers.CacheControl = $"public, max-age={BrowserSeconds}";
            response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, "Cookie, Blazor-Enhanced-Nav");
        }
        return Task.CompletedTask;
    }

    /// <summary>How long a browser or proxy may keep an anonymous public page (<c>Cache-Control: public, max-age</c>).</summary>
    public const int BrowserSeconds = 300;

    private sealed class OutputCacheEviction(IOutputCacheStore store) : ICatalogChanged
    {
        public ValueTask CatalogChangedAsync(CancellationToken ct) => store.EvictByTagAsync(CatalogTag, ct);
    }
}

/// <summary>
/// The Redis output cache, asked only while the connection is up: when Redis is away a lookup is a miss and a store is
/// skipped at once (the page is rendered), never a wait on the client's timeouts. Pages evicted by a catalog change
/// made while it was away are evicted when it is back (the catalog channel's catch-up, <see cref="RedisLink"/>).
/// </summary>
internal sealed class WhileRedisIsUp(IOutputCacheStore redis, RedisLink link) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        link.IsConnected ? redis.EvictByTagAsync(tag, cancellationToken) : ValueTask.CompletedTask;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        link.IsConnected ? redis.GetAsync(key, cancellationToken) : ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        link.IsConnected ? redis.SetAsync(key, value, tags, validFor, cancellationToken) : ValueTask.CompletedTask;
}

public enum OutputCacheStoreKind
{
    Memory,
    Redis,
}

/// <summary>Configuration section <c>App:OutputCache</c>.</summary>
public sealed class OutputCacheOptions
{
    public const string Section = "App:OutputCache";
    public OutputCacheStoreKind Store { get; set; } = OutputCacheStoreKind.Memory;
}
