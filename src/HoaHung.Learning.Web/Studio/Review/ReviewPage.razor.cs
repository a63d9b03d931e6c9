using System.Security.Claims;
using HoaHung.Learning.Studio.Review;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HoaHung.Learning.Web.Studio.Review;

/// <summary>
/// <c>/soan-bai/cho-duyet/{slug}</c>: a reviewer reads the lesson as sent for review — as residents will see it, and
/// line by line with comments — with what changed since the last review, and publishes it, schedules it or sends it
/// back with a reason. Every action goes through <see cref="Reviews"/>, which checks the roles again on the server.
/// </summary>
public sealed partial class ReviewPage : IDisposable
{
    [Parameter] public string Slug { get; set; } = "";

    [Inject] private Reviews Reviews { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private readonly CancellationTokenSource life = new();
    private string actorId = "";
    private ReviewView? view;
    private string? refusal;
    private bool busy;
    private string? message;
    private Severity messageSeverity = Severity.Success;

    private int? line;
    private int? endLine;
    private string commentText = "";
    private string sendBackReason = "";
    private DateTime? scheduleAt;

    protected override async Task OnParametersSetAsync()
    {
        actorId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        (view, refusal) = await Reviews.OpenAsync(actorId, Slug, life.Token);
    }

    private string Reason(string key) => key.StartsWith("Studio.", StringComparison.Ordinal) ? S[key] : R[key];

    private Task PublishAsync() => ActAsync(ct => Reviews.PublishAsync(actorId, view!.LessonId, view.RevisionId, ct), R["Action.Published", view!.Content.Title]);

    private Task ScheduleAsync() => scheduleAt is { } at
        ? ActAsync(ct => Reviews.ScheduleAsync(actorId, view!.LessonId, view.RevisionId, WardTime.FromWard(at), ct), R["Action.Scheduled", at.ToString("HH:mm dd/MM/yyyy")])
        : Task.CompletedTask;

    private Task CancelScheduleAsync() => ActAsync(ct => Reviews.CancelScheduleAsync(actorId, view!.LessonId, ct), R["Action.ScheduleCancelled"]);

    private async Task SendBackAsync()
    {
        await ActAsync(ct => Reviews.SendBackAsync(actorId, view!.LessonId, view.RevisionId, sendBackReason, ct), R["Action.SentBack"]);
        if (messageSeverity == Severity.Success)
            sendBackReason = "";
    }

    private Task ArchiveAsync() => ActAsync(ct => Reviews.ArchiveAsync(actorId, view!.LessonId, ct), R["Action.Archived"]);

    private async Task CommentAsync()
    {
        await ActAsync(ct => Reviews.CommentAsync(actorId, view!.LessonId, view.RevisionId, line, endLine, commentText, ct), R["Comment.Added"]);
        if (messageSeverity == Severity.Success)
            (commentText, line, endLine) = ("", null, null);
    }

    private Task ResolveAsync(CommentView comment) => ActAsync(ct => Reviews.ResolveAsync(actorId, comment.Id, ct), R["Comment.ResolvedNow"]);

    private void PickLine(int number) => (line, endLine) = (number, null);

    private void PickFrom(ChangeEventArgs e) =>
        (line, endLine) = (int.TryParse(e.Value as string, out var n) ? n : null, null);

    private void PickTo(ChangeEventArgs e) =>
        endLine = int.TryParse(e.Value as string, out var n) ? n : null;

    private async Task ActAsync(Func<CancellationToken, Task<ReviewResult>> action, string done)
    {
        if (busy || view is null)
            return;
        busy = true;
        try
        {
            var result = await action(life.Token);
            (message, messageSeverity) = result is ReviewResult.Refused refused ? (Reason(refused.ReasonKey), Severity.Warning) : (done, Severity.Success);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    public void Dispose()
    {
        life.Cancel();
        life.Dispose();
    }
}
