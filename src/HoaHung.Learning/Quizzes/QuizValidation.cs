using HoaHung.Learning.Text;

namespace HoaHung.Learning.Quizzes;

/// <summary>One reason a quiz cannot be used. <see cref="Question"/> is the 0-based question it belongs to, or null for the quiz.</summary>
public sealed record QuizProblem(int? Question, string Message);

/// <summary>A checked quiz: <see cref="Quiz"/> when there are no <see cref="Problems"/>.</summary>
public sealed record QuizCheck(QuizDefinition? Quiz, IReadOnlyList<QuizProblem> Problems)
{
    /// <summary>Each problem as one Vietnamese sentence naming the question ("câu 3 (“…”): …"), as the import reports them.</summary>
    public IReadOnlyList<string> Messages(QuizInput input) => Problems.Select(p => QuizValidation.Describe(p, input)).ToList();
}

/// <summary>
/// The rules of a quiz (content/README.md), shared by quiz.yml and the studio's quiz builder so that a quiz made in
/// either behaves the same. Every field is untrusted; each problem is a Vietnamese sentence an author can act on.
/// </summary>
public static class QuizValidation
{
    public const int MaxQuestions = 50;
    /// <summary>The names of the question kinds as quiz.yml writes them (<see cref="QuestionKinds"/>).</summary>
    public static IReadOnlyList<string> Kinds => QuestionKinds.Names;

    /// <param name="checkPicture">Checks a picture file name written in the quiz; returns why it cannot be used, or null.</param>
    public static QuizCheck Validate(QuizInput input, string lessonTitle, Func<string, string?> checkPicture)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<QuizProblem>();
        void Quiz(string message) => problems.Add(new QuizProblem(null, message));

        var title = TextCleaning.OneLine(input.Title);
        if (title.Length == 0)
            title = TextCleaning.OneLine(lessonTitle);
        if (title.Length > 200) Quiz("tên bài kiểm tra (title) dài quá 200 ký tự");
        var passMark = input.PassMark ?? QuizDefinition.DefaultPassMark;
        if (passMark is < 1 or > 100) Quiz("điểm đạt (pass_mark) phải từ 1 đến 100 (phần trăm)");
        var attempts = input.Attempts ?? 0;
        if (attempts is < 0 or > 100) Quiz("số lần làm (attempts) phải từ 0 (không giới hạn) đến 100");
        var items = input.Questions ?? [];
        if (items.Count == 0) Quiz("bài kiểm tra chưa có câu hỏi nào (questions)");
        if (items.Count > MaxQuestions) Quiz($"tối đa {MaxQuestions} câu hỏi");

