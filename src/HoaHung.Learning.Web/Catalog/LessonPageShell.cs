using HoaHung.Learning.Progress;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Progress;

namespace HoaHung.Learning.Web.Catalog;

/// <summary>
/// A signed-in learner's part of a lesson page (<see cref="LessonPage"/>): her visit recorded
/// (<see cref="ProgressBuffer"/>, no write per view) and whether she has completed the lesson
/// (<see cref="LearnerSnapshots"/>, no query per view). The page calls <see cref="OpenAsync"/> when it renders for
/// her; a request served from the page's shell calls it through <see cref="FillAsync"/>, so both do the same.
/// </summary>
public sealed class LessonPageShell(ProgressBuffer visits, LearnerSnapshots snapshots, LearnerSession session, TimeProvider clock)
    : IShellFiller
{
    /// <summary>The fact the page notes in its shell: the lesson's id.</summary>
    public const string LessonFact = "lesson";

    /// <summary>The "already done" line: "1" shown, "0" hidden.</summary>
    public const string DoneSlot = "done";

    public static readonly IReadOnlyList<string> DoneValues = ["0", "1"];

    /// <summary>Records her visit and says whether she has completed the lesson; she is signed in.</summary>
    public async Task<bool> OpenAsync(int lessonId, CancellationToken ct)
    {
        var userId = session.Learner.UserId ?? throw new InvalidOperationException("Only for a signed-in learner.");
        visits.Opened(userId, lessonId, clock.GetUtcNow().UtcDateTime);
        return await snapshots.HasCompletedAsync(userId, lessonId, ct);
    }

    public async Task<bool> FillAsync(HttpContext http, IReadOnlyDictionary<string, string> facts, IDictionary<string, string> values)
    {
        if (!facts.TryGetValue(LessonFact, out var noted) || !int.TryParse(noted, out var lessonId))
            return false;
        values[DoneSlot] = await OpenAsync(lessonId, http.RequestAborted) ? "1" : "0";
        return true;
    }
}
