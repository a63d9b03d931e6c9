using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HoaHung.Learning.Text;

/// <summary>
/// Safe YAML reading for files that come from people: size-limited, no anchors or aliases, nesting limited, typed.
/// Never throws for any text: YamlDotNet throws more than <see cref="YamlException"/> on broken input (an
/// <see cref="InvalidOperationException"/> for <c>title: [unclosed</c> followed by more keys), and every failure
/// becomes a reason (<see cref="YamlReasons"/>).
/// </summary>
internal static partial class SafeYaml
{
    public const int MaxYamlChars = 64 * 1024;

    /// <summary>Content needs four levels (quiz → question → options → option); the deserializer recurses per level.</summary>
    public const int MaxDepth = 16;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    [GeneratedRegex(@"^-(?:[ \t]|$)", RegexOptions.Multiline)]
    private static partial Regex TopLevelItem();

    /// <summary>Parses <paramref name="yaml"/> into <typeparamref name="T"/>, or returns the reason it cannot.</summary>
    public static (T? Value, Reason? Error) Read<T>(string yaml) where T : class
    {
        if (yaml.Length > MaxYamlChars)
            return (null, new Reason(YamlReasons.TooLong, MaxYamlChars / 1024));
        var (events, error) = Scan(yaml);
        return error is not null ? (null, error) : Deserialize<T>(events!);
    }

    /// <summary>
    /// Parses a YAML list item by item: a broken item is reported with its number and the others are still read.
    /// When the file does not parse as a whole, each top-level <c>- </c> item is parsed on its own, so a syntax
    /// error costs only the item it is in. Line numbers are those of the file.
    /// </summary>
    public static (IReadOnlyList<(T? Value, Reason? Error)>? Items, Reason? Error) ReadList<T>(string yaml) where T : class
    {
        if (yaml.Length > MaxYamlChars)
            return (null, new Reason(YamlReasons.TooLong, MaxYamlChars / 1024));
        var (events, error) = Scan(yaml);
        if (error is null)
            return Items<T>(events!);
        var starts = TopLevelItem().Matches(yaml).Select(m => m.Index).ToList();
        if (starts.Count == 0)
            return (null, error);
        var (head, headError) = Scan(yaml[..starts[0]]);
        if (headError is not null || head!.Any(e => e is NodeEvent))
            return (null, error); // not a plain list of items: the file's own error says best what is wrong
        var items = new List<(T?, Reason?)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : yaml.Length;
            // Leading newlines keep the item's line numbers those of the whole file.
            var lines = yaml.AsSpan(0, starts[i]).Count('\n');
            var (itemEvents, itemError) = Scan(new string('\n', lines) + yaml[starts[i]..end]);
            if (itemError is not null) { items.Add((null, itemError)); continue; }
            var (one, oneError) = Items<T>(itemEvents!);
            items.AddRange(oneError is not null ? [(null, oneError)] : one!);
        }
        return (items, null);
    }

    private static (IReadOnlyList<(T? Value, Reason? Error)>? Items, Reason? Error) Items<T>(List<ParsingEvent> events) where T : class
    {
        // StreamStart, DocumentStart, SequenceStart … SequenceEnd, DocumentEnd, StreamEnd
        if (events.Count < 6 || events[2] is not SequenceStart)
            return (null, new Reason(events.Count < 5 ? YamlReasons.Empty : YamlReasons.NotList));
        var items = new List<(T?, Reason?)>();
        var depth = 0;
        var start = 3;
        for (var i = 3; i < events.Count - 3; i++)
        {
            depth += events[i] is MappingStart or SequenceStart ? 1 : events[i] is MappingEnd or SequenceEnd ? -1 : 0;
            if (depth != 0)
                continue;
            items.Add(Deserialize<T>([events[0], events[1], .. events[start..(i + 1)], events[^2], events[^1]]));
            start = i + 1;
        }
        return (items, null);
    }

    /// <summary>All the parsing events of <paramref name="yaml"/>, refused at the first anchor, alias or level too deep.</summary>
    private static (List<ParsingEvent>? Events, Reason? Error) Scan(string yaml)
    {
        var events = new List<ParsingEvent>();
        var depth = 0;
        try
        {
            // Aliases can expand a few bytes into gigabytes ("billion laughs"); content never needs them.
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
                    return (null, new Reason(YamlReasons.Anchors));
                if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
                    return (null, new Reason(YamlReasons.TooDeep, current.Start.Line, MaxDepth));
                if (current is MappingEnd or SequenceEnd)
                    depth--;
                events.Add(current);
            }
            return (events, null);
        }
        catch (YamlException e)
        {
            return (null, new Reason(YamlReasons.Syntax, e.Start.Line, e.Start.Column, FirstLine(e.InnerException?.Message ?? e.Message)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var line = events.Count > 0 ? events[^1].End.Line : 1;
            return (null, new Reason(YamlReasons.SyntaxNear, line));
        }
    }

    private static (T? Value, Reason? Error) Deserialize<T>(List<ParsingEvent> events) where T : class
    {
        try
        {
            var value = Deserializer.Deserialize<T>(new Replay(events));
            return value is null ? (null, new Reason(YamlReasons.Empty)) : (value, null);
        }
        catch (YamlException e)
        {
            return (null, new Reason(YamlReasons.WrongType, e.Start.Line, e.Start.Column, FirstLine(e.InnerException?.Message ?? e.Message)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, new Reason(YamlReasons.Unreadable, FirstLine(e.Message)));
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    /// <summary>Parsing events already read and checked, given again to the deserializer.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = next < events.Count ? events[next++] : null;
            return Current is not null;
        }
    }
}
