using System.Globalization;
using HoaHung.Learning.Gains;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Progress;
using HoaHung.Learning.Web.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Catalog;

/// <summary>
/// A signed-in learner's part of a path page (<see cref="PathPage"/>): where she stands with the path's entry test
/// (docs/architecture.md §9, "Gains"). Paths without one need nothing of hers, as before.
/// </summary>
public sealed class PathPageShell(PathGains gains, LearnerSession session, IStringLocalizer<SharedResource> l) : IShellFiller
{
    /// <summary>The fact the page notes in its shell when the path has an entry test: the path's id.</summary>
    public const string PathFact = "path";

    /// <summary>The entry-test box: one of <see cref="StepValues"/>.</summary>
    public const string StepSlot = "entry";

    /// <summary>Her scores as one sentence, or empty.</summary>
    public const string ScoresSlot = "entry-scores";

    /// <summary>"anon" is the output-cached page of every anonymous reader; the others are an account's <see cref="EntryTestStep"/>.</summary>
    public const string Anonymous = "anon";

    public static readonly IReadOnlyList<string> StepValues = [Anonymous, .. Enum.GetValues<EntryTestStep>().Select(Value)];

    public static string Value(EntryTestStep step) => step.ToString().ToLowerInvariant();

    /// <summary>
    /// The page's one call for a signed-in reader on a path with an entry test: her state, or, rendered as the shell,
    /// the path noted for <see cref="FillAsync"/> (null: the shell holds every state).
    /// </summary>
    public async Task<EntryTestState?> PageOpenedAsync(HttpContext? http, int pathId, CancellationToken ct)
    {
        if (ShellCapture.Of(http) is not { } shell)
            return await StateAsync(pathId, ct);
        shell.Note(PathFact, pathId.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>
    /// Her scores line: the slot when rendered as the shell, her sentence when rendered for her, null when there is
    /// nothing to show (an anonymous reader, or no score yet).
    /// </summary>
    public static RenderFragment? ScoresLine(HttpContext? http, string scores)
    {
        if (ShellCapture.Of(http) is { } shell)
            return b => b.AddContent(0, shell.Text(ScoresSlot));
        if (scores.Length == 0)
            return null;
        return b =>
        {
            b.OpenElement(0, "strong");
            b.AddContent(1, scores);
            b.CloseElement();
        };
    }

    /// <summary>Her state on the path; she is signed in.</summary>
    public Task<EntryTestState> StateAsync(int pathId, CancellationToken ct) =>
        gains.StateAsync(pathId, session.Learner.UserId ?? throw new InvalidOperationException("Only for a signed-in learner."), ct);

    /// <summary>"Điểm trước khi học: 40%" or "Trước khi học: 40% · Sau khi học: 80% (tăng 40 điểm)"; empty when she has none.</summary>
    public string Scores(EntryTestState state) => state switch
    {
        { BeforePercent: { } before, AfterPercent: { } after } => l["Gains.BeforeAndAfter", before, after, Gain(after - before)],
        { BeforePercent: { } before } => l["Gains.BeforeOnly", before],
        _ => "",
    };

    private string Gain(int points) => points switch
    {
        > 0 => l["Gains.Up", points],
        < 0 => l["Gains.Down", -points],
        _ => l["Gains.Same"],
    };

    public async Task<bool> FillAsync(HttpContext http, IReadOnlyDictionary<string, string> facts, IDictionary<string, string> values)
    {
        if (!facts.TryGetValue(PathFact, out var noted))
            return true; // no entry test: nothing of hers on the page
        if (!int.TryParse(noted, NumberStyles.None, CultureInfo.InvariantCulture, out var pathId))
            return false;
        var state = await StateAsync(pathId, http.RequestAborted);
        values[StepSlot] = Value(state.Step);
        values[ScoresSlot] = Scores(state);
        return true;
    }
}
