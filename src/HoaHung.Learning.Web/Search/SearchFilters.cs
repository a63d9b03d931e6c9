using HoaHung.Learning.Web.Layout;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Search;

namespace HoaHung.Learning.Web.Search;

/// <summary>The search page's query keys and their Vietnamese values (docs/architecture.md §5: slugs without diacritics).</summary>
internal static class SearchFilters
{
    public const string Query = "q";
    public const string Topic = "chu-de";
    public const string Type = "loai";
    public const string Length = "thoi-luong";
    public const string Page = "trang";

    public static readonly IReadOnlyList<(string Slug, LessonType Value)> Types =
        [("huong-dan", LessonType.Tutorial), ("video", LessonType.Video), ("kiem-tra", LessonType.Quiz)];

    public static readonly IReadOnlyList<(string Slug, LessonLength Value)> Lengths =
        [("ngan", LessonLength.Short), ("vua", LessonLength.Medium), ("dai", LessonLength.Long)];

    public static LessonType? TypeOf(string? slug) => Types.Where(t => t.Slug == slug).Select(t => (LessonType?)t.Value).FirstOrDefault();

    public static LessonLength? LengthOf(string? slug) => Lengths.Where(t => t.Slug == slug).Select(t => (LessonLength?)t.Value).FirstOrDefault();

    /// <summary>/tim-kiem with the given values; empty ones are left out.</summary>
    public static string Url(string? q, string? topic, string? type, string? length, int page = 1)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add(Query, q);
        Add(Topic, topic);
        Add(Type, type);
        Add(Length, length);
        if (page > 1)
            Add(Page, page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? SiteLinks.Search : SiteLinks.Search + "?" + string.Join('&', parts);
    }
}
