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

    private enum Confirming { None, Publish, Schedule }

    private Confirming confirming;
    private string sendBackReason = "";
    private DateTime? scheduleDay;
    private TimeSpan? scheduleTime;

    /// <summary>The chosen day and time of the ward's clock, once both are chosen.</summary>
    private DateTime? scheduleAt => scheduleDay is { } day && scheduleTime is { } time ? day.Date + time : null;

    /// <summary><c>?xuat-ban=1</c>: "Xuất bản" on a queue row opens this page with its confirmation.</summary>
    [SupplyParameterFromQuery(Name = "xuat-ban")] public string? PublishFromQueue { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        actorId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await LoadAsync();
        if (PublishFromQueue is not null && view is { CanPublish: true } && confirming == Confirming.None)
            confirming = Confirming.Publish;
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

    private async Task<bool> CommentAsync(int? first, int? last, string text)
    {
        await ActAsync(ct => Reviews.CommentAsync(actorId, view!.LessonId, view.RevisionId, first, last, text, ct), R["Comment.Added"]);
        StateHasChanged(); // called by the block list, not through an EventCallback: this page shows the new comment itself
        return messageSeverity == Severity.Success;
    }

    private Task ResolveAsync(CommentView comment) => ActAsync(ct => Reviews.ResolveAsync(actorId, comment.Id, ct), R["Comment.ResolvedNow"]);

    private async Task ActAsync(Func<CancellationToken, Task<ReviewResult>> action, string done)
    {
        if (busy || view is null)
            return;
        busy = true;
        try
        {
            var result = await action(life.Token);
            confirming = Confirming.None;
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
