using System.Text;
using System.Text.RegularExpressions;
using HoaHung.Learning.Markdown;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Studio;

/// <summary>What a block of a lesson's body is, as the studio's cards show it.</summary>
public enum BlockKind
{
    /// <summary>A paragraph of text.</summary>
    Paragraph,
    /// <summary>A heading ("##").</summary>
    Heading,
    /// <summary>One of the callouts of content/README.md (<c>:::tip</c>, <c>:::warning</c>…).</summary>
    Callout,
    /// <summary>A <c>:::steps</c> list: one card per step.</summary>
    Steps,
    /// <summary>Anything else (a list, a table, a quote…): kept exactly as written.</summary>
    Other,
}

/// <summary>One block of a lesson's body, editable in place; <see cref="LessonBlocks.Write"/> turns the list back into Markdown.</summary>
public sealed class LessonBlock
{
    public BlockKind Kind { get; set; }

    /// <summary>The words of a paragraph or heading, the inside of a callout, or the Markdown of an "other" block.</summary>
    public string Text { get; set; } = "";

    public int Level { get; set; } = 2;

    /// <summary>The callout's name (prepare, tip, note, warning, remember).</summary>
    public string Callout { get; set; } = "";

    /// <summary>The callout's own title, or empty for its default one.</summary>
    public string Title { get; set; } = "";

    public List<LessonStep> Steps { get; set; } = [];

    /// <summary>The number of the first step (1 unless the author wrote otherwise).</summary>
    public int Start { get; set; } = 1;

    /// <summary>Whether steps are separated by blank lines (a list written tight stays tight until a step needs room).</summary>
    public bool Loose { get; set; } = true;

    /// <summary>First and last line (1-based) of the block in the body it was read from; 0 for a block added since.</summary>
    public int FirstLine { get; set; }

    public int LastLine { get; set; }
}

/// <summary>One step: what to do, the picture of the screen at that step, and any words under the picture.</summary>
public sealed class LessonStep
{
    public string Text { get; set; } = "";
    public string? PicturePath { get; set; }
    public string PictureDescription { get; set; } = "";

    /// <summary>Words written under the picture (several seed lessons add a hint there).</summary>
    public string After { get; set; } = "";

    public int FirstLine { get; set; }
    public int LastLine { get; set; }
}

/// <summary>
/// A lesson's Markdown body as blocks a volunteer recognises (paragraphs, headings, callouts, one card per step) and
/// back. Markdown stays the storage and pack format (content/README.md): <see cref="Read"/> uses the public page's
/// own parser, and <see cref="Write"/> writes what renders to the same HTML (tested over every lesson of content/).
/// A block the cards do not model is kept as its source text, so nothing an author wrote is lost by the cards.
/// </summary>
public static partial class LessonBlocks
{
    public static readonly IReadOnlyList<string> CalloutKinds = ["prepare", "tip", "note", "warning", "remember"];

    private static readonly MarkdownPipeline Pipeline = LessonPipeline.Build();

    public static List<LessonBlock> Read(string? body)
    {
        var text = InputScreen.Clean((body ?? "").Replace("\r\n", "\n").Replace('\r', '\n'));
        var blocks = new List<LessonBlock>();
        if (text.Trim().Length == 0)
            return blocks;
        MarkdownDocument document;
        try
        {
            if (InputScreen.Problem(text) is not null)
                return [Other(text, 1, text.Count(c => c == '\n') + 1)];
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [Other(text, 1, text.Count(c => c == '\n') + 1)];
        }
        foreach (var block in document)
        {
            if (block is LinkReferenceDefinitionGroup { Count: 0 })
                continue;
            blocks.Add(ReadBlock(text, block));
        }
        return blocks;
    }

    private static LessonBlock ReadBlock(string text, Block block)
    {
        var (first, last) = Lines(text, block);
        switch (block)
        {
            case ParagraphBlock:
                return new LessonBlock { Kind = BlockKind.Paragraph, Text = Slice(text, block), FirstLine = first, LastLine = last };
            case HeadingBlock { IsSetext: false } heading when AtxHeading().Match(Slice(text, block)) is { Success: true } m:
                return new LessonBlock { Kind = BlockKind.Heading, Level = heading.Level, Text = m.Groups[1].Value.Trim(), FirstLine = first, LastLine = last };
            case CustomContainer container:
                var name = container.Info?.Trim().ToLowerInvariant() ?? "";
                if (name == "steps" && ReadSteps(text, container) is { } steps)
                {
                    steps.FirstLine = first;
                    steps.LastLine = last;
                    return steps;
                }
                if (CalloutKinds.Contains(name) && !container.Descendants<CustomContainer>().Any() && string.Equals(container.Info?.Trim(), name, StringComparison.Ordinal))
                {
                    var inside = container.Count == 0 ? "" : text[container[0].Span.Start..(container[^1].Span.End + 1)];
                    return new LessonBlock
                    {
                        Kind = BlockKind.Callout, Callout = name, Title = container.Arguments?.Trim() ?? "", Text = inside.Trim('\n'),
                        FirstLine = first, LastLine = last,
                    };
                }
                break;
        }
        return Other(Slice(text, block), first, last);
    }

