using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Assistant;

/// <summary>The lesson a chat answer points to: its summary and first steps as plain text; the cover as a site path.</summary>
public sealed record ChatLesson(string Slug, string Title, string Summary, IReadOnlyList<string> Steps, string? CoverPath);

public sealed record ChatLink(string Slug, string Title);

/// <param name="Query">The question as the search understood it (folded words).</param>
public sealed record ChatAnswer(bool Found, ChatLesson? Answer, IReadOnlyList<ChatLink> Alternatives, string Query);

/// <summary>
/// The answer to a question typed in a chat (docs/architecture.md §11), for the ward's virtual assistant
/// (<c>/api/v1/hoi-dap</c>) and the Zalo OA: the best lesson by the search's own ranking on folded Vietnamese, and up
/// to <see cref="MaxAlternatives"/> others. The question is searched first without the words people wrap a question in
/// ("cách", "làm sao", "hướng dẫn"…), then as typed; when no lesson holds all its words either way, there is no good
/// answer: the reply says so and the question is counted (<see cref="UnansweredQuestions"/>).
/// </summary>
public sealed class ChatAnswers(LessonSearch search, LessonCatalog catalog, LearningDbContext db, LessonMarkdown markdown,
    UnansweredQuestions unanswered)
{
    public const int MaxSteps = 5;
    public const int MaxStepLength = 200;
    public const int MaxAlternatives = 2;

    /// <summary>Folded phrases that only wrap a question; longest first, matched as whole words.</summary>
    private static readonly string[][] Wrappers = new[]
    {
        "nhu the nao", "lam the nao", "lam sao de", "lam sao", "the nao", "huong dan", "cach de", "cach", "xin hoi", "cho hoi",
        "vui long", "giup toi", "giup minh", "giup em", "giup", "toi muon", "minh muon", "em muon", "muon", "de", "toi", "minh",
        "em", "oi", "a", "nhe", "vay", "a oi", "ad", "admin",
    }.Select(p => p.Split(' ')).OrderByDescending(p => p.Length).ToArray();

    public async Task<ChatAnswer> AnswerAsync(string? question, string channel, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(question);
        if (terms.IsEmpty)
            return new ChatAnswer(false, null, [], "");
        // The words that carry the question first ("cách đăng ký VNeID" → "dang ky vneid"), then the question as typed.
        var core = WithoutWrappers(terms.Words);
        SearchResults? results = null;
        foreach (var query in core.Length > 0 && core != terms.Folded ? new[] { core, question! } : [question!])
        {
            var found = await search.SearchAsync(new SearchRequest(query, PageSize: 1 + MaxAlternatives), ct);
            if (results is null || (results.Items.Count == 0 && found.Items.Count > 0))
                results = found;
            if (found.Items.Count > 0 && !found.Approximate)
            {
                results = found;
                break;
            }
        }
        if (results is null || results.Items.Count == 0 || results.Approximate)
        {
            await unanswered.CountAsync(channel, terms.Folded, ct);
            return new ChatAnswer(false, null, (results?.Items ?? []).Take(MaxAlternatives).Select(r => new ChatLink(r.Lesson.Slug, r.Lesson.Title)).ToList(), terms.Folded);
        }
        var best = results.Items[0].Lesson;
        var view = await catalog.LessonAsync(best.Slug, ct);
        var body = await db.Lessons.AsNoTracking().Where(l => l.Id == best.Id && l.PublishedRevisionId != null)
            .Select(l => l.PublishedRevision!.Body).FirstOrDefaultAsync(ct) ?? "";
        var answer = new ChatLesson(best.Slug, best.Title, best.Summary, markdown.Steps(body, MaxSteps, MaxStepLength), view?.Cover?.Url);
        return new ChatAnswer(true, answer, results.Items.Skip(1).Take(MaxAlternatives).Select(r => new ChatLink(r.Lesson.Slug, r.Lesson.Title)).ToList(),
            terms.Folded);
    }

    /// <summary>The folded words without the phrases that only wrap a question.</summary>
    internal static string WithoutWrappers(IReadOnlyList<string> words)
    {
        var kept = new List<string>();
        for (var i = 0; i < words.Count;)
        {
            var wrapper = Wrappers.FirstOrDefault(p => i + p.Length <= words.Count && p.Select((w, k) => words[i + k] == w).All(x => x));
            if (wrapper is null)
                kept.Add(words[i++]);
            else
                i += wrapper.Length;
        }
        return string.Join(' ', kept);
    }
}

public static class AssistantModule
{
    public static IServiceCollection AddAssistant(this IServiceCollection services) =>
        services.AddScoped<UnansweredQuestions>()
            .AddScoped<ZaloDeliveries>()
            .AddScoped<ChatAnswers>();
}
