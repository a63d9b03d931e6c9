using System.Text;

namespace HoaHung.Learning.Studio;

public static partial class LessonBlocks
{
    /// <summary>
    /// The blocks as the Markdown of content/README.md. Words typed into a card cannot break the structure around them:
    /// a line starting with ":::" (which would close a block) is escaped, a heading is one line, a picture's description
    /// has its brackets escaped, and a step's lines are indented under its number. Empty paragraphs and headings are left out.
    /// </summary>
    public static string Write(IEnumerable<LessonBlock> blocks)
    {
        var parts = new List<string>();
        foreach (var block in blocks)
        {
            var part = block.Kind switch
            {
                BlockKind.Paragraph => Guard(Tidy(block.Text)),
                BlockKind.Heading => OneLine(block.Text) is { Length: > 0 } h ? $"{new string('#', Math.Clamp(block.Level, 1, 6))} {EscapeHeading(h)}" : "",
                BlockKind.Callout => WriteCallout(block),
                BlockKind.Steps => WriteSteps(block),
                _ => block.Text.Trim('\n'),
            };
            if (part.Trim().Length > 0)
                parts.Add(part);
        }
        return parts.Count == 0 ? "" : string.Join("\n\n", parts) + "\n";
    }

    private static string WriteCallout(LessonBlock block)
    {
        var title = OneLine(block.Title);
        var kind = CalloutKinds.Contains(block.Callout) ? block.Callout : "note";
        var inside = Guard(Tidy(block.Text));
        return $":::{kind}{(title.Length > 0 ? " " + title : "")}\n{(inside.Length > 0 ? inside + "\n" : "")}:::";
    }

    private static string WriteSteps(LessonBlock block)
    {
        if (block.Steps.Count == 0)
            return "";
        var loose = block.Loose || block.Steps.Any(NeedsRoom);
        var text = new StringBuilder(":::steps\n");
        var number = Math.Max(0, block.Start);
        for (var i = 0; i < block.Steps.Count; i++, number++)
        {
            if (i > 0)
                text.Append(loose ? "\n" : "");
            var marker = $"{number}. ";
            var pad = new string(' ', marker.Length);
            var pieces = new List<string>();
            if (Guard(Tidy(block.Steps[i].Text)) is { Length: > 0 } words)
                pieces.Add(words);
            if (block.Steps[i].PicturePath is { Length: > 0 } path)
                pieces.Add($"![{EscapeDescription(OneLine(block.Steps[i].PictureDescription))}]({path})");
            if (Guard(Tidy(block.Steps[i].After)) is { Length: > 0 } after)
                pieces.Add(after);
            var lines = string.Join("\n\n", pieces).Split('\n');
            text.Append(marker).Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
                text.Append(line.Length == 0 ? "" : pad + line).Append('\n');
        }
        return text.Append(":::").ToString();
    }

    /// <summary>A step needs blank lines around it once it holds more than one paragraph (a picture is one).</summary>
    private static bool NeedsRoom(LessonStep step) =>
        step.PicturePath is { Length: > 0 } || Tidy(step.After).Length > 0 || Tidy(step.Text).Contains("\n\n", StringComparison.Ordinal);

    /// <summary>Line ends made "\n", no blank lines at either end, never more than one blank line in a row.</summary>
    private static string Tidy(string? text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>();
        foreach (var line in lines)
            if (line.Length > 0 || (kept.Count > 0 && kept[^1].Length > 0))
                kept.Add(line);
        while (kept.Count > 0 && kept[^1].Length == 0)
            kept.RemoveAt(kept.Count - 1);
        return string.Join('\n', kept);
    }

    /// <summary>A line of typed words that starts with ":::" would open or close a block: it is written as words.</summary>
    private static string Guard(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimStart().StartsWith(":::", StringComparison.Ordinal) ? "\\" + l.TrimStart() : l));

    private static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string EscapeHeading(string text) => text.EndsWith('#') ? text[..^1] + "\\#" : text;

    /// <summary>Every character that means something in Markdown is escaped, so the description is read back as typed.</summary>
    private static string EscapeDescription(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '[' or ']' or '*' or '_' or '`' or '<' or '>' or '&' or '!')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
