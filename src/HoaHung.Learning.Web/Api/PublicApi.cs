using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaHung.Learning.Web.Api;

/// <summary>The read-only public JSON API (docs/architecture.md §5): stable, documented by /openapi/v1.json.</summary>
internal static class PublicApi
{
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Library").CacheOutput(OutputCaching.PublicApi);
        api.MapGet("/topics", TopicsAsync).WithName("ListTopics")
            .WithSummary("Topics of the library, in display order, with their number of published lessons.");
        api.MapGet("/lessons", LessonsAsync).WithName("ListLessons")
            .WithSummary("Published lessons, filtered by topic slug and type (tutorial, video, quiz), 20 a page.");
        api.MapGet("/lessons/{slug}", LessonAsync).WithName("GetLesson")
            .WithSummary("One published lesson: metadata, summary, canonical URL, its body as sanitized HTML and its quiz's title, number of questions and pass mark (never its answers).");

        app.MapGet("/healthz", HealthAsync).WithTags("Health").WithSummary("200 when the database answers, 503 otherwise.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TopicDto>>> TopicsAsync(LessonCatalog catalog, SiteUrls urls, CancellationToken ct)
    {
        var topics = await catalog.TopicsAsync(ct);
        return TypedResults.Ok<IReadOnlyList<TopicDto>>(topics
            .Select(t => new TopicDto(t.Slug, t.Title, t.Description, t.Icon, t.LessonCount, urls.Topic(t.Slug))).ToList());
    }

    private static async Task<Results<Ok<LessonListDto>, ProblemHttpResult>> LessonsAsync(
        LessonCatalog catalog, SiteUrls urls, string? topic, string? type, int? page, CancellationToken ct)
    {
        LessonType? lessonType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!Enum.TryParse<LessonType>(type, ignoreCase: true, out var parsed) || int.TryParse(type, out _))
                return TypedResults.Problem("type must be tutorial, video or quiz", statusCode: StatusCodes.Status400BadRequest);
            lessonType = parsed;
        }
        if (page is < 1 or > 100_000)
            return TypedResults.Problem("page must be 1 or more", statusCode: StatusCodes.Status400BadRequest);
        var result = await catalog.LessonsAsync(topic, lessonType, page ?? 1, 20, ct);
        return TypedResults.Ok(new LessonListDto(result.Items.Select(l => LessonSummaryDto.From(l, urls)).ToList(),
            result.Page, result.PageSize, result.Total, result.Pages));
    }

    private static async Task<Results<Ok<LessonDto>, NotFound>> LessonAsync(string slug, LessonCatalog catalog, SiteUrls urls, CancellationToken ct)
    {
        var lesson = await catalog.LessonAsync(slug, ct);
        if (lesson is null)
            return TypedResults.NotFound();
        var c = lesson.Card;
        return TypedResults.Ok(new LessonDto(c.Slug, c.Title, c.Summary, Api.Type(c.Type), Api.Level(c.Level), c.Minutes,
            new TopicRefDto(c.TopicSlug, c.TopicTitle), lesson.Tags, urls.Lesson(c.Slug), lesson.PublishedAt, lesson.UpdatedAt,
            lesson.BodyHtml,
            lesson.VideoUrl is null ? null : new VideoDto(urls.Absolute(lesson.VideoUrl), lesson.CaptionsUrl is null ? null : urls.Absolute(lesson.CaptionsUrl)),
            lesson.Cover is null ? null : urls.Absolute(lesson.Cover.Url),
            lesson.Quiz is { } quiz ? new QuizDto(quiz.Title, quiz.Questions, quiz.PassMark, urls.Absolute(SiteLinks.Quiz(c.Slug))) : null));
    }

    private static async Task<IResult> HealthAsync(LearningDbContext db, CancellationToken ct)
    {
        bool ok;
        try { ok = await db.Database.CanConnectAsync(ct); }
        catch (Exception) { ok = false; }
        return ok ? Results.Ok(new { status = "ok" }) : Results.Json(new { status = "unavailable" }, statusCode: 503);
    }
}

internal static class Api
{
    public static string Type(LessonType t) => t.ToString().ToLowerInvariant();
    public static string Level(LessonLevel l) => l.ToString().ToLowerInvariant();
}

public sealed record TopicDto(string Slug, string Title, string Description, string Icon, int LessonCount, string Url);

public sealed record TopicRefDto(string Slug, string Title);

public sealed record LessonSummaryDto(string Slug, string Title, string Summary, string Type, string Level, int Minutes, string Topic, string Url)
{
    internal static LessonSummaryDto From(LessonCard c, SiteUrls urls) =>
        new(c.Slug, c.Title, c.Summary, Api.Type(c.Type), Api.Level(c.Level), c.Minutes, c.TopicSlug, urls.Lesson(c.Slug));
}

public sealed record LessonListDto(IReadOnlyList<LessonSummaryDto> Items, int Page, int PageSize, int Total, int Pages);

public sealed record VideoDto(string Url, string? CaptionsUrl);

public sealed record LessonDto(string Slug, string Title, string Summary, string Type, string Level, int Minutes,
    TopicRefDto Topic, IReadOnlyList<string> Tags, string Url, DateTime PublishedAt, DateTime UpdatedAt,
    string Html, VideoDto? Video, string? Image, QuizDto? Quiz = null);

/// <summary>A lesson's quiz as the public may see it: never its questions or answers.</summary>
public sealed record QuizDto(string Title, int Questions, int PassMark, string Url);
