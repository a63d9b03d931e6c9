using System.Globalization;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace HoaHung.Learning.Markdown;

/// <summary>Heading levels and ids, fixed on the tree before rendering.</summary>
internal static class HeadingOutline
{
    private const int MaxIdLength = 80;

    /// <summary>
    /// The page owns the only h1 (the lesson title). If the author used '#', every level moves down
    /// one so the outline keeps its shape; ids are ASCII slugs so "Đăng ký" links as #dang-ky.
    /// </summary>
    public static void Apply(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        var shift = headings.Exists(h => h.Level == 1) ? 1 : 0;
        var used = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var heading in headings)
        {
            heading.Level = Math.Clamp(heading.Level + shift, 2, 6);
            heading.GetAttributes().Id = Unique(Slug(InlineText.Of(heading.Inline)), used);
        }
    }

    /// <summary>Lower-case ASCII letters, digits and '-', like the site's own slugs.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(Math.Min(text.Length, MaxIdLength));
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (slug.Length >= MaxIdLength) break;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;

            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower)) slug.Append(lower);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

    private static string Unique(string slug, Dictionary<string, int> used)
    {
        if (slug.Length == 0) slug = "muc"; // "section": a heading with no letters still needs an anchor
        if (used.TryAdd(slug, 0)) return slug;

        var n = used[slug];
        string candidate;
        do candidate = $"{slug}-{++n}"; while (used.ContainsKey(candidate));
        used[slug] = n;
        used[candidate] = 0;
        return candidate;
    }
}
