using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// A lesson's numbered steps as plain text, for a chat reply (docs/architecture.md §11): the items of its
/// <c>:::steps</c> block (or, without one, of its first numbered list), each the words of its paragraphs without
/// markup, pictures or URLs, cut at a word to a maximum length.
/// </summary>
internal static partial class LessonSteps
{
    [System.Text.RegularExpressions.GeneratedRegex("</?[A-Za-z!][^<>]{0,200}>")]
    private static partial System.Text.RegularExpressions.Regex TagsRegex();

    private static readonly System.Text.RegularExpressions.Regex Tags = TagsRegex();

    public static IReadOnlyList<string> Of(MarkdownDocument document, int max, int maxLength)
    {
        var list = document.Descendants<CustomContainer>()
                .Where(c => string.Equals(c.Info?.Trim(), "steps", StringComparison.OrdinalIgnoreCase))
                .SelectMany(c => c.Descendants<ListBlock>()).FirstOrDefault(l => l.IsOrdered)
            ?? document.Descendants<ListBlock>().FirstOrDefault(l => l.IsOrdered);
        if (list is null)
            return [];
        var steps = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var text = new StringBuilder();
            foreach (var paragraph in item.Descendants<ParagraphBlock>())
            {
                InlineText.Append(text, paragraph.Inline, includeUrls: false, includeImages: false);
                text.Append(' ');
            }
            // Raw HTML is shown as text on the page (the pipeline disables it); in a chat reply it would read as markup.
            var step = Shorten(PlainText.Collapse(Tags.Replace(text.ToString(), " ")), maxLength);
            if (step.Length > 0)
                steps.Add(step);
            if (steps.Count == max)
                break;
        }
        return steps;
    }

    /// <summary>At most <paramref name="maxLength"/> characters, cut after a whole word with "…".</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        var cut = text.LastIndexOf(' ', maxLength - 1);
        var head = text[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(' ', ',', ';', ':');
        if (char.IsHighSurrogate(head[^1]))
            head = head[..^1];
        return head + "…";
    }
}
