using HoaHung.Learning.Catalog;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// The output cache of anonymous public pages (docs/architecture.md §3). The cache sits outside response
/// compression, so a page is compressed once when it is stored, not on every hit; it therefore varies by the
/// encoding the client accepts, and by the preferences the HTML depends on (language, text size), never by
/// anything personal. Signed-in requests and responses that set a cookie are never stored (default policy).
/// </summary>
public static class OutputCaching
{
    public const string PublicPage = "public-page";
    public const string PublicApi = "public-api";
    public const string SearchApi = "search-api";
    public const string CatalogTag = "catalog";

    public static IServiceCollection AddSiteOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddPolicy(PublicPage, b => b.Expire(TimeSpan.FromHours(6)).Tag(CatalogTag).SetVaryByQuery("trang", "q", "chu-de", "loai", "thoi-luong")
                .VaryByValue(ctx => new KeyValuePair<string, string>("v", VaryKey(ctx))));
            o.AddPolicy(PublicApi, b => b.Expire(TimeSpan.FromMinutes(30)).Tag(CatalogTag).SetVaryByQuery("*")
                .VaryByValue(ctx => new KeyValuePair<string, string>("v", Encoding(ctx))));
            // Suggestions while typing repeat the same few queries: a minute is enough to absorb a classroom.
            o.AddPolicy(SearchApi, b => b.Expire(TimeSpan.FromMinutes(1)).Tag(CatalogTag).SetVaryByQuery("*")
                .VaryByValue(ctx => new KeyValuePair<string, string>("v", Encoding(ctx))));
        });
        services.AddSingleton<ICatalogChanged, OutputCacheEviction>();
        return services;
    }

    private static string VaryKey(HttpContext ctx) =>
        $"{Preferences.Culture(ctx)}|{Preferences.TextSize(ctx)}|{Encoding(ctx)}|{(ctx.Request.Headers.ContainsKey("blazor-enhanced-nav") ? "e" : "")}";

    /// <summary>The encoding the compression middleware will choose, so cached compressed bytes replay correctly.</summary>
    internal static string Encoding(HttpContext ctx)
    {
        var accept = ctx.Request.Headers.AcceptEncoding.ToString();
        if (accept.Contains("br", StringComparison.OrdinalIgnoreCase)) return "br";
        if (accept.Contains("gzip", StringComparison.OrdinalIgnoreCase)) return "gzip";
        return "";
    }

    private sealed class OutputCacheEviction(IOutputCacheStore store) : ICatalogChanged
    {
        public ValueTask CatalogChangedAsync(CancellationToken ct) => store.EvictByTagAsync(CatalogTag, ct);
    }
}

/// <summary>The two preferences a reader can set without an account; both live in cookies.</summary>
public static class Preferences
{
    public const string TextSizeCookie = "hh.textsize";
    public const int DefaultTextSize = 0;
    public const int MaxTextSize = 4;
    public static readonly string[] Cultures = ["vi", "en"];

    public static string Culture(HttpContext ctx)
    {
        var cookie = ctx.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        var parsed = cookie is null ? null : CookieRequestCultureProvider.ParseCookieValue(cookie);
        var name = parsed?.UICultures.FirstOrDefault().Value;
        return name is not null && Cultures.Contains(name) ? name : "vi";
    }

    public static int TextSize(HttpContext ctx) =>
        int.TryParse(ctx.Request.Cookies[TextSizeCookie], out var size) && size is >= 0 and <= MaxTextSize ? size : DefaultTextSize;
}
