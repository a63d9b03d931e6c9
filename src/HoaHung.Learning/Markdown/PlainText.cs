using System.Text;
using Markdig.Syntax;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// The body as one line of words for the search index and summaries. Callout titles are not part of
/// the document tree (they are the container's arguments or a default), so they are consistently left out.
/// </summary>
internal static class PlainText
{
    public static string Of(MarkdownDocument document)
    {
        var text = new StringBuilder();
        var pending = new Stack<Block>();
        pending.Push(document);
        while (pending.TryPop(out var block))
        {
            switch (block)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--) pending.Push(container[i]);
                    break;
                case LeafBlock { Inline: { } inline }:
                    InlineText.Append(text, inline, includeUrls: false);
                    text.Append(' ');
                    break;
                case CodeBlock code:
                    text.Append(code.Lines.ToString()).Append(' ');
                    break;
            }
        }
        return Collapse(text.ToString());
    }

    /// <summary>Runs of whitespace and control characters become one space.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = collapsed.Length > 0;
                continue;
            }
            if (pendingSpace) collapsed.Append(' ');
            pendingSpace = false;
            collapsed.Append(c);
        }
        return collapsed.ToString();
    }
}
