using System.Security.Cryptography;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Quizzes;

/// <summary>
/// Taking a quiz: start (or resume) an attempt, answer one question at a time, finish. Every method takes the
/// current learner and only ever touches her own attempts; an attempt id of someone else reads as not found.
/// Each answer is stored when given, so a dropped connection loses nothing, and the first answer to a question
/// wins, so a double tap or a re-sent form never counts twice. What the pages show is built by <see cref="QuizPlayer"/>.
/// </summary>
public sealed class QuizAttempts(LearningDbContext db, TimeProvider clock, QuizStore store, ILessonCompletion completion,
    LearnerChanges changes, IEnumerable<IQuizFinished> finishedHooks, Xapi.XapiRecorder? xapi = null)
{
    /// <summary>Starts an attempt, or returns her unfinished one (at its first unanswered question).</summary>
    public async Task<StartResult> StartAsync(string slug, Learner learner, CancellationToken ct)
    {
        var lesson = await store.QuizLessons.Where(l => l.Slug == slug)
            .Select(l => new { l.Id, RevisionId = l.PublishedRevisionId!.Value }).FirstOrDefaultAsync(ct);
        if (lesson is null)
            return new StartResult.NotFound();
        for (var tries = 0; tries < 2; tries++)
        {
            if (await ResumeAsync(lesson.Id, learner, ct) is { } resumed)
                return resumed;
            var quiz = await store.QuizAsync(lesson.RevisionId, ct);
            var finished = await store.Attempts(learner).CountAsync(a => a.LessonId == lesson.Id && a.FinishedAt != null, ct);
            if (quiz.MaxAttempts > 0 && finished >= quiz.MaxAttempts)
                return new StartResult.NoMoreAttempts();
            var attempt = new QuizAttempt
            {
                Id = Guid.NewGuid(),
                LessonId = lesson.Id,
                RevisionId = lesson.RevisionId,
                UserId = learner.UserId,
                AnonymousId = learner.UserId is null ? learner.AnonymousId : null,
                Seed = RandomNumberGenerator.GetInt32(int.MaxValue),
                StartedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(attempt);
            try
            {
                await db.SaveChangesAsync(ct);
                learner.KeepCookie(); // her attempt is keyed by her anonymous id: she needs the cookie that carries it
                if (learner.UserId is { } userId)
                    await changes.ChangedAsync(userId, ct); // her class's live grid shows the quiz under way
                return new StartResult.Started(attempt.Id, 1);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // a second tap started one meanwhile (unique open attempt): resume that one
            }
        }
        return await ResumeAsync(lesson.Id, learner, ct) ?? new StartResult.NotFound();
    }

    private async Task<StartResult?> ResumeAsync(int lessonId, Learner learner, CancellationToken ct)
    {
        var open = await store.Attempts(learner).Where(a => a.LessonId == lessonId && a.Open == true).FirstOrDefaultAsync(ct);
        if (open is null)
            return null;
        var quiz = await store.QuizAsync(open.RevisionId, ct);
        var answered = await store.AnsweredAsync(open.Id, ct);
        return new StartResult.Started(open.Id, QuizShuffle.FirstUnanswered(quiz, open.Seed, answered.Keys) ?? quiz.Questions.Count);
    }

    /// <summary>Stores her answer to the question at <paramref name="position"/>; the first answer wins.</summary>
    public async Task<AnswerResult> AnswerAsync(Guid attemptId, int position, Learner learner, PostedAnswer posted, CancellationToken ct)
    {
        var attempt = await store.Attempts(learner).FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null)
            return new AnswerResult.NotFound();
        var quiz = await store.QuizAsync(attempt.RevisionId, ct);
        if (position < 1 || position > quiz.Questions.Count)
            return new AnswerResult.NotFound();
        if (attempt.FinishedAt is not null)
            return new AnswerResult.Saved();
        var index = QuizShuffle.Questions(quiz, attempt.Seed)[position - 1];
        if (await db.Set<QuizAnswer>().AnyAsync(a => a.AttemptId == attemptId && a.Question == index, ct))
            return new AnswerResult.Saved();
        var question = quiz.Questions[index];
        var (response, reason) = ToResponse(question, QuizShuffle.Options(quiz, attempt.Seed, index), posted);
        if (response is null)
            return new AnswerResult.Invalid(reason!);
        var marked = QuizScoring.Mark(question, response);
        db.Add(new QuizAnswer
        {
            AttemptId = attemptId,
            Question = index,
            Response = response.ToJson(),
            Credit = marked.Credit,
            Correct = marked.Correct,
            AnsweredAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same answer arrived twice at once: the first one stands
            return new AnswerResult.Saved();
        }
        if (learner.UserId is { } userId)
            await changes.ChangedAsync(userId, ct); // her class's live grid shows each answer
        return new AnswerResult.Saved();
    }

    /// <summary>
    /// Scores and closes the attempt; passing completes the lesson (while it is published). Idempotent: finishing
    /// again changes nothing (the stored score stands, and completing a completed lesson is a no-op).
    /// </summary>
    public async Task<FinishResult> FinishAsync(Guid attemptId, Learner learner, CancellationToken ct)
    {
        var attempt = await store.Attempts(learner).FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null)
            return new FinishResult.NotFound();
        var result = attempt.FinishedAt is null ? await ScoreAsync(attempt, learner, ct) : new FinishResult.Finished(attempt.Passed);
        if (result is FinishResult.Finished { Passed: true } && await store.IsPublishedAsync(attempt.LessonId, ct))
            await completion.CompleteAsync(learner, attempt.LessonId, ct);
        if (attempt.FinishedAt is null && result is FinishResult.Finished && learner.UserId is { } userId)
            await changes.ChangedAsync(userId, ct); // her quiz results ("Của tôi") changed
        return result;
    }

    private async Task<FinishResult> ScoreAsync(QuizAttempt attempt, Learner learner, CancellationToken ct)
    {
        var quiz = await store.QuizAsync(attempt.RevisionId, ct);
        var answered = await store.AnsweredAsync(attempt.Id, ct);
        if (QuizShuffle.FirstUnanswered(quiz, attempt.Seed, answered.Keys) is { } missing)
            return new FinishResult.Unanswered(missing);
        var (percent, passed) = QuizScoring.Total(answered.Values.Sum(a => a.Credit), quiz.Questions.Count, quiz.PassMark);
        var now = clock.GetUtcNow().UtcDateTime;
        var hooks = finishedHooks.ToList();
        // The result, its learning record (xAPI outbox) and what the hooks keep (an entry test's before and after
        // scores) are stored together or not at all (docs/architecture.md §9).
        var record = xapi is { IsOn: true } && learner.UserId is not null;
        await using var transaction = (record || hooks.Count > 0) && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Conditional on still being open, so two racing finishes store one result.
        var changed = await db.Set<QuizAttempt>().Where(a => a.Id == attempt.Id && a.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FinishedAt, now).SetProperty(a => a.Open, (bool?)null)
                .SetProperty(a => a.ScorePercent, percent).SetProperty(a => a.Passed, passed), ct);
        if (changed == 1)
        {
            foreach (var hook in hooks)
                await hook.FinishedAsync(new QuizFinished(attempt.Id, attempt.LessonId, learner.UserId, percent, now), ct);
            if (record)
                await xapi!.AddQuizResultAsync(db, learner.UserId!, attempt.LessonId, new Xapi.QuizScore(answered.Values.Sum(a => a.Credit), quiz.Questions.Count),
                    passed, now, ct);
        }
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        if (changed == 0) // the other finish stored first: its result stands
            passed = await store.Attempts(learner).Where(a => a.Id == attempt.Id).Select(a => a.Passed).FirstAsync(ct);
        return new FinishResult.Finished(passed);
    }

    private static (QuizResponse? Response, string? ReasonKey) ToResponse(Question question, int[] display, PostedAnswer posted)
    {
        var picks = posted.Choices;
        bool Valid(int v) => v >= 0 && v < display.Length;
        switch (question)
        {
            case TrueFalseQuestion:
                return picks is [0 or 1] ? (QuizResponse.Choice(picks[0]), null) : (null, "Quiz.PickOne");
            case SingleChoiceQuestion or ImageChoiceQuestion:
                return picks is [var one] && Valid(one) ? (QuizResponse.Choice(display[one]), null) : (null, "Quiz.PickOne");
            case MultipleChoiceQuestion:
                return picks.Count > 0 && picks.All(Valid) && picks.Distinct().Count() == picks.Count
                    ? (QuizResponse.Choice(picks.Select(p => display[p]).Order().ToArray()), null) : (null, "Quiz.PickAtLeastOne");
            case OrderingQuestion:
                // picks[i] is the place (1..n) she gave the step shown i-th.
                var n = display.Length;
                if (picks.Count != n || picks.Any(p => p < 1 || p > n) || picks.Distinct().Count() != n)
                    return (null, "Quiz.EachPlaceOnce");
                var order = new int[n];
                for (var i = 0; i < n; i++)
                    order[picks[i] - 1] = display[i];
                return (QuizResponse.Choice(order), null);
            case ShortTextQuestion:
                var text = posted.Text?.Trim() ?? "";
                return text.Length is > 0 and <= QuizResponse.MaxTextLength ? (QuizResponse.Typed(text), null) : (null, "Quiz.TypeAnswer");
            default:
                return (null, "Quiz.PickOne");
        }
    }
}
