using System.Text.RegularExpressions;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Assistant;

/// <summary>One row for this kind of unanswered question and channel, counted.</summary>
public sealed record UnansweredQuestionCount(string Channel, string Question, int Times, DateTime LastAskedAt);

/// <summary>
/// Counts the questions the library could not answer (<see cref="UnansweredQuestion"/>), for the ward's dashboard.
/// Two racing counts of a new question leave one row counted twice: the unique (channel, question) index makes the
/// loser of the insert count by update instead.
/// </summary>
public sealed partial class UnansweredQuestions(LearningDbContext db, TimeProvider clock)
{
    public const int MaxLength = 200;

    public async Task CountAsync(string channel, string foldedQuestion, CancellationToken ct)
    {
        var question = Masked(foldedQuestion);
        if (question.Length == 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var updated = await db.Set<UnansweredQuestion>().Where(q => q.Channel == channel && q.Question == question)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Times, q => q.Times + 1).SetProperty(q => q.LastAskedAt, now), ct);
            if (updated > 0)
                return;
            db.Set<UnansweredQuestion>().Add(new UnansweredQuestion { Channel = channel, Question = question, Times = 1, FirstAskedAt = now, LastAskedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // counted by someone else a moment ago: count by update
            }
        }
    }

    /// <summary>The most asked unanswered questions since <paramref name="since"/>, most asked first.</summary>
    public async Task<IReadOnlyList<UnansweredQuestionCount>> TopAsync(DateTime since, int take, CancellationToken ct) =>
        await db.Set<UnansweredQuestion>().AsNoTracking().Where(q => q.LastAskedAt >= since)
            .OrderByDescending(q => q.Times).ThenByDescending(q => q.LastAskedAt).Take(take)
            .Select(q => new UnansweredQuestionCount(q.Channel, q.Question, q.Times, q.LastAskedAt)).ToListAsync(ct);

    /// <summary>Runs of 4 or more digits (a phone number, an ID, an OTP someone typed) become "#".</summary>
    internal static string Masked(string folded)
    {
        var text = Digits().Replace(folded.Trim(), "#");
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    [GeneratedRegex("[0-9]{4,}")]
    private static partial Regex Digits();
}
