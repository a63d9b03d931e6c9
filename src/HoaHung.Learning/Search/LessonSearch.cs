using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Search;

/// <param name="Topic">A topic slug.</param>
public sealed record SearchRequest(string? Query, string? Topic = null, LessonType? Type = null, LessonLength? Length = null,
    int Page = 1, int PageSize = 10);

/// <param name="Title">The title cut into parts, query words marked.</param>
/// <param name="Snippet">Body text around the query words, marked; the summary when the body has none.</param>
public sealed record SearchResult(LessonCard Lesson, IReadOnlyList<TextPart> Title, IReadOnlyList<TextPart> Snippet);

/// <param name="Approximate">No lesson holds every word: these hold some of them, most first.</param>
public sealed record SearchResults(SearchTerms Terms, IReadOnlyList<SearchResult> Items, int Total, int Page, int PageSize, bool Approximate)
{
    public int Pages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    public static SearchResults Empty(SearchTerms terms, int pageSize) => new(terms, [], 0, 1, pageSize, false);
}

/// <summary>
/// Finds published lessons by folded words (so "dang ky vneid" finds "Đăng ký VNeID"), ranked by the index,
/// with the lesson cards and highlighted snippets the page and the API show.
/// </summary>
public sealed class LessonSearch(LearningDbContext db, ISearchIndex index, LessonCatalog catalog)
{
    public const int MaxPageSize = 50;
    public const int MaxPage = 1000;
    private const int SnippetLength = 180;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(request.Query);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        if (terms.IsEmpty)
            return SearchResults.Empty(terms, pageSize);
        int? topicId = null;
        if (!string.IsNullOrEmpty(request.Topic))
        {
            topicId = await db.Topics.AsNoTracking().Where(t => t.Slug == request.Topic).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (topicId is null)
                return SearchResults.Empty(terms, pageSize);
        }

        var page = Math.Clamp(request.Page, 1, MaxPage);
        var query = new IndexQuery(terms, true, topicId, request.Type, request.Length, (page - 1) * pageSize, pageSize);
        var found = await index.SearchAsync(query, ct);
        var approximate = false;
        if (found.Total == 0 && terms.Words.Count > 1)
        {
            found = await index.SearchAsync(query with { MatchAll = false }, ct);
            approximate = found.Total > 0;
        }
        if (found.Hits.Count == 0)
            return new SearchResults(terms, [], found.Total, page, pageSize, approximate);

        var cards = await catalog.CardsAsync(found.Hits.Select(h => h.LessonId), ct);
        var items = found.Hits.Where(h => cards.ContainsKey(h.LessonId)).Select(h =>
        {
            var card = cards[h.LessonId];
            var snippet = Highlighting.Snippet(h.PlainText, terms, SnippetLength)
                ?? Highlighting.Snippet(card.Summary, terms, SnippetLength)
                ?? [new TextPart(Shorten(card.Summary.Length > 0 ? card.Summary : h.PlainText), false)];
            return new SearchResult(card, Highlighting.Parts(card.Title, terms), snippet);
        }).ToList();
        return new SearchResults(terms, items, found.Total, page, pageSize, approximate);
    }

    private static string Shorten(string text)
    {
        if (text.Length <= SnippetLength)
            return text;
        var cut = text.LastIndexOf(' ', SnippetLength);
        return text[..(cut > 0 ? cut : SnippetLength)] + " …";
    }
}