    private static LessonBlock Other(string text, int first, int last) =>
        new() { Kind = BlockKind.Other, Text = text.Trim('\n'), FirstLine = first, LastLine = last };

    /// <summary>
    /// A <c>:::steps</c> block of ordered lists. A picture put between two steps (which splits one list into 1, 1, 1, 2
    /// in Markdown) goes into the step before it when that step has none.
    /// </summary>
    private static LessonBlock? ReadSteps(string text, CustomContainer container)
    {
        var block = new LessonBlock { Kind = BlockKind.Steps, Loose = false };
        var firstList = true;
        foreach (var child in container)
        {
            switch (child)
            {
                case ListBlock { IsOrdered: true } list:
                    if (firstList && int.TryParse(list.OrderedStart, out var start))
                        block.Start = start;
                    firstList = false;
                    block.Loose |= list.IsLoose || block.Steps.Count > 0;
                    foreach (var item in list.OfType<ListItemBlock>())
                        block.Steps.Add(ReadStep(text, item));
                    break;
                case ParagraphBlock paragraph when Picture(text, paragraph) is { } picture && block.Steps.Count > 0 && block.Steps[^1].PicturePath is null:
                    var last = block.Steps[^1];
                    (last.PicturePath, last.PictureDescription, last.LastLine) = (picture.Path, picture.Description, Lines(text, paragraph).Last);
                    block.Loose = true;
                    break;
                default:
                    return null;
            }
        }
        return block.Steps.Count == 0 ? null : block;
    }

    private static LessonStep ReadStep(string text, ListItemBlock item)
    {
        var (first, last) = Lines(text, item);
        var step = new LessonStep { FirstLine = first, LastLine = last };
        if (item.Count == 0)
            return step;
        var indent = Math.Max(0, item[0].Column - item.Column);
        var pictureAt = -1;
        for (var i = 0; i < item.Count; i++)
        {
            if (item[i] is ParagraphBlock p && Picture(text, p) is { } picture)
            {
                (step.PicturePath, step.PictureDescription, pictureAt) = (picture.Path, picture.Description, i);
                break;
            }
        }
        if (pictureAt < 0)
        {
            step.Text = Dedent(text[item[0].Span.Start..(item[^1].Span.End + 1)], indent);
            return step;
        }
        if (pictureAt > 0)
            step.Text = Dedent(text[item[0].Span.Start..(item[pictureAt - 1].Span.End + 1)], indent);
        if (pictureAt < item.Count - 1)
            step.After = Dedent(text[item[pictureAt + 1].Span.Start..(item[^1].Span.End + 1)], indent);
        return step;
    }

    /// <summary>A paragraph that is nothing but one picture of the lesson's own files, written <c>![description](file)</c>.</summary>
    private static (string Path, string Description)? Picture(string text, ParagraphBlock paragraph)
    {
        if (!SimplePicture().IsMatch(Slice(text, paragraph)))
            return null;
        var inlines = paragraph.Inline?.Where(i => i is not LiteralInline { Content.IsEmpty: true }).ToList() ?? [];
        if (inlines is not [LinkInline { IsImage: true, Url: { Length: > 0 } url } image] || !string.IsNullOrEmpty(image.Title) || image.Reference is not null)
            return null;
        if (MediaTarget.From(url) is not MediaTarget.LocalImage)
            return null;
        return (url, InlineText.Of(image).Trim());
    }

    private static string Slice(string text, Block block) => text[block.Span.Start..Math.Min(text.Length, block.Span.End + 1)].Trim('\n');

    private static (int First, int Last) Lines(string text, Block block)
    {
        var first = block.Line + 1;
        var end = Math.Min(text.Length - 1, block.Span.End);
        var last = first + text.AsSpan(block.Span.Start, Math.Max(0, end - block.Span.Start + 1)).TrimEnd('\n').Count('\n');
        return (first, last);
    }

    private static string Dedent(string slice, int indent)
    {
        var lines = slice.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var spaces = 0;
            while (spaces < indent && spaces < lines[i].Length && lines[i][spaces] == ' ')
                spaces++;
            lines[i] = lines[i][spaces..];
        }
        return string.Join('\n', lines).Trim('\n');
    }

    [GeneratedRegex(@"^#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^!\[[^\n]*\]\([^\s()<>]+\)[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SimplePicture();
}
