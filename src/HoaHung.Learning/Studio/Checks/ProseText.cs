using System.Text;
using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Studio.Checks;

/// <summary>
/// The words of a paragraph as a reader hears them — link text kept, pictures left out (their description is not part
/// of the sentence) — with, for each piece, the source line it came from, so a long sentence can name its line.
/// </summary>
internal sealed class ProseText
{
    private readonly StringBuilder text = new();
    private readonly List<(int Start, int Line)> lines = [];

    public string Text => text.ToString();

    /// <summary>The 0-based source line of the character at <paramref name="index"/>.</summary>
    public int LineAt(int index)
    {
        var line = lines.Count > 0 ? lines[0].Line : 0;
        foreach (var (start, l) in lines)
        {
            if (start > index) break;
            line = l;
        }
        return line;
    }

    public static ProseText Of(ContainerInline? container, int firstLine)
    {
        var prose = new ProseText();
        prose.lines.Add((0, firstLine));
        if (container is null) return prose;
        var pending = new Stack<Inline>();
        Push(pending, container);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    prose.Append(literal.Content, literal.Line);
                    break;
                case CodeInline code:
                    prose.Append(code.Content, code.Line);
                    break;
                case HtmlEntityInline entity:
                    prose.Append(entity.Transcoded, entity.Line);
                    break;
                case AutolinkInline autolink:
                    prose.Append(autolink.Url, autolink.Line);
                    break;
                case LineBreakInline lineBreak:
                    prose.text.Append(' ');
                    prose.lines.Add((prose.text.Length, lineBreak.Line + 1));
                    break;
                case LinkInline { IsImage: true }:
                    prose.text.Append(' ');
                    break;
                case ContainerInline child:
                    Push(pending, child);
                    break;
            }
        }
        return prose;
    }

    private void Append(StringSlice slice, int line) => Append(slice.ToString(), line);

    private void Append(string? s, int line)
    {
        if (string.IsNullOrEmpty(s)) return;
        if (lines[^1].Line != line) lines.Add((text.Length, line));
        text.Append(s);
    }

    private static void Push(Stack<Inline> pending, ContainerInline container)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
            pending.Push(child);
    }
}
