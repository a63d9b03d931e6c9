using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Quizzes;

/// <summary>
/// What the player's pages show: the start page, one question, the result. Reads only; a learner's attempts are
/// changed by <see cref="QuizAttempts"/>. An attempt that is not hers reads as not found.
/// </summary>
public sealed class QuizPlayer(LearningDbContext db, QuizStore store)
{
    /// <summary>The quiz of a published lesson with her open attempt and best result.</summary>
    public async Task<QuizIntro?> IntroAsync(string slug, Learner learner, CancellationToken ct)
    {
        var lesson = await store.QuizLessons.Where(l => l.Slug == slug)
            .Select(l => new { l.Id, l.Title, QuizTitle = l.QuizTitle!, l.QuizQuestions, l.QuizPassMark, RevisionId = l.PublishedRevisionId!.Value })
            .FirstOrDefaultAsync(ct);
        if (lesson is null)
            return null;
        var quiz = await store.QuizAsync(lesson.RevisionId, ct);
        var summary = new QuizSummary(lesson.QuizTitle, lesson.QuizQuestions, lesson.QuizPassMark);
        var mine = await store.Attempts(learner).Where(a => a.LessonId == lesson.Id)
            .Select(a => new { a.Id, a.Open, a.FinishedAt, a.ScorePercent, a.Passed }).ToListAsync(ct);
        var finished = mine.Where(a => a.FinishedAt is not null).ToList();
        return new QuizIntro(lesson.Title, summary, quiz.MaxAttempts,
            mine.FirstOrDefault(a => a.Open == true)?.Id, finished.Count,
            finished.Count == 0 ? null : finished.Max(a => a.ScorePercent), finished.Any(a => a.Passed),
            finished.OrderByDescending(a => a.FinishedAt).FirstOrDefault()?.Id);
    }

    /// <summary>Question <paramref name="position"/> of her attempt; its answer and feedback only once she has answered it.</summary>
    public async Task<PlayerQuestion?> QuestionAsync(string slug, Guid attemptId, int position, Learner learner, CancellationToken ct)
    {
        if (await LoadAsync(slug, attemptId, learner, ct) is not { } loaded)
            return null;
        var (attempt, _, quiz, answers) = loaded;
        if (position < 1 || position > quiz.Questions.Count)
            return null;
        var index = QuizShuffle.Questions(quiz, attempt.Seed)[position - 1];
        var question = quiz.Questions[index];
        var display = QuizShuffle.Options(quiz, attempt.Seed, index);
        var answer = answers.GetValueOrDefault(index);
        var response = answer is null ? null : QuizResponse.FromJson(answer.Response);
        var show = quiz.ShowAnswers;
        var assets = question is ImageChoiceQuestion ? await AssetsAsync(attempt.RevisionId, ct) : null;

        List<PlayerOption> options;
        PlayerFeedback? feedback = null;
        switch (question)
        {
            case ChoiceQuestion q:
                options = display.Select((original, value) =>
                {
                    var o = q.Options[original];
                    var chosen = response?.Choices.Contains(original) == true;
                    return new PlayerOption(value, o.Text, o.Image is null ? null : assets?.Image(o.Image), chosen,
                        response is not null && (show || chosen) ? o.Correct : null, chosen ? o.Feedback : null);
                }).ToList();
                if (answer is not null)
                    feedback = new PlayerFeedback(answer.Correct, answer.Credit, q.Explanation, null, null, null, null);
                break;
            case TrueFalseQuestion q:
                options = [TrueFalse(0), TrueFalse(1)];
                if (answer is not null)
                    feedback = new PlayerFeedback(answer.Correct, answer.Credit, q.Explanation,
                        response!.Choices is [0] ? q.TrueFeedback : q.FalseFeedback, null, null, null);
                PlayerOption TrueFalse(int value)
                {
                    var chosen = response?.Choices is [var c] && c == value;
                    var right = (value == 0) == q.Answer;
                    return new PlayerOption(value, "", null, chosen, response is not null && (show || chosen) ? right : null, null);
                }
                break;
            case OrderingQuestion q when response is not null:
                // Answered: her order. When answers are shown, each step after the first is marked by the rule that scores
                // it (QuizScoring): right when it comes directly after the step that should come before it.
                options = response.Choices.Select((original, place) =>
                    new PlayerOption(place, q.Steps[original], null, false,
                        show && place > 0 ? response.Choices[place - 1] + 1 == original : null, null)).ToList();
                feedback = new PlayerFeedback(answer!.Correct, answer.Credit, q.Explanation, null, null, show ? q.Steps : null, null);
                break;
            case OrderingQuestion q:
                options = display.Select((original, value) => new PlayerOption(value, q.Steps[original], null, false, null, null)).ToList();
                break;
            case ShortTextQuestion q:
                options = [];
                if (answer is not null)
                    feedback = new PlayerFeedback(answer.Correct, answer.Credit, q.Explanation, answer.Correct ? null : q.WrongFeedback,
                        response!.Text, null, show ? q.Answers[0] : null);
                break;
            default:
                return null;
        }
        return new PlayerQuestion(quiz.Title, position, quiz.Questions.Count, question.Kind, question.Text, options, feedback,
            attempt.FinishedAt is not null, QuizShuffle.FirstUnanswered(quiz, attempt.Seed, answers.Keys));
    }