        var questions = new List<Question>();
        for (var i = 0; i < items.Count && i < MaxQuestions; i++)
        {
            var errors = new List<string>();
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

    /// <summary>"câu 3 (“Xếp các việc…”): …" for a question's problem, the message alone for the quiz's.</summary>
    public static string Describe(QuizProblem problem, QuizInput input)
    {
        if (problem.Question is not { } i)
            return problem.Message;
        var text = i < (input.Questions?.Count ?? 0) ? TextCleaning.OneLine(input.Questions![i]?.Text) : "";
        var name = text.Length == 0 ? $"câu {i + 1}" : $"câu {i + 1} (“{(text.Length > 40 ? text[..40] + "…" : text)}”)";
        return $"{name}: {problem.Message}";
    }

    private static Question? ReadQuestion(QuestionInput? q, List<string> errors, Func<string, string?> checkPicture)
    {
        if (q is null) { errors.Add("câu hỏi trống"); return null; }
        if (!QuestionKinds.TryParse(q.Type, out var kind))
        {
            errors.Add($"loại câu hỏi (type) '{q.Type}' không hợp lệ: dùng {string.Join(", ", QuestionKinds.Names.SkipLast(1))} hoặc {QuestionKinds.Names[^1]}");
            return null;
        }
        var text = TextCleaning.OneLine(q.Text);
        if (text.Length is 0 or > 500) errors.Add("thiếu nội dung câu hỏi hoặc dài quá 500 ký tự");
        var explanation = TextCleaning.Clean(q.Explanation).Trim();
        if (explanation.Length is 0 or > 1000) errors.Add("thiếu lời giải thích hoặc dài quá 1000 ký tự: mỗi câu cần nói vì sao");

        switch (kind)
        {
            case QuestionKind.TrueFalse:
                if (q.Answer is null) errors.Add("câu đúng/sai cần trường answer: true hoặc answer: false");
                if (q.Options is { Count: > 0 }) errors.Add("câu đúng/sai không dùng options; dùng answer, feedback_true, feedback_false");
                return errors.Count > 0 ? null : new TrueFalseQuestion(text, explanation, q.Answer!.Value,
                    Feedback(q.FeedbackTrue, errors), Feedback(q.FeedbackFalse, errors));
            case QuestionKind.Ordering:
                var steps = (q.Steps ?? []).Select(TextCleaning.OneLine).ToList();
                if (steps.Count < 2) errors.Add("câu sắp xếp cần ít nhất 2 bước (steps)");
                if (steps.Count > 10) errors.Add("câu sắp xếp có tối đa 10 bước");
                if (steps.Any(s => s.Length is 0 or > 300)) errors.Add("mỗi bước cần nội dung, tối đa 300 ký tự");
                if (steps.Distinct().Count() != steps.Count) errors.Add("có hai bước giống nhau");
                return errors.Count > 0 ? null : new OrderingQuestion(text, explanation, steps);
            case QuestionKind.Text:
                var answers = (q.Answers ?? []).Select(TextCleaning.OneLine).Where(a => a.Length > 0).ToList();
                if (answers.Count == 0 || answers.All(a => QuizScoring.Fold(a).Length == 0)) errors.Add("câu trả lời ngắn cần ít nhất một đáp án được chấp nhận (answers)");
                if (answers.Count > 20 || answers.Any(a => a.Length > QuizResponse.MaxTextLength)) errors.Add("tối đa 20 đáp án, mỗi đáp án tối đa 200 ký tự");
                return errors.Count > 0 ? null : new ShortTextQuestion(text, explanation, answers, Feedback(q.Feedback, errors));
        }

        var options = new List<QuizOption>();
        var raw = q.Options ?? [];
        if (raw.Count is < 2 or > 8) errors.Add("cần từ 2 đến 8 lựa chọn (options)");
        for (var i = 0; i < raw.Count; i++)
        {
            var o = raw[i];
            var optionText = TextCleaning.OneLine(o?.Text);
            if (optionText.Length is 0 or > 300)
                errors.Add(kind == QuestionKind.Image ? $"lựa chọn {i + 1}: thiếu lời tả hình, để người không nhìn rõ hình vẫn làm được"
                    : $"lựa chọn {i + 1}: thiếu nội dung hoặc dài quá 300 ký tự");
            string? image = null;
            if (kind == QuestionKind.Image)
            {
                image = o?.Image?.Trim();
                if (string.IsNullOrEmpty(image)) errors.Add($"lựa chọn {i + 1}: câu chọn hình cần tệp hình (image)");
                else if (checkPicture(image) is { } why) errors.Add($"lựa chọn {i + 1}: {why}");
            }
            else if (!string.IsNullOrEmpty(o?.Image))
            {
                errors.Add($"lựa chọn {i + 1}: chỉ câu loại image mới có hình; dùng type: image");
            }
            options.Add(new QuizOption(optionText, o?.Correct == true, Feedback(o?.Feedback, errors), image));
        }
        var correct = options.Count(o => o.Correct);
        if (raw.Count > 0 && correct == 0) errors.Add("không có đáp án đúng: đánh dấu correct: true cho đáp án đúng");
        if (kind is QuestionKind.Single or QuestionKind.Image && correct > 1) errors.Add("câu này chỉ được có một đáp án đúng; dùng type: multiple nếu có nhiều đáp án đúng");
        if (options.Select(o => o.Text).Distinct().Count() != options.Count) errors.Add("có hai lựa chọn giống nhau");
        if (errors.Count > 0)
            return null;
        return kind switch
        {
            QuestionKind.Single => new SingleChoiceQuestion(text, explanation, options),
            QuestionKind.Multiple => new MultipleChoiceQuestion(text, explanation, options),
            _ => new ImageChoiceQuestion(text, explanation, options),
        };
    }

    private static string? Feedback(string? value, List<string> errors)
    {
        var text = TextCleaning.Clean(value).Trim();
        if (text.Length > 500) errors.Add("lời nhận xét (feedback) dài quá 500 ký tự");
        return text.Length == 0 ? null : text;
    }
}
