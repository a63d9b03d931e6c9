using HoaHung.Learning.Text;

namespace HoaHung.Learning.Quizzes;

/// <summary>How well one answer did: <see cref="Credit"/> from 0 to 1, and whether it was fully right.</summary>
public readonly record struct Marked(double Credit, bool Correct)
{
    public static readonly Marked Right = new(1, true);
    public static readonly Marked Wrong = new(0, false);
}

/// <summary>
/// Pure scoring, answers in and score out. Every question is worth one point.
/// <list type="bullet">
/// <item>Single choice, image choice, true/false: the one right option, or nothing.</item>
/// <item>Multiple choice: (right options picked − wrong options picked) ÷ right options, never below 0; fully
/// right only when exactly the right options are picked.</item>
/// <item>Ordering: partial credit for each pair of neighbouring steps she put in the right sequence
/// (step k directly followed by step k+1), divided by the number of such pairs (steps − 1). Moving one step
/// to the wrong place costs one or two pairs rather than everything, so a nearly right order still earns most
/// of the point; fully right only when the whole order is right.</item>
/// <item>Short text: right when the typed text matches an accepted answer after folding case, Vietnamese
/// diacritics (đ to d), punctuation and spaces (<see cref="Fold"/>).</item>
/// </list>
/// The quiz score is the sum of credits as a share of the questions; she passes at or above the pass mark.
/// </summary>
public static class QuizScoring
{
    public static Marked Mark(Question question, QuizResponse response) => question switch
    {
        TrueFalseQuestion q => response.Choices is [var c] && c == (q.Answer ? 0 : 1) ? Marked.Right : Marked.Wrong,
        SingleChoiceQuestion or ImageChoiceQuestion => MarkSingle((ChoiceQuestion)question, response),
        MultipleChoiceQuestion q => MarkMultiple(q, response),
        OrderingQuestion q => MarkOrdering(q, response),
        ShortTextQuestion q => q.Answers.Any(a => Fold(a) == Fold(response.Text)) && Fold(response.Text).Length > 0 ? Marked.Right : Marked.Wrong,
        _ => Marked.Wrong,
    };

    private static Marked MarkSingle(ChoiceQuestion q, QuizResponse r) =>
        r.Choices is [var c] && c >= 0 && c < q.Options.Count && q.Options[c].Correct ? Marked.Right : Marked.Wrong;

    private static Marked MarkMultiple(MultipleChoiceQuestion q, QuizResponse r)
    {
        var picked = r.Choices.Where(c => c >= 0 && c < q.Options.Count).ToHashSet();
        var right = q.Options.Count(o => o.Correct);
        var hits = picked.Count(c => q.Options[c].Correct);
        var misses = picked.Count - hits;
        var credit = Math.Max(0, hits - misses) / (double)right;
        return new Marked(credit, hits == right && misses == 0);
    }

    private static Marked MarkOrdering(OrderingQuestion q, QuizResponse r)
    {
        var n = q.Steps.Count;
        var order = r.Choices;
        if (order.Count != n || order.Distinct().Count() != n || order.Any(i => i < 0 || i >= n))
            return Marked.Wrong;
        var pairs = 0;
        for (var i = 0; i + 1 < n; i++)
            if (order[i + 1] == order[i] + 1)
                pairs++;
        return new Marked(pairs / (double)(n - 1), pairs == n - 1 && order[0] == 0);
    }

    /// <summary>Folds a typed answer: <see cref="TextFolding.Fold"/> (case, diacritics, đ, punctuation) and no spaces at all,
    /// so "V Neid", "vneid" and "VNeID" match.</summary>
    public static string Fold(string? text) => TextFolding.Fold(text).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The score in whole percent (rounded down) and whether it reaches the pass mark.</summary>
    public static (int Percent, bool Passed) Total(double credits, int questions, int passMark)
    {
        if (questions <= 0)
            return (0, false);
        var exact = credits * 100 / questions;
        // A hair of tolerance so that 7 × (1/7) still reaches 100 despite floating point.
        var percent = (int)Math.Floor(exact + 1e-9);
        return (Math.Clamp(percent, 0, 100), exact + 1e-9 >= passMark);
    }
}
