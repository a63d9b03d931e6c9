using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Assistant;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Api;

/// <summary>Configuration section <c>App:Assistant</c>: who may ask <c>/api/v1/hoi-dap</c> more often than a person.</summary>
public sealed class AssistantOptions
{
    public const string Section = "App:Assistant";

    /// <summary>Keys of the ward's own callers (the virtual assistant), sent as <c>X-Api-Key</c>; each raises the limit to <see cref="KeyedPermitLimit"/>.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>Questions per <c>App:RateLimits:SearchWindowSeconds</c> for a caller with a key (a bucket per key).</summary>
    [Range(1, 10_000_000)]
    public int KeyedPermitLimit { get; set; } = 6000;

    /// <summary>The key, if it is one of <see cref="Keys"/> (compared in constant time), as its position; -1 otherwise.</summary>
    public int KeyIndex(string? sent)
    {
        if (string.IsNullOrEmpty(sent) || sent.Length > 512)
            return -1;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sent));
        var found = -1;
        for (var i = 0; i < Keys.Count; i++)
            if (!string.IsNullOrEmpty(Keys[i]) && CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(Keys[i]))))
                found = i;
        return found;
    }
}

/// <summary>
/// <c>GET /api/v1/hoi-dap?q=</c> (docs/architecture.md §11): one answer shaped for a chat reply — the best lesson's
/// title, summary, up to 5 steps as plain text, absolute address and cover, and up to 2 other lessons. Rate-limited as
/// search (<see cref="RateLimiting.AssistantPolicy"/>: the search bucket of the client's address, or a larger bucket of
/// its own for a caller with a key in <c>X-Api-Key</c>). Never output-cached: each unanswered question is counted.
/// </summary>
internal static class AnswerApi
{
    public const string Route = "/api/v1/hoi-dap";
    public const string KeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapAnswerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, AnswerAsync).WithName("AnswerQuestion").WithTags("Assistant")
            .WithSummary("The best lesson for a question typed in a chat, shaped for a chat reply.")
            .WithDescription("q is the question as typed, with or without diacritics (\"cach dang ky vneid\"); the search's own ranking picks "
                + "the lesson. found is false when no lesson answers it (answer is then null; alternatives may still hold near lessons), "
                + "and the question is counted for the ward. steps are plain text (no HTML, no Markdown), at most 5, each at most 200 "
                + "characters. url and image are absolute. Rate-limited per client address like search; send a key of App:Assistant:Keys "
                + "in the X-Api-Key header for a larger limit. 429 with Retry-After when over the limit.")
            .Produces(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimiting.AssistantPolicy);
        return app;
    }

    private static async Task<Ok<ChatAnswerDto>> AnswerAsync(ChatAnswers answers, SiteUrls urls, HttpContext http,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")] string? q, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var answer = await answers.AnswerAsync(q, AssistantChannels.Api, ct);
        return TypedResults.Ok(ChatAnswerDto.From(answer, urls));
    }
}

/// <summary>The answer: <c>{ found, answer: { title, summary, steps, url, image } | null, alternatives: [ { title, url } ] }</c>.</summary>
public sealed record ChatAnswerDto(bool Found, ChatLessonDto? Answer, IReadOnlyList<ChatLinkDto> Alternatives)
{
    internal static ChatAnswerDto From(ChatAnswer answer, SiteUrls urls) => new(answer.Found,
        answer.Answer is { } a ? new ChatLessonDto(a.Title, a.Summary, a.Steps, urls.Lesson(a.Slug), a.CoverPath is null ? null : urls.Absolute(a.CoverPath)) : null,
        answer.Alternatives.Select(l => new ChatLinkDto(l.Title, urls.Lesson(l.Slug))).ToList());
}

/// <param name="Steps">Plain text, at most 5, each at most 200 characters.</param>
/// <param name="Url">The lesson's absolute address.</param>
/// <param name="Image">The lesson's cover picture (absolute), or null.</param>
public sealed record ChatLessonDto(string Title, string Summary, IReadOnlyList<string> Steps, string Url, string? Image);

public sealed record ChatLinkDto(string Title, string Url);
