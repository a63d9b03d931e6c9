using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Quizzes;

namespace HoaHung.Learning.Studio.Review;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of words that is the same in both versions, only in the older one, or only in the newer one.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>One field of a lesson compared word by word; <see cref="Changed"/> when any segment differs.</summary>
/// <param name="Field">One of <see cref="DiffFields"/> (a localization key suffix).</param>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffSegment> Segments)
{
    public bool Changed => Segments.Any(s => s.Kind != DiffKind.Same);
}

/// <summary>Two revisions of a lesson compared: each field, the body, the quiz and the files, word by word.</summary>
public sealed record RevisionComparison(int FromRevisionId, int FromNumber, int ToRevisionId, int ToNumber, IReadOnlyList<FieldDiff> Fields)
{
    public bool Changed => Fields.Any(f => f.Changed);
}

public static class DiffFields
{
    public const string Title = "Title";
    public const string Summary = "Summary";
    public const string Settings = "Settings";
    public const string Tags = "Tags";
    public const string Body = "Body";
    public const string Quiz = "Quiz";
    public const string Files = "Files";
}

/// <summary>
/// A readable word-level diff (DiffPlex) between two versions of a lesson: words, spaces and punctuation are the
/// units, so a changed word in a long sentence shows as that word, not as the whole line. Long unchanged runs in the
/// body are shortened around "…" to keep the changes in view.
/// </summary>
public static class RevisionDiff
{
    /// <summary>Unchanged text longer than this (characters) keeps only its ends.</summary>
    public const int KeepContext = 160;

    /// <summary>Words are separated by spaces, line breaks and punctuation, each a unit of its own (DiffPlex's WordChunker keeps line breaks inside words).</summary>
    private static readonly IChunker Chunker = new DelimiterChunker(" \t\r\n.,;:!?()[]{}\"'“”‘’/*#>|`".ToCharArray());

