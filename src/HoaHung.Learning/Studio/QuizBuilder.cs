using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Studio;

/// <summary>
/// The quiz builder's model: new questions of each of the six types, ready to fill in, and the check that turns what
/// the author wrote into the same <see cref="QuizDefinition"/> a quiz.yml gives (<see cref="QuizValidation"/>), with
/// pictures taken from the lesson's library instead of files beside quiz.yml.
/// </summary>
public static class QuizBuilder
{
    public static QuizInput NewQuiz() => new()
    {
        PassMark = QuizDefinition.DefaultPassMark,
        ShuffleQuestions = false,
        ShuffleOptions = true,
        Attempts = 0,
        ShowAnswers = true,
        Questions = [],
    };

    /// <summary>A blank question of <paramref name="kind"/> (one of <see cref="QuizValidation.Kinds"/>) with the fields it needs.</summary>
    public static QuestionInput NewQuestion(string kind) => kind switch
    {
        "single" or "multiple" or "image" => new QuestionInput { Type = kind, Options = [new OptionInput { Correct = true }, new OptionInput()] },
        "true_false" => new QuestionInput { Type = kind, Answer = true },
        "ordering" => new QuestionInput { Type = kind, Steps = ["", "", ""] },
        "text" => new QuestionInput { Type = kind, Answers = [""] },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown question type."),
    };

    /// <summary>Checks the quiz; a picture option must name a picture of the lesson's library.</summary>
    public static QuizCheck Check(QuizInput quiz, string lessonTitle, IReadOnlyDictionary<string, MediaKind> library) =>
        QuizValidation.Validate(quiz, lessonTitle, path =>
            library.TryGetValue(path, out var kind) && kind == MediaKind.Image ? null : new Reason(QuizReasons.PictureNotInLibrary, path));

    /// <summary>
    /// The problems as issues pointing at the quiz (the question number in <see cref="LessonIssue.Args"/>, 1-based; 0 for
    /// the quiz itself), each with its reason to word (<see cref="LessonIssue.Why"/>).
    /// </summary>
    public static IEnumerable<LessonIssue> Issues(QuizCheck check) =>
        check.Problems.Select(p => new LessonIssue(IssueKeys.QuizProblem, Blocks: true, Field: IssueFields.Quiz,
            Args: [(p.Question ?? -1) + 1], Why: p.Reason));
}
