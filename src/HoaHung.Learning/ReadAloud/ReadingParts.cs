using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HoaHung.Learning.ReadAloud;

/// <summary>One thing "Nghe bài" reads: part 0 is the title and summary, then each step (or the whole body of a lesson without steps).</summary>
/// <param name="Say">The text as spoken (<see cref="SpeechText.Normalize"/>).</param>
public sealed record ReadingPart(int Number, string Say)
{
    /// <summary>What the server's audio file of this part is stored under: the same words are spoken once.</summary>
    public string Key => ReadingParts.SpeechKey(Say);
}

/// <summary>
/// Splits a lesson into what is read aloud, from its sanitized body HTML: the steps are the items of each
/// <c>:::steps</c> list (<c>div.steps &gt; ol &gt; li</c>), read as written, pictures left out. The page and the audio
/// maker both read the parts from here, so what is highlighted is what is heard.
/// </summary>
public static class ReadingParts
{
    /// <summary>Changes with anything that changes the sound of a file (voice, speed, encoding): every file is made again.</summary>
    public const string VoiceVersion = "espeak-ng vi s150 opus-nb-3k v1";

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
        { "figure", "picture", "img", "audio", "video", "iframe", "script", "style", "svg" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "p", "li", "ul", "ol", "div", "aside", "blockquote", "h2", "h3", "h4", "h5", "h6", "tr", "table", "br", "figcaption", "pre" };

    public static IReadOnlyList<ReadingPart> Of(string title, string summary, string bodyHtml)
    {
        var parts = new List<ReadingPart> { new(0, SpeechText.Normalize(Sentence(title) + " " + Sentence(summary))) };
        var (_, body) = Parse(bodyHtml);
        var steps = Steps(body);
        if (steps.Count == 0)
        {
            var text = SpeechText.Normalize(Text(body));
            if (text.Length > 0)
                parts.Add(new ReadingPart(1, text));
            return parts;
        }
        for (var i = 0; i < steps.Count; i++)
            parts.Add(new ReadingPart(i + 1, SpeechText.Normalize($"Bước {i + 1}. " + Text(steps[i]))));
        return parts;
    }

    /// <summary>
    /// The body with each part marked for the page's script (<c>data-part</c>, <c>data-say</c>) and the markup
    /// <paramref name="audioFor"/> gives for a part (its <c>&lt;audio&gt;</c>, or null) at the end of the step. A lesson
    /// without steps is wrapped whole as part 1, its audio first.
    /// </summary>
    public static string Annotate(string bodyHtml, IReadOnlyList<ReadingPart> parts, Func<ReadingPart, string?> audioFor)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(audioFor);
        var (document, body) = Parse(bodyHtml);
        var steps = Steps(body);
        if (steps.Count == 0)
        {
            if (parts.Count < 2)
                return bodyHtml;
            var wrapper = document.CreateElement("div");
            wrapper.ClassName = "read-part";
            Mark(wrapper, parts[1]);
            wrapper.InnerHtml = (audioFor(parts[1]) ?? "") + body.InnerHtml;
            return wrapper.OuterHtml;
        }
        for (var i = 0; i < steps.Count && i + 1 < parts.Count; i++)
        {
            Mark(steps[i], parts[i + 1]);
            if (audioFor(parts[i + 1]) is { } audio)
                steps[i].Insert(AdjacentPosition.BeforeEnd, audio);
        }
        return body.InnerHtml;
    }

    /// <summary>SHA-256 (hex) of the voice version and the spoken text.</summary>
    public static string SpeechKey(string say) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(VoiceVersion + "\n" + say)));

    private static void Mark(IElement element, ReadingPart part)
    {
        element.SetAttribute("data-part", part.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        element.SetAttribute("data-say", part.Say);
    }

    private static (IDocument Document, IElement Body) Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return (document, document.Body!);
    }

    private static List<IElement> Steps(IElement body) => body.QuerySelectorAll("div.steps > ol > li").ToList();

    private static string Sentence(string text)
    {
        text = text.Trim();
        return text.Length == 0 || ".!?:…".Contains(text[^1], StringComparison.Ordinal) ? text : text + ".";
    }

    /// <summary>The words of an element as sentences: pictures and players left out, each block ended like a sentence.</summary>
    private static string Text(INode node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return HoaHung.Learning.Text.TextCleaning.OneLine(text.ToString());
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
                continue;
            }
            if (child is not IElement e || Skipped.Contains(e.LocalName))
                continue;
            var block = Blocks.Contains(e.LocalName);
            if (block) EndSentence(text);
            Append(e, text);
            if (block) EndSentence(text);
        }
    }

    private static void EndSentence(StringBuilder text)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        if (end == 0)
            return;
        text.Length = end;
        if (!".!?:;…".Contains(text[end - 1], StringComparison.Ordinal))
            text.Append('.');
        text.Append(' ');
    }
}
