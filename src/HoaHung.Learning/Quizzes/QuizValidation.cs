using HoaHung.Learning.Text;

namespace HoaHung.Learning.Quizzes;

/// <summary>One reason a quiz cannot be used. <see cref="Question"/> is the 0-based question it belongs to, or null for the quiz.</summary>
public sealed record QuizProblem(int? Question, Reason Reason);

/// <summary>A checked quiz: <see cref="Quiz"/> when there are no <see cref="Problems"/>.</summary>
public sealed record QuizCheck(QuizDefinition? Quiz, IReadOnlyList<QuizProblem> Problems)
{
    /// <summary>Each problem as one reason naming its question (<see cref="QuizValidation.Describe"/>), as the import reports them.</summary>
    public IReadOnlyList<Reason> Reasons(QuizInput input) => Problems.Select(p => QuizValidation.Describe(p, input)).ToList();
}

/// <summary>
/// The rules of a quiz (content/README.md), shared by quiz.yml and the studio's quiz builder so that a quiz made in
/// either behaves the same. Every field is untrusted; each problem is a reason (<see cref="QuizReasons"/>) the web words
/// as a sentence an author can act on.
/// </summary>
public static class QuizValidation
{
    public const int MaxQuestions = 50;
    /// <summary>The names of the question kinds as quiz.yml writes them (<see cref="QuestionKinds"/>).</summary>
    public static IReadOnlyList<string> Kinds => QuestionKinds.Names;

    /// <param name="checkPicture">Checks a picture file name written in the quiz; returns why it cannot be used, or null.</param>
    public static QuizCheck Validate(QuizInput input, string lessonTitle, Func<string, Reason?> checkPicture)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<QuizProblem>();
        void Quiz(string key, params object[] args) => problems.Add(new QuizProblem(null, new Reason(key, args)));

        var title = TextCleaning.OneLine(input.Title);
        if (title.Length == 0)
            title = TextCleaning.OneLine(lessonTitle);
        if (title.Length > 200) Quiz(QuizReasons.TitleTooLong);
        var passMark = input.PassMark ?? QuizDefinition.DefaultPassMark;
        if (passMark is < 1 or > 100) Quiz(QuizReasons.PassMark);
        var attempts = input.Attempts ?? 0;
        if (attempts is < 0 or > 100) Quiz(QuizReasons.Attempts);
        var items = input.Questions ?? [];
        if (items.Count == 0) Quiz(QuizReasons.NoQuestions);
        if (items.Count > MaxQuestions) Quiz(QuizReasons.TooManyQuestions, MaxQuestions);

