using System.Text;
using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown;

/// <summary>The words of inline content without markup: alt text, heading ids, search text.</summary>
internal static class InlineText
{
    public static string Of(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(text, container, includeUrls: true);
        return text.ToString();
    }

    /// <param name="includeUrls">Autolinks show their URL as text; search text leaves URLs out.</param>
    /// <param name="includeImages">Pictures give their description; a chat reply's steps leave them out.</param>
    public static void Append(StringBuilder text, ContainerInline? container, bool includeUrls, bool includeImages = true)
    {
        if (container is null) return;

        // A stack rather than recursion: nesting depth is whatever the author typed.
        var pending = new Stack<Inline>();
        PushChildren(pending, container);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Append(text, literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    Append(text, entity.Transcoded);
                    break;
                case AutolinkInline autolink:
                    if (includeUrls) text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case LinkInline { IsImage: true } when !includeImages:
                    break;
                case ContainerInline child:
                    PushChildren(pending, child);
                    break;
            }
        }
    }

    private static void PushChildren(Stack<Inline> pending, ContainerInline container)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
            pending.Push(child);
    }

    private static void Append(StringBuilder text, StringSlice slice)
    {
        if (slice.Text is not null && slice.Length > 0) text.Append(slice.Text, slice.Start, slice.Length);
    }
}
