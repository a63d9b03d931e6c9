using HoaHung.Learning.Data;
using HoaHung.Learning.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>How a class did on one quiz: each question's share of right answers, the hardest first.</summary>
public sealed record QuizStats(int ClassId, int AssignmentId, string Slug, string Title, int Members, int Answering,
    IReadOnlyList<QuestionStats> Questions);

/// <summary>
/// One question (numbered as written in quiz.yml) with every answering learner's answer, for the drill-down.
/// <see cref="ShareCorrect"/> is 0..1.
/// </summary>
public sealed record QuestionStats(int Number, string Text, QuestionKind Kind, int Answered, int Correct, IReadOnlyList<LearnerAnswer> Answers)
{
    public double ShareCorrect => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>
/// Her answer in words: the options she chose, the steps in her order, or her typed text (<see cref="Parts"/>);
/// for a true/false question <see cref="TrueFalse"/> instead, which the page words in the reader's language.
/// </summary>
public sealed record LearnerAnswer(string UserId, string DisplayName, bool Correct, IReadOnlyList<string> Parts, bool? TrueFalse);

/// <summary>
/// Per-quiz statistics for the trainer. Each learner counts with her latest attempt that has answers (what she
/// knows now, not her best day). Attempts may be on different revisions of the quiz: questions are matched by
/// their text, and ordered as in the published revision.
/// </summary>
public sealed class QuizStatistics(IDbContextFactory<LearningDbContext> contexts, ClassChanges changes)
{
    public async Task<ClassRead<QuizStats>> ForAssignmentAsync(string? actorId, int assignmentId, CancellationToken ct)
    {
        int? classId;
        await using (var lookup = await contexts.CreateDbContextAsync(ct))
            classId = await lookup.Set<ClassAssignment>().Where(a => a.Id == assignmentId && a.LessonId != null)
                .Select(a => (int?)a.ClassId).FirstOrDefaultAsync(ct);
        if (classId is null)
            return ClassRead<QuizStats>.NotFound;
        return await changes.ReadAsync<QuizStats>(actorId, classId.Value, (db, _) => BuildAsync(db, classId.Value, assignmentId, ct), ct);
    }

    private static async Task<QuizStats?> BuildAsync(LearningDbContext db, int classId, int assignmentId, CancellationToken ct)
    {
        var lesson = await db.Set<ClassAssignment>().AsNoTracking().Where(a => a.Id == assignmentId)
            .Join(db.Lessons, a => a.LessonId, l => l.Id, (_, l) => new { l.Id, l.Slug, l.Title, l.PublishedRevisionId })
            .FirstOrDefaultAsync(ct);
        if (lesson is null)
            return null;
        var members = await db.Set<ClassMember>().AsNoTracking().Where(m => m.ClassId == classId)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var memberIds = db.Set<ClassMember>().Where(m => m.ClassId == classId).Select(m => m.UserId);
        var attempts = await db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.LessonId == lesson.Id && a.UserId != null && memberIds.Contains(a.UserId!) && a.Answers.Any())
            .Select(a => new { a.Id, a.UserId, a.RevisionId, a.StartedAt }).ToListAsync(ct);
        var latest = attempts.GroupBy(a => a.UserId!).Select(g => g.MaxBy(a => a.StartedAt)!).ToList();
        var attemptIds = latest.Select(a => a.Id).ToList();
        var answers = (await db.Set<QuizAnswer>().AsNoTracking().Where(x => attemptIds.Contains(x.AttemptId))
                .Select(x => new { x.AttemptId, x.Question, x.Response, x.Correct }).ToListAsync(ct))
            .ToLookup(x => x.AttemptId);
        var revisionIds = latest.Select(a => a.RevisionId).Append(lesson.PublishedRevisionId ?? 0).Distinct().ToList();
        var quizzes = (await db.LessonRevisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id))
                .Select(r => new { r.Id, r.QuizJson }).ToListAsync(ct))
            .Select(r => (r.Id, Quiz: QuizDefinition.FromJson(r.QuizJson)))
            .Where(r => r.Quiz is not null)
            .ToDictionary(r => r.Id, r => r.Quiz!);

        var byText = new Dictionary<string, (Question Question, List<LearnerAnswer> Answers)>(StringComparer.Ordinal);
        foreach (var attempt in latest)
        {
            if (!quizzes.TryGetValue(attempt.RevisionId, out var quiz))
                continue;
            foreach (var answer in answers[attempt.Id])
            {
                if (answer.Question < 0 || answer.Question >= quiz.Questions.Count)
                    continue;
                var question = quiz.Questions[answer.Question];
                if (!byText.TryGetValue(question.Text, out var entry))
                    byText[question.Text] = entry = (question, []);
                var name = members.GetValueOrDefault(attempt.UserId!) ?? "";
                entry.Answers.Add(Describe(attempt.UserId!, name, question, QuizResponse.FromJson(answer.Response), answer.Correct));
            }
        }

        // Numbered as in the published revision; questions it no longer has come after, in the order met.
        var published = lesson.PublishedRevisionId is { } rid && quizzes.TryGetValue(rid, out var current) ? current.Questions : [];
        int Number(string text)
        {
            for (var i = 0; i < published.Count; i++)
                if (published[i].Text == text)
                    return i + 1;
            return published.Count + 1 + byText.Keys.ToList().IndexOf(text);
        }
        var questions = published.Select(q => q.Text).Concat(byText.Keys).Distinct()
            .Select(text =>
            {
                var (question, list) = byText.TryGetValue(text, out var e) ? e : (published.First(q => q.Text == text), []);
                return new QuestionStats(Number(text), text, question.Kind, list.Count, list.Count(a => a.Correct),
                    list.OrderBy(a => a.Correct).ThenBy(a => a.DisplayName, StringComparer.CurrentCulture).ToList());
            })
            .OrderBy(q => q.Answered == 0 ? 2 : q.ShareCorrect).ThenBy(q => q.Number)
            .ToList();
        return new QuizStats(classId, assignmentId, lesson.Slug, lesson.Title, members.Count, latest.Count, questions);
    }

    private static LearnerAnswer Describe(string userId, string name, Question question, QuizResponse response, bool correct) => question switch
    {
        TrueFalseQuestion => new(userId, name, correct, [], response.Choices is [0]),
        ChoiceQuestion q => new(userId, name, correct, response.Choices.Where(i => i >= 0 && i < q.Options.Count).Select(i => q.Options[i].Text).ToList(), null),
        OrderingQuestion q => new(userId, name, correct, response.Choices.Where(i => i >= 0 && i < q.Steps.Count).Select(i => q.Steps[i]).ToList(), null),
        _ => new(userId, name, correct, [response.Text ?? ""], null),
    };
}
