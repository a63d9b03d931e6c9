using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Search;
using HoaHung.Learning.WardStats;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaHung.Learning.Web.Api;

/// <summary>
/// <c>GET /api/v1/search</c> (docs/architecture.md §5): what the search box suggests while typing and what the ward's
/// virtual assistant and Zalo channel call. Rate-limited per client address (<see cref="RateLimiting.SearchPolicy"/>,
/// shared with the search page) and output-cached briefly.
/// </summary>
internal static class SearchApi
{
    public const int DefaultLimit = 10;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchRecordingMissesAsync).WithName("SearchLessons").WithTags("Library")
            .WithSummary("Published lessons matching q, best first. Diacritics are optional (\"dang ky vneid\" finds \"Đăng ký VNeID\"); "
                + "the last word also matches as a prefix. Filters: topic slug, type (tutorial, video, quiz), length (short ≤5 min, "
                + "medium 6–15, long >15). limit 1–50 (default 10). The snippet is HTML: encoded text with the matches in <mark>.")
            .RequireRateLimiting(RateLimiting.SearchPolicy)
            .CacheOutput(OutputCaching.SearchApi);
        // The header box's suggestions while typing (search-suggest.js): the same answer, its own rate limit.
        app.MapGet(SiteLinks.SearchSuggestions, SearchAsync).ExcludeFromDescription()
            .RequireRateLimiting(RateLimiting.SuggestPolicy)
            .CacheOutput(OutputCaching.SearchApi);
        return app;
    }

    /// <summary>The search, and for the ward's dashboard a search without filters that found nothing (<see cref="SearchMisses"/>); suggestions are not counted.</summary>
    private static async Task<Results<Ok<SearchResponseDto>, ProblemHttpResult>> SearchRecordingMissesAsync(LessonSearch search, SiteUrls urls,
        SearchMisses misses, string? q, int? limit, string? topic, string? type, string? length, int? page, CancellationToken ct)
    {
        var answer = await SearchAsync(search, urls, q, limit, topic, type, length, page, ct);
        if (answer.Result is Ok<SearchResponseDto> { Value: { Total: 0 } found } && (page ?? 1) == 1
            && string.IsNullOrEmpty(topic) && string.IsNullOrEmpty(type) && string.IsNullOrEmpty(length))
            await misses.RecordAsync(found.Query, ct);
        return answer;
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

public sealed record SearchHitDto(string Slug, string Title, string Summary, string Type, int Minutes, TopicRefDto Topic, string Url, string Snippet);

/// <param name="Query">The query as it was searched: folded words (lower case, no diacritics).</param>
/// <param name="Approximate">True when no lesson holds every word and the items hold some of them.</param>
public sealed record SearchResponseDto(string Query, int Total, int Page, int PageSize, bool Approximate, IReadOnlyList<SearchHitDto> Items);
