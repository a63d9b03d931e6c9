using HoaHung.Learning.Quizzes;

namespace HoaHung.Learning.Web.Quizzes;

/// <summary>
/// The fields a question's form posts, named here and nowhere else: <see cref="QuestionView"/> renders them and the
/// question page reads them back with <see cref="Read"/>. Values are screen positions (<see cref="PlayerOption.Value"/>),
/// never places in quiz.yml; the quiz service turns them into her answer and refuses what does not fit.
/// </summary>
public static class AnswerForm
{
    /// <summary>A picked option (radio button or check box): single, multiple, picture and true/false questions.</summary>
    public const string Choice = "choice";

    /// <summary>The typed answer of a short-text question.</summary>
    public const string Text = "text";

    /// <summary>The place (1 to the number of steps) she gives the step shown at <paramref name="value"/>.</summary>
    public static string Place(int value) => $"pos-{value}";

    /// <summary>Her answer to <paramref name="question"/> as posted. Never throws: a missing or garbled field
    /// reads as a value the quiz service refuses with a reason (0 for a place, -1 for a choice).</summary>
    public static PostedAnswer Read(IFormCollection form, PlayerQuestion question)
    {
        IReadOnlyList<int> choices = question.Kind == QuestionKind.Ordering
            ? question.Options.Select(o => int.TryParse(form[Place(o.Value)], out var place) ? place : 0).ToList()
            : form[Choice].Select(v => int.TryParse(v, out var value) ? value : -1).ToList();
        return new PostedAnswer(choices, form[Text]);
    }
}
