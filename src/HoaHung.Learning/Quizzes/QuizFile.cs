using HoaHung.Learning.Text;

namespace HoaHung.Learning.Quizzes;

/// <summary>
/// Reads a lesson's <c>quiz.yml</c> (content/README.md) into a <see cref="QuizInput"/> and checks it with
/// <see cref="QuizValidation"/>, the rules the studio's quiz builder uses too. Each problem is a reason naming the
/// question (<see cref="QuizValidation.Describe"/>), worded by the web, so an author can find and fix it.
/// </summary>
public static class QuizFile
{
    public const string FileName = "quiz.yml";
    public const int MaxQuestions = QuizValidation.MaxQuestions;

    /// <param name="checkPicture">Checks a picture file name written in the quiz; returns why it cannot be used, or null.</param>
    public static (QuizDefinition? Quiz, IReadOnlyList<Reason> Errors) Read(string yaml, string lessonTitle, Func<string, Reason?> checkPicture)
    {
        var (input, error) = SafeYaml.Read<QuizInput>(yaml);
        if (error is not null)
            return (null, [error]);
        var check = QuizValidation.Validate(input!, lessonTitle, checkPicture);
        return (check.Quiz, check.Reasons(input!));
    }
}
