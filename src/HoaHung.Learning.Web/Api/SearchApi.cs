using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Search;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Api;

/// <summary>
/// <c>GET /api/v1/search</c> (ARCHITECTURE.md §5): what the search box suggests while typing and what the ward's
/// virtual assistant and Zalo channel call. Rate-limited per client address (policy <see cref="RateLimitPolicy"/>,
/// shared with the search page) and output-cached briefly.
/// </summary>
internal static class SearchApi
{
    public const string RateLimitPolicy = "search";
    public const string CachePolicy = "search-api";
    public const int DefaultLimit = 10;

    public static IServiceCollection AddSearchApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchRateLimitOptions>().Bind(configuration.GetSection(SearchRateLimitOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, SearchRateLimit>(RateLimitPolicy);
        });
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, b => b.Expire(TimeSpan.FromMinutes(1)).Tag(OutputCaching.CatalogTag)
            .SetVaryByQuery("*").VaryByValue(ctx => new KeyValuePair<string, string>("v", OutputCaching.Encoding(ctx)))));
        return services;
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchAsync).WithName("SearchLessons").WithTags("Library")
            .WithSummary("Published lessons matching q, best first. Diacritics are optional (\"dang ky vneid\" finds \"Đăng ký VNeID\"); "
                + "the last word also matches as a prefix. Filters: topic slug, type (tutorial, video, quiz), length (short ≤5 min, "
                + "medium 6–15, long >15). limit 1–50 (default 10). The snippet is HTML: encoded text with the matches in <mark>.")
            .RequireRateLimiting(RateLimitPolicy)
            .CacheOutput(CachePolicy);
        return app;
    }

    private static async Task<Results<Ok<SearchResponseDto>, ProblemHttpResult>> SearchAsync(LessonSearch search, SiteUrls urls,
        string? q, int? limit, string? topic, string? type, string? length, int? page, CancellationToken ct)
    {
        LessonType? lessonType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!Enum.TryParse<LessonType>(type, ignoreCase: true, out var parsed) || int.TryParse(type, out _))
                return TypedResults.Problem("type must be tutorial, video or quiz", statusCode: StatusCodes.Status400BadRequest);
            lessonType = parsed;
        }
        LessonLength? lessonLength = null;
        if (!string.IsNullOrEmpty(length))
        {
            if (!Enum.TryParse<LessonLength>(length, ignoreCase: true, out var parsed) || int.TryParse(length, out _))
                return TypedResults.Problem("length must be short, medium or long", statusCode: StatusCodes.Status400BadRequest);
            lessonLength = parsed;
        }
        var size = Math.Clamp(limit ?? DefaultLimit, 1, LessonSearch.MaxPageSize);
        var results = await search.SearchAsync(new SearchRequest(q, topic, lessonType, lessonLength, page ?? 1, size), ct);
        return TypedResults.Ok(new SearchResponseDto(results.Terms.Folded, results.Total, results.Page, results.PageSize, results.Approximate,
            results.Items.Select(r => new SearchHitDto(r.Lesson.Slug, r.Lesson.Title, r.Lesson.Summary, Api.Type(r.Lesson.Type), r.Lesson.Minutes,
                new TopicRefDto(r.Lesson.TopicSlug, r.Lesson.TopicTitle), urls.Lesson(r.Lesson.Slug), MarkedHtml(r.Snippet))).ToList()));
    }

    // Vietnamese letters stay readable UTF-8 (like the site's pages); <, >, &, quotes are encoded.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Every piece HTML-encoded; only our own &lt;mark&gt; tags are markup.</summary>
    internal static string MarkedHtml(IEnumerable<TextPart> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            var text = Encoder.Encode(part.Text);
            sb.Append(part.Match ? $"<mark>{text}</mark>" : text);
        }
        return sb.ToString();
    }
}

/// <summary>Requests to search (API and page) a client address may make per window; section <c>Search:RateLimit</c>.</summary>
public sealed class SearchRateLimitOptions
{
    public const string Section = "Search:RateLimit";

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 60;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>A fixed window per client address; refusals are 429 with Retry-After and a sentence a person can read.</summary>
internal sealed class SearchRateLimit(IOptions<SearchRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "-", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
            QueueLimit = 0,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = options.Value.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()["Search.TooManyRequests"].Value;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(text, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync("<!DOCTYPE html><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>429</title><p style=\"font:1.25rem system-ui,sans-serif;margin:2rem\">{SearchApi.Encoder.Encode(text)} <a href=\"/\">↩</a></p>", ct);
    }
}

public sealed record SearchHitDto(string Slug, string Title, string Summary, string Type, int Minutes, TopicRefDto Topic, string Url, string Snippet);

/// <param name="Query">The query as it was searched: folded words (lower case, no diacritics).</param>
/// <param name="Approximate">True when no lesson holds every word and the items hold some of them.</param>
public sealed record SearchResponseDto(string Query, int Total, int Page, int PageSize, bool Approximate, IReadOnlyList<SearchHitDto> Items);
