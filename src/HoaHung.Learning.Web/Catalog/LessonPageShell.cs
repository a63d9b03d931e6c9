using HoaHung.Learning.Progress;
using HoaHung.Learning.Web.Progress;
using HoaHung.Learning.Web.Shell;

namespace HoaHung.Learning.Web.Catalog;

/// <summary>
/// A signed-in learner's part of a lesson page (<see cref="LessonPage"/>): her visit recorded
/// (<see cref="ProgressBuffer"/>, no write per view) and whether she has completed the lesson
/// (<see cref="LearnerSnapshots"/>, no query per view). The page calls <see cref="PageOpenedAsync"/> for a signed-in
/// reader: rendered for her, that is <see cref="OpenAsync"/>; rendered as the shell, it notes the lesson, and each
/// request served from the shell calls <see cref="OpenAsync"/> through <see cref="FillAsync"/>, so both do the same.
/// </summary>
public sealed class LessonPageShell(ProgressBuffer visits, LearnerSnapshots snapshots, LearnerSession session, TimeProvider clock)
    : IShellFiller
{
    /// <summary>The fact the page notes in its shell: the lesson's id.</summary>
    public const string LessonFact = "lesson";

    /// <summary>The "already done" line: "1" shown, "0" hidden.</summary>
    public const string DoneSlot = "done";

    public static readonly IReadOnlyList<string> DoneValues = ["0", "1"];

    /// <summary>
    /// The page's one call for a signed-in reader: her visit recorded and whether she has completed the lesson, or,
    /// rendered as the shell, the lesson noted for <see cref="FillAsync"/> (false: the shell holds both forms).
    /// </summary>
    public Task<bool> PageOpenedAsync(HttpContext? http, int lessonId, CancellationToken ct)
    {
        if (ShellCapture.Of(http) is not { } shell)
            return OpenAsync(lessonId, ct);
        shell.Note(LessonFact, lessonId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult(false);
    }

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
