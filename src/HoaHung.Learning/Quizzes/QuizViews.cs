using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Quizzes;

/// <summary>The start page: the quiz and where this learner stands with it.</summary>
public sealed record QuizIntro(string LessonTitle, QuizSummary Quiz, int MaxAttempts,
    Guid? OpenAttempt, int Finished, int? BestPercent, bool Passed, Guid? LastFinished)
{
    public bool CanStart => OpenAttempt is null && (MaxAttempts == 0 || Finished < MaxAttempts);
    public int? AttemptsLeft => MaxAttempts == 0 ? null : Math.Max(0, MaxAttempts - Finished);
}

/// <summary>
/// One option as the player shows it. <see cref="Value"/> is its position on the screen (never its place in
/// quiz.yml), and nothing here says which option is right until the question is answered.
/// </summary>
public sealed record PlayerOption(int Value, string Text, ImageAsset? Image, bool Chosen, bool? Correct, string? Feedback);

/// <summary>Her answer to a shown question, and what it earned.</summary>
public sealed record PlayerFeedback(bool Correct, double Credit, string Explanation, string? Feedback, string? TypedText,
    IReadOnlyList<string>? ExpectedSteps, string? ExpectedText);

/// <summary>One screen of the player: question <see cref="Position"/> of <see cref="Count"/>.</summary>
public sealed record PlayerQuestion(
    string QuizTitle,
    int Position,
    int Count,
    QuestionKind Kind,
    string Text,
    IReadOnlyList<PlayerOption> Options,
    PlayerFeedback? Answered,
    bool Finished,
    int? NextUnanswered)
{
    public bool IsLast => Position == Count;
}

public sealed record ReviewItem(int Position, QuestionKind Kind, string Text, bool Correct, double Credit, IReadOnlyList<string> Given,
    IReadOnlyList<string>? Expected, string Explanation, bool? GivenTrue, bool? ExpectedTrue);

public sealed record QuizResultView(string LessonTitle, string QuizTitle, int ScorePercent, bool Passed, int PassMark, int Correct, int Count,
    bool CanRetry, IReadOnlyList<ReviewItem> Review);

/// <summary>A learner's standing in one quiz, for "Của tôi": best score, passed, number of finished attempts.</summary>
public sealed record QuizResultCard(string LessonSlug, string QuizTitle, int BestPercent, bool Passed, int Attempts);

/// <summary>One page of her quiz results ("Của tôi" shows the first; "Xem tất cả" all of them, page by page).</summary>
public sealed record QuizResultPage(IReadOnlyList<QuizResultCard> Results, int Total, int Page, int Pages);

/// <summary>Her answer as posted from the player's form, in screen terms (see <see cref="PlayerOption.Value"/>).</summary>
/// <param name="Choices">Picked option values; for an ordering question, the position (1-based) she gave each step, in screen order.</param>
public sealed record PostedAnswer(IReadOnlyList<int> Choices, string? Text);

public abstract record StartResult
{
    public sealed record Started(Guid AttemptId, int Position) : StartResult;
    public sealed record NoMoreAttempts : StartResult;
    public sealed record NotFound : StartResult;
}

public abstract record AnswerResult
{
    /// <summary>Saved, or answered already (the first answer wins): either way, show the feedback.</summary>
    public sealed record Saved : AnswerResult;

    /// <summary>Not a usable answer (nothing picked, two steps in the same place…); <see cref="ReasonKey"/> is localized at the page.</summary>
    public sealed record Invalid(string ReasonKey) : AnswerResult;
    public sealed record NotFound : AnswerResult;
}

public abstract record FinishResult
{
    public sealed record Finished(bool Passed) : FinishResult;
    public sealed record Unanswered(int Position) : FinishResult;
    public sealed record NotFound : FinishResult;
}
