namespace HoaHung.Learning.Quizzes;

/// <summary>
/// A quiz as a person writes it, before it is checked: what <c>quiz.yml</c> is read into, and what the studio's quiz
/// builder edits (and autosaves, half-written questions included). Every field is untrusted and may be missing;
/// <see cref="QuizValidation"/> turns it into a <see cref="QuizDefinition"/>, by the same rules for both.
/// Property names are the quiz.yml keys (snake_case in YAML, camelCase in the studio's JSON).
/// </summary>
public sealed class QuizInput
{
    public string? Title { get; set; }
    public int? PassMark { get; set; }
    public bool? ShuffleQuestions { get; set; }
    public bool? ShuffleOptions { get; set; }
    public int? Attempts { get; set; }
    public bool? ShowAnswers { get; set; }
    public List<QuestionInput?>? Questions { get; set; }

    /// <summary>The input that validates back to <paramref name="quiz"/>: how the builder opens a stored quiz.</summary>
    public static QuizInput From(QuizDefinition quiz) => new()
    {
        Title = quiz.Title,
        PassMark = quiz.PassMark,
        ShuffleQuestions = quiz.ShuffleQuestions,
        ShuffleOptions = quiz.ShuffleOptions,
        Attempts = quiz.MaxAttempts,
        ShowAnswers = quiz.ShowAnswers,
        Questions = quiz.Questions.Select(QuestionInput.From).ToList<QuestionInput?>(),
    };
}

/// <summary>One question as written; which fields count depends on <see cref="Type"/> (content/README.md).</summary>
public sealed class QuestionInput
{
    public string? Type { get; set; }
    public string? Text { get; set; }
    public string? Explanation { get; set; }
    public List<OptionInput?>? Options { get; set; }
    public bool? Answer { get; set; }
    public string? FeedbackTrue { get; set; }
    public string? FeedbackFalse { get; set; }
    public List<string?>? Steps { get; set; }
    public List<string?>? Answers { get; set; }
    public string? Feedback { get; set; }

    public static QuestionInput From(Question question)
    {
        var input = new QuestionInput { Type = question.Kind.Name(), Text = question.Text, Explanation = question.Explanation };
        switch (question)
        {
            case ChoiceQuestion choice:
                input.Options = choice.Options
                    .Select(o => new OptionInput { Text = o.Text, Correct = o.Correct, Feedback = o.Feedback, Image = o.Image })
                    .ToList<OptionInput?>();
                break;
            case TrueFalseQuestion tf:
                (input.Answer, input.FeedbackTrue, input.FeedbackFalse) = (tf.Answer, tf.TrueFeedback, tf.FalseFeedback);
                break;
            case OrderingQuestion ordering:
                input.Steps = [.. ordering.Steps];
                break;
            case ShortTextQuestion text:
                (input.Answers, input.Feedback) = ([.. text.Answers], text.WrongFeedback);
                break;
        }
        return input;
    }
}

public sealed class OptionInput
{
    public string? Text { get; set; }
    public bool Correct { get; set; }
    public string? Feedback { get; set; }
    public string? Image { get; set; }
}