    /// <summary>The result of her finished attempt with a review of every question; null when unfinished or not hers.</summary>
    public async Task<QuizResultView?> ResultAsync(string slug, Guid attemptId, Learner learner, CancellationToken ct)
    {
        if (await LoadAsync(slug, attemptId, learner, ct) is not { Attempt.FinishedAt: not null } loaded)
            return null;
        var (attempt, lessonTitle, quiz, answers) = loaded;
        var show = quiz.ShowAnswers;
        var order = QuizShuffle.Questions(quiz, attempt.Seed);
        var review = new List<ReviewItem>();
        for (var p = 0; p < order.Length; p++)
        {
            var question = quiz.Questions[order[p]];
            var answer = answers.GetValueOrDefault(order[p]);
            var response = answer is null ? new QuizResponse([]) : QuizResponse.FromJson(answer.Response);
            IReadOnlyList<string> given = question switch
            {
                ChoiceQuestion q => response.Choices.Where(c => c >= 0 && c < q.Options.Count).Select(c => q.Options[c].Text).ToList(),
                OrderingQuestion q => response.Choices.Where(c => c >= 0 && c < q.Steps.Count).Select(c => q.Steps[c]).ToList(),
                ShortTextQuestion => response.Text is { } t ? [t] : [],
                _ => [],
            };
            IReadOnlyList<string>? expected = !show ? null : question switch
            {
                ChoiceQuestion q => q.Options.Where(o => o.Correct).Select(o => o.Text).ToList(),
                OrderingQuestion q => q.Steps,
                ShortTextQuestion q => [q.Answers[0]],
                _ => null,
            };
            bool? givenTrue = question is TrueFalseQuestion && response.Choices is [var c] ? c == 0 : null;
            bool? expectedTrue = question is TrueFalseQuestion tf && show ? tf.Answer : null;
            review.Add(new ReviewItem(p + 1, question.Kind, question.Text, answer?.Correct == true, answer?.Credit ?? 0, given, expected,
                question.Explanation, givenTrue, expectedTrue));
        }
        var finished = await store.Attempts(learner).CountAsync(a => a.LessonId == attempt.LessonId && a.FinishedAt != null, ct);
        return new QuizResultView(lessonTitle, quiz.Title, attempt.ScorePercent, attempt.Passed, quiz.PassMark,
            review.Count(r => r.Correct), review.Count, quiz.MaxAttempts == 0 || finished < quiz.MaxAttempts, review);
    }

    /// <summary>Her attempt with its lesson's title, its quiz and her answers so far (by question index).</summary>
    private sealed record Loaded(QuizAttempt Attempt, string LessonTitle, QuizDefinition Quiz, Dictionary<int, QuizAnswer> Answers);

    private async Task<Loaded?> LoadAsync(string slug, Guid attemptId, Learner learner, CancellationToken ct)
    {
        var row = await store.Attempts(learner).Where(a => a.Id == attemptId)
            .Join(db.Lessons, a => a.LessonId, l => l.Id, (a, l) => new { Attempt = a, l.Slug, l.Title })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.Slug != slug)
            return null;
        var quiz = await store.QuizAsync(row.Attempt.RevisionId, ct);
        return new Loaded(row.Attempt, row.Title, quiz, await store.AnsweredAsync(attemptId, ct));
    }

    private async Task<LessonAssets> AssetsAsync(int revisionId, CancellationToken ct) =>
        new(await db.RevisionMedia.AsNoTracking().Where(m => m.RevisionId == revisionId)
            .Join(db.MediaAssets.AsNoTracking(), m => m.MediaAssetId, a => a.Id, (m, a) => new { m.Path, Asset = a })
            .ToDictionaryAsync(x => x.Path, x => x.Asset, StringComparer.Ordinal, ct));
}
