namespace HoaHung.Learning.Quizzes;

/// <summary>
/// Why a quiz cannot be used (<see cref="QuizProblem"/>), as keys the web words from
/// <c>Resources/Content/ContentResource.resx</c>, the same sentence for quiz.yml and the studio's quiz builder; the
/// placeholders are the <see cref="Text.Reason.Args"/>.
/// </summary>
public static class QuizReasons
{
    /// <summary>{0}: the question's number (1-based); {2}: its reason. ({1} is unused: the same arguments as <see cref="InQuestionQuoted"/>.)</summary>
    public const string InQuestion = "Quiz.Problem.InQuestion";
    /// <summary>{0}: the question's number (1-based); {1}: the start of its text; {2}: its reason.</summary>
    public const string InQuestionQuoted = "Quiz.Problem.InQuestionQuoted";

    public const string TitleTooLong = "Quiz.Problem.TitleTooLong";
    public const string PassMark = "Quiz.Problem.PassMark";
    public const string Attempts = "Quiz.Problem.Attempts";
    public const string NoQuestions = "Quiz.Problem.NoQuestions";
    /// <summary>{0}: the most questions allowed.</summary>
    public const string TooManyQuestions = "Quiz.Problem.TooManyQuestions";
    public const string EmptyQuestion = "Quiz.Problem.EmptyQuestion";
    /// <summary>{0}: the type written; {1}: all the types but the last, as "a, b"; {2}: the last.</summary>
    public const string BadKind = "Quiz.Problem.BadKind";
    public const string Text = "Quiz.Problem.Text";
    public const string Explanation = "Quiz.Problem.Explanation";
    public const string TrueFalseAnswer = "Quiz.Problem.TrueFalseAnswer";
    public const string TrueFalseOptions = "Quiz.Problem.TrueFalseOptions";
    public const string TooFewSteps = "Quiz.Problem.TooFewSteps";
    public const string TooManySteps = "Quiz.Problem.TooManySteps";
    public const string StepText = "Quiz.Problem.StepText";
    public const string StepTwice = "Quiz.Problem.StepTwice";
    public const string NoAnswers = "Quiz.Problem.NoAnswers";
    public const string TooManyAnswers = "Quiz.Problem.TooManyAnswers";
    public const string OptionCount = "Quiz.Problem.OptionCount";
    /// <summary>{0}: the option's number (1-based).</summary>
    public const string OptionDescription = "Quiz.Problem.OptionDescription";
    /// <summary>{0}: the option's number (1-based).</summary>
    public const string OptionText = "Quiz.Problem.OptionText";
    /// <summary>{0}: the option's number (1-based).</summary>
    public const string OptionNoPicture = "Quiz.Problem.OptionNoPicture";
    /// <summary>{0}: the option's number (1-based); {1}: why its picture cannot be used (a reason).</summary>
    public const string OptionPicture = "Quiz.Problem.OptionPicture";
    /// <summary>{0}: the option's number (1-based).</summary>
    public const string OptionPictureNotAllowed = "Quiz.Problem.OptionPictureNotAllowed";
    public const string NoCorrect = "Quiz.Problem.NoCorrect";
    public const string OneCorrect = "Quiz.Problem.OneCorrect";
    public const string OptionTwice = "Quiz.Problem.OptionTwice";
    public const string FeedbackTooLong = "Quiz.Problem.FeedbackTooLong";
    /// <summary>{0}: the picture's name, not in the lesson's library (the studio's quiz builder).</summary>
    public const string PictureNotInLibrary = "Quiz.Problem.PictureNotInLibrary";

    /// <summary>Every key of this class: each has a sentence in both languages (ContentStringsTests).</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(QuizReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