    public static IReadOnlyList<DiffSegment> Words(string older, string newer, bool shorten = false)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var segments = new List<DiffSegment>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(segments, DiffKind.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(segments, DiffKind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(segments, DiffKind.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, DiffKind.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        segments = Joined(segments);
        return shorten ? Shorten(segments) : segments;
    }

    /// <summary>Compares everything a revision holds, field by field, in the order a reviewer reads a lesson.</summary>
    public static IReadOnlyList<FieldDiff> Compare(LessonContent older, LessonContent newer, IReadOnlyDictionary<string, Guid> olderFiles,
        IReadOnlyDictionary<string, Guid> newerFiles) =>
    [
        new(DiffFields.Title, Words(older.Title, newer.Title)),
        new(DiffFields.Summary, Words(older.Summary, newer.Summary)),
        new(DiffFields.Settings, Words(Settings(older), Settings(newer))),
        new(DiffFields.Tags, Words(older.Tags, newer.Tags)),
        new(DiffFields.Body, Words(older.Body, newer.Body, shorten: true)),
        new(DiffFields.Quiz, Words(QuizText(older.Quiz), QuizText(newer.Quiz), shorten: true)),
        new(DiffFields.Files, Words(FilesText(olderFiles), FilesText(newerFiles))),
    ];

    /// <summary>The one-value settings as "name: value" lines (names are the content format's front-matter keys).</summary>
    public static string Settings(LessonContent c)
    {
        var text = new StringBuilder()
            .Append("topic: ").Append(c.Topic).Append('\n')
            .Append("type: ").Append(c.Type.ToString().ToLowerInvariant()).Append('\n')
            .Append("level: ").Append(c.Level.ToString().ToLowerInvariant()).Append('\n')
            .Append("minutes: ").Append(c.Minutes).Append('\n');
        foreach (var (key, value) in new[] { ("video", c.VideoUrl ?? c.VideoPath), ("captions", c.CaptionsPath), ("poster", c.PosterPath), ("cover", c.CoverPath) })
            if (value is not null)
                text.Append(key).Append(": ").Append(value).Append('\n');
        return text.ToString();
    }

    /// <summary>The quiz as a reader of the quiz builder would describe it: its title, each question and its options, ✓ for right answers.</summary>
    public static string QuizText(QuizInput? quiz)
    {
        if (quiz is null)
            return "";
        var text = new StringBuilder().Append(quiz.Title).Append('\n');
        var n = 0;
        foreach (var q in quiz.Questions ?? [])
        {
            if (q is null)
                continue;
            text.Append('\n').Append(++n).Append(". [").Append(q.Type).Append("] ").Append(q.Text).Append('\n');
            foreach (var o in q.Options ?? [])
                if (o is not null)
                    text.Append(o.Correct ? "   ✓ " : "   – ").Append(o.Text).Append(o.Image is { Length: > 0 } image ? $" [{image}]" : "").Append('\n');
            if (q.Answer is { } answer)
                text.Append("   = ").Append(answer ? "true" : "false").Append('\n');
            foreach (var (step, i) in (q.Steps ?? []).Select((s, i) => (s, i)))
                text.Append("   ").Append(i + 1).Append(") ").Append(step).Append('\n');
            foreach (var accepted in q.Answers ?? [])
                text.Append("   = ").Append(accepted).Append('\n');
            foreach (var note in new[] { q.Explanation, q.Feedback, q.FeedbackTrue, q.FeedbackFalse })
                if (!string.IsNullOrWhiteSpace(note))
                    text.Append("   ℹ ").Append(note).Append('\n');
        }
        return text.ToString();
    }

    private static string FilesText(IReadOnlyDictionary<string, Guid> files) =>
        string.Concat(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} ({f.Value.ToString()[..8]})\n"));

    private static void Add(List<DiffSegment> segments, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
            return;
        var text = string.Concat(pieces.Skip(start).Take(count));
        if (segments.Count > 0 && segments[^1].Kind == kind)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new DiffSegment(kind, text));
    }

    /// <summary>
    /// Changes separated only by a space read as one change ("vào đây" → "nút Đăng ký", not "vào" → "nút", "đây" →
    /// "Đăng ký"): such spaces join the removed and the added text on both sides.
    /// </summary>
    private static List<DiffSegment> Joined(List<DiffSegment> segments)
    {
        var result = new List<DiffSegment>();
        var (removed, added) = (new System.Text.StringBuilder(), new System.Text.StringBuilder());
        void Flush()
        {
            if (removed.Length > 0) result.Add(new DiffSegment(DiffKind.Removed, removed.ToString()));
            if (added.Length > 0) result.Add(new DiffSegment(DiffKind.Added, added.ToString()));
            (removed.Length, added.Length) = (0, 0);
        }
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var inChange = removed.Length + added.Length > 0;
            if (s.Kind == DiffKind.Removed)
                removed.Append(s.Text);
            else if (s.Kind == DiffKind.Added)
                added.Append(s.Text);
            else if (inChange && i + 1 < segments.Count && segments[i + 1].Kind != DiffKind.Same && string.IsNullOrWhiteSpace(s.Text) && !s.Text.Contains('\n'))
                (removed, added) = (removed.Append(s.Text), added.Append(s.Text));
            else
            {
                Flush();
                result.Add(s);
            }
        }
        Flush();
        return result;
    }

    private static List<DiffSegment> Shorten(List<DiffSegment> segments)
    {
        var keep = KeepContext / 2;
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s.Kind != DiffKind.Same || s.Text.Length <= KeepContext)
                continue;
            var head = i == 0 ? "" : WholeWordsFrom(s.Text, keep);
            var tail = i == segments.Count - 1 ? "" : WholeWordsTo(s.Text, keep);
            segments[i] = s with { Text = head + " … " + tail };
        }
        return segments;
    }

    /// <summary>The first words of <paramref name="text"/>, about <paramref name="length"/> characters, never a word cut in two.</summary>
    internal static string WholeWordsFrom(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var cut = length;
        while (cut > 0 && !char.IsWhiteSpace(text[cut]))
            cut--;
        return (cut == 0 ? text[..length] : text[..cut]).TrimEnd();
    }

    /// <summary>The last words of <paramref name="text"/>, about <paramref name="length"/> characters, never a word cut in two ("… pg)" was).</summary>
    internal static string WholeWordsTo(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var cut = text.Length - length;
        while (cut < text.Length && !char.IsWhiteSpace(text[cut - 1]))
            cut++;
        return (cut == text.Length ? text[^length..] : text[cut..]).TrimStart();
    }
}