        var questions = new List<Question>();
        for (var i = 0; i < items.Count && i < MaxQuestions; i++)
        {
            var errors = new List<Reason>();
            var question = ReadQuestion(items[i], errors, checkPicture);
            problems.AddRange(errors.Select(e => new QuizProblem(i, e)));
            if (question is not null)
                questions.Add(question);
        }
        if (problems.Count > 0)
            return new QuizCheck(null, problems);
        return new QuizCheck(new QuizDefinition(title, passMark, input.ShuffleQuestions ?? false, input.ShuffleOptions ?? true, attempts,
            input.ShowAnswers ?? true, questions), []);
    }

    /// <summary>
    /// A question's problem as a reason naming the question, its number and the start of its text ("câu 3 (“Xếp các
    /// việc…”): …" once worded); the reason alone for the quiz's.
    /// </summary>
    public static Reason Describe(QuizProblem problem, QuizInput input)
    {
        if (problem.Question is not { } i)
            return problem.Reason;
        var text = i < (input.Questions?.Count ?? 0) ? TextCleaning.OneLine(input.Questions![i]?.Text) : "";
        return new Reason(text.Length == 0 ? QuizReasons.InQuestion : QuizReasons.InQuestionQuoted,
            i + 1, text.Length > 40 ? text[..40] + "…" : text, problem.Reason);
    }

    private static Question? ReadQuestion(QuestionInput? q, List<Reason> errors, Func<string, Reason?> checkPicture)
    {
        if (q is null) { errors.Add(new(QuizReasons.EmptyQuestion)); return null; }
        if (!QuestionKinds.TryParse(q.Type, out var kind))
        {
            errors.Add(new(QuizReasons.BadKind, q.Type ?? "", string.Join(", ", QuestionKinds.Names.SkipLast(1)), QuestionKinds.Names[^1]));
            return null;
        }
        var text = TextCleaning.OneLine(q.Text);
        if (text.Length is 0 or > 500) errors.Add(new(QuizReasons.Text));
        var explanation = TextCleaning.Clean(q.Explanation).Trim();
        if (explanation.Length is 0 or > 1000) errors.Add(new(QuizReasons.Explanation));

        switch (kind)
        {
            case QuestionKind.TrueFalse:
                if (q.Answer is null) errors.Add(new(QuizReasons.TrueFalseAnswer));
                if (q.Options is { Count: > 0 }) errors.Add(new(QuizReasons.TrueFalseOptions));
                return errors.Count > 0 ? null : new TrueFalseQuestion(text, explanation, q.Answer!.Value,
                    Feedback(q.FeedbackTrue, errors), Feedback(q.FeedbackFalse, errors));
            case QuestionKind.Ordering:
                var steps = (q.Steps ?? []).Select(TextCleaning.OneLine).ToList();
                if (steps.Count < 2) errors.Add(new(QuizReasons.TooFewSteps));
                if (steps.Count > 10) errors.Add(new(QuizReasons.TooManySteps));
                if (steps.Any(s => s.Length is 0 or > 300)) errors.Add(new(QuizReasons.StepText));
                if (steps.Distinct().Count() != steps.Count) errors.Add(new(QuizReasons.StepTwice));
                return errors.Count > 0 ? null : new OrderingQuestion(text, explanation, steps);
            case QuestionKind.Text:
                var answers = (q.Answers ?? []).Select(TextCleaning.OneLine).Where(a => a.Length > 0).ToList();
                if (answers.Count == 0 || answers.All(a => QuizScoring.Fold(a).Length == 0)) errors.Add(new(QuizReasons.NoAnswers));
                if (answers.Count > 20 || answers.Any(a => a.Length > QuizResponse.MaxTextLength)) errors.Add(new(QuizReasons.TooManyAnswers));
                return errors.Count > 0 ? null : new ShortTextQuestion(text, explanation, answers, Feedback(q.Feedback, errors));
        }

        var options = new List<QuizOption>();
        var raw = q.Options ?? [];
        if (raw.Count is < 2 or > 8) errors.Add(new(QuizReasons.OptionCount));
        for (var i = 0; i < raw.Count; i++)
        {
            var o = raw[i];
            var optionText = TextCleaning.OneLine(o?.Text);
            if (optionText.Length is 0 or > 300)
                errors.Add(new(kind == QuestionKind.Image ? QuizReasons.OptionDescription : QuizReasons.OptionText, i + 1));
            string? image = null;
            if (kind == QuestionKind.Image)
            {
                image = o?.Image?.Trim();
                if (string.IsNullOrEmpty(image)) errors.Add(new(QuizReasons.OptionNoPicture, i + 1));
                else if (checkPicture(image) is { } why) errors.Add(new(QuizReasons.OptionPicture, i + 1, why));
            }
            else if (!string.IsNullOrEmpty(o?.Image))
            {
                errors.Add(new(QuizReasons.OptionPictureNotAllowed, i + 1));
            }
            options.Add(new QuizOption(optionText, o?.Correct == true, Feedback(o?.Feedback, errors), image));
        }
        var correct = options.Count(o => o.Correct);
        if (raw.Count > 0 && correct == 0) errors.Add(new(QuizReasons.NoCorrect));
        if (kind is QuestionKind.Single or QuestionKind.Image && correct > 1) errors.Add(new(QuizReasons.OneCorrect));
        if (options.Select(o => o.Text).Distinct().Count() != options.Count) errors.Add(new(QuizReasons.OptionTwice));
        if (errors.Count > 0)
            return null;
        return kind switch
        {
            QuestionKind.Single => new SingleChoiceQuestion(text, explanation, options),
            QuestionKind.Multiple => new MultipleChoiceQuestion(text, explanation, options),
            _ => new ImageChoiceQuestion(text, explanation, options),
        };
    }

    private static string? Feedback(string? value, List<Reason> errors)
    {
        var text = TextCleaning.Clean(value).Trim();
        if (text.Length > 500) errors.Add(new(QuizReasons.FeedbackTooLong));
        return text.Length == 0 ? null : text;
    }
}
