using System.Text.Json;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace HoaHung.Learning.Web.Studio;

public sealed partial class Editor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private enum SaveKind { Auto, Revision, Submit }

    private int changes;
    private int savedChanges;
    private bool saving;
    private bool offline;
    private DateTime? savedAt;
    private string? notice;
    private DraftResult.Conflict? conflict;
    private IReadOnlyList<LessonIssue> refusedIssues = [];
    private string session = Guid.NewGuid().ToString("N");

    private bool Dirty => changes != savedChanges;

    private async Task AutosaveLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(AutosaveSeconds), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                await InvokeAsync(() => SaveIfDirtyAsync());
        }
        catch (OperationCanceledException)
        {
            // The editor closed.
        }
    }

    private Task SaveIfDirtyAsync() =>
        Dirty && !saving && conflict is null && refusal is null ? SaveAsync(SaveKind.Auto) : Task.CompletedTask;

    /// <summary>Called by studio.js when the tab is hidden (laptop lid, another app): save now rather than in a few seconds.</summary>
    [JSInvokable]
    public Task FlushAsync() => InvokeAsync(SaveIfDirtyAsync);

    private Task SaveRevisionAsync() => SaveAsync(SaveKind.Revision);

    private Task SubmitAsync() => SaveAsync(SaveKind.Submit);

    /// <summary>"Gửi duyệt" or "Lưu bản này" tapped while another save was on its way: it runs when that one is done.</summary>
    private SaveKind? waiting;

    private async Task SaveAsync(SaveKind kind)
    {
        if (refusal is not null)
            return;
        if (saving)
        {
            // The button looks enabled during an autosave (the timer's save renders nothing until it is done), and
            // on a slow line a tap then was dropped without a word: "Gửi duyệt" did nothing (VolunteerStoryTests).
            if (kind != SaveKind.Auto)
                waiting = kind;
            return;
        }
        saving = true;
        var mark = changes;
        var content = model.ToContent();
        try
        {
            if (IsNew && !await CreateAsync(content, kind, mark))
                return;
            var edit = new DraftEdit(version, content, session);
            var result = kind switch
            {
                SaveKind.Revision => await Drafts.SaveRevisionAsync(actorId, lessonId, edit, life.Token),
                SaveKind.Submit => await Drafts.SubmitAsync(actorId, lessonId, edit, life.Token),
                _ => await Drafts.SaveAsync(actorId, lessonId, edit, life.Token),
            };
            offline = false;
            await HandleAsync(result, kind, mark);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database or the network failed: the browser keeps the text, and the next tick tries again.
            offline = true;
            Log.LogWarning(e, "Saving lesson {LessonId} failed", lessonId);
        }
        finally
        {
            saving = false;
            StateHasChanged();
            if (waiting is { } next && !life.IsCancellationRequested)
            {
                waiting = null;
                await SaveAsync(next);
            }
        }
    }

    /// <summary>
    /// The first save of a new lesson creates it and gives the page its address. What she typed while it was being
    /// created stays in the fields (not the stored, cleaned copy) and counts as unsaved (<paramref name="mark"/> is
    /// the change count when <paramref name="content"/> was taken), so the next tick saves it.
    /// </summary>
    private async Task<bool> CreateAsync(LessonContent content, SaveKind kind, int mark)
    {
        if (kind == SaveKind.Auto && content.Title.Trim().Length == 0 && content.Body.Trim().Length == 0)
            return false; // nothing typed yet: no lesson to make
        switch (await Drafts.CreateAsync(actorId, content, life.Token))
        {
            case OpenResult.Opened opened:
                var typed = model;
                Apply(opened.Draft);
                model = typed;
                savedChanges = mark;
                savedAt = opened.Draft.UpdatedAt;
                if (module is not null)
                {
                    await module.InvokeVoidAsync("rename", StashKey);
                    await module.InvokeVoidAsync("saved", version);
                }
                Nav.NavigateTo(StudioLinks.Edit(opened.Draft.Slug), new NavigationOptions { ReplaceHistoryEntry = true });
                return kind != SaveKind.Auto;
            case OpenResult.Refused refused:
                Snackbar.Add(S[refused.ReasonKey], Severity.Warning);
                return false;
        }
        return false;
    }

    private async Task HandleAsync(DraftResult result, SaveKind kind, int mark)
    {
        switch (result)
        {
            case DraftResult.Saved saved:
                await StoredAsync(saved.Version, saved.SavedAt, mark);
                refusedIssues = [];
                if (kind == SaveKind.Revision)
                    Snackbar.Add(S["Editor.Saved.Revision"], Severity.Success);
                if (kind == SaveKind.Submit)
                {
                    state = ReviewState.InReview;
                    Snackbar.Add(S["Editor.Saved.Submitted"], Severity.Success);
                }
                break;
            case DraftResult.Invalid invalid:
                await StoredAsync(invalid.Version, invalid.SavedAt, mark);
                refusedIssues = invalid.Issues;
                Snackbar.Add(S[kind == SaveKind.Submit ? "Editor.Refused.Submit" : "Editor.Refused.Revision", invalid.Issues.Count], Severity.Warning);
                break;
            case DraftResult.Conflict found:
                conflict = found;
                break;
            case DraftResult.Refused refused:
                Snackbar.Add(S[refused.ReasonKey], Severity.Error);
                if (refused.ReasonKey is StudioReasons.NotAllowed or StudioReasons.NotFound)
                    refusal = refused.ReasonKey;
                break;
        }
    }

    private async Task StoredAsync(long stored, DateTime at, int mark)
    {
        version = stored;
        lastSession = session;
        savedAt = at;
        savedChanges = mark;
        if (module is not null)
            await module.InvokeVoidAsync("saved", version);
    }

    /// <summary>Writes the whole content to the browser's copy (studio.js puts the live text fields on top).</summary>
    private async Task StashAsync()
    {
        if (module is null)
            return;
        try
        {
            await module.InvokeVoidAsync("stash", JsonSerializer.Serialize(model.ToContent(), Json), version, session);
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone.
        }
    }

    /// <summary>After any interruption: what the browser kept goes back in, or the person chooses (<see cref="DraftRecovery"/>).</summary>
    private async Task RecoverAsync(string? kept)
    {
        if (kept is null || JsonSerializer.Deserialize<StashCopy>(kept, Json) is not { Content: { } content } copy)
            return;
        content = content with { Body = ApplyCardEdits(content.Body, copy.Cards) };
        var local = new LocalCopy(copy.BasedOn, copy.Session, content);
        var server = model.ToContent().Clean().Content ?? model.ToContent();
        switch (DraftRecovery.Decide(version, lastSession, server, local))
        {
            case Recovery.RestoreLocal:
                session = copy.Session is { Length: > 0 and <= DraftEdit.MaxSessionLength } s ? s : session;
                await UseAsync(content);
                notice = S["Editor.Restored", WardTime.Show(DateTimeOffset.FromUnixTimeMilliseconds(copy.At).UtcDateTime, "HH:mm:ss")];
                await SaveAsync(SaveKind.Auto);
                break;
            case Recovery.Ask:
                conflict = new DraftResult.Conflict(new DraftSnapshot(version, server, serverSavedAt, serverSavedBy), content);
                break;
        }
        StateHasChanged();
    }

    /// <summary>Keeps her version: it is saved over the stored one, which she has seen.</summary>
    private async Task KeepMineAsync()
    {
        if (conflict is null)
            return;
        version = conflict.Current.Version;
        var mine = conflict.Yours;
        conflict = null;
        await UseAsync(mine);
        await SaveAsync(SaveKind.Auto);
    }

    /// <summary>Takes the stored version; hers stays readable in the conflict panel until then, and in the history of revisions.</summary>
    private async Task KeepStoredAsync()
    {
        if (conflict is null)
            return;
        version = conflict.Current.Version;
        var stored = conflict.Current.Content;
        conflict = null;
        await UseAsync(stored);
        savedChanges = changes;
        if (module is not null)
            await module.InvokeVoidAsync("saved", version);
    }

    private async Task UseAsync(LessonContent content)
    {
        model = EditorModel.From(content);
        changes++;
        ReadBlocks();
        Recompute();
        if (module is not null)
            await module.InvokeVoidAsync("setBody", content.Body);
        await StashAsync();
    }

    /// <summary>The browser's copy as studio.js keeps it.</summary>
    private sealed record StashCopy(long BasedOn, string? Session, LessonContent? Content, long At, Dictionary<string, string>? Cards = null);
}
