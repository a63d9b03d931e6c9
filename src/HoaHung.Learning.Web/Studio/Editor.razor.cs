using System.Security.Claims;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Checks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace HoaHung.Learning.Web.Studio;

/// <summary>
/// <c>/soan-bai/moi</c> and <c>/soan-bai/{slug}</c>: a lesson's metadata and Markdown body with a toolbar for the lesson
/// blocks, its media library and quiz, a live preview through the public page's pipeline and live checks for older
/// readers. Typing is kept in the browser at every change (studio.js) and saved to the server every few seconds;
/// every save goes through <see cref="Drafts"/>, which checks on the server who may edit the lesson and never lets an
/// older save overwrite newer text. This file: loading, fields, checks and preview; Editor.Saving.cs: saving and
/// recovery; Editor.Media.cs: the library and uploads.
/// </summary>
public sealed partial class Editor : IAsyncDisposable
{
    /// <summary>
    /// How often typing that reached the circuit is saved to the server. With studio.js sending the body after a
    /// 600 ms pause, what the server holds is never more than ~3.6 s behind the keyboard (the 5 s bound of issue 13,
    /// kept by EditorComponentTests); what the browser holds is never behind at all.
    /// </summary>
    internal const int AutosaveSeconds = 3;

    [Parameter] public string? Slug { get; set; }

    [Inject] private Drafts Drafts { get; set; } = default!;
    [Inject] private StudioMedia Media { get; set; } = default!;
    [Inject] private StudioLessons Lessons { get; set; } = default!;
    [Inject] private LessonMarkdown Markdown { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private AntiforgeryStateProvider Antiforgery { get; set; } = default!;
    [Inject] private ILogger<Editor> Log { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private readonly CancellationTokenSource life = new();
    private ElementReference root;
    private IJSObjectReference? module;
    private DotNetObjectReference<Editor>? self;

    private string actorId = "";
    private string? loadedFor;
    private bool loaded;
    private string? refusal;
    private EditorChoices choices = new([], []);

    private int lessonId;
    private string? slug;
    private long version;
    private string? lastSession;
    private DateTime serverSavedAt;
    private string? serverSavedBy;
    private ReviewState state = ReviewState.Editing;
    private LessonStatus publicStatus = LessonStatus.Draft;

    private EditorModel model = new();
    private string initialBody = "";
    private IReadOnlyList<LessonIssue> issues = [];
    private readonly LivePreview preview = new();
    private string pane = "write";

    private bool IsNew => lessonId == 0;
    private string StashKey => slug ?? "moi";
    private int Blocking => issues.Count(i => i.Blocks);

    protected override async Task OnParametersSetAsync()
    {
        if (loaded && (Slug is null ? loadedFor is null : Slug == loadedFor || Slug == slug))
            return;
        // The layout re-renders the page (its cascading values) while a slow load is still on its way; loading the
        // same lesson again would, when it finished, replace the fields she had typed into since the first load
        // (a new lesson's title was lost this way on a busy machine).
        if (loading is { IsCompleted: false } && loadingFor == Slug)
            return;
        loadingFor = Slug;
        await (loading = LoadAsync());
    }

    private Task? loading;
    private string? loadingFor;

    private async Task LoadAsync()
    {
        var ct = life.Token;
        // Messages at the bottom: the top right holds "Lưu nháp" and "Gửi duyệt", which must stay in reach.
        Snackbar.Configuration.PositionClass = Defaults.Classes.Position.BottomLeft;
        actorId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        choices = await Lessons.ChoicesAsync(ct);
        loadedFor = Slug;
        if (Slug is null)
        {
            model = new EditorModel { Topic = choices.Topics.FirstOrDefault().Slug ?? "" };
        }
        else
        {
            switch (await Drafts.OpenAsync(actorId, Slug, ct))
            {
                case OpenResult.Refused refused:
                    refusal = refused.ReasonKey;
                    loaded = true;
                    return;
                case OpenResult.Opened opened:
                    Apply(opened.Draft);
                    await LoadLibraryAsync();
                    break;
            }
        }
        initialBody = model.Body;
        ReadBlocks();
        Recompute();
        loaded = true;
    }

    private void Apply(DraftView draft)
    {
        (lessonId, slug, version, lastSession) = (draft.LessonId, draft.Slug, draft.Version, draft.LastSession);
        (state, publicStatus, serverSavedAt, serverSavedBy) = (draft.State, draft.PublicStatus, draft.UpdatedAt, draft.UpdatedBy);
        model = EditorModel.From(draft.Content);
        savedChanges = changes;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!loaded || refusal is not null || module is not null)
            return;
        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", life.Token, "/" + Assets["js/studio.js"]);
            self = DotNetObjectReference.Create(this);
            var token = Antiforgery.GetAntiforgeryToken()?.Value ?? "";
            var kept = await module.InvokeAsync<string?>("attach", life.Token, root, self, StashKey, token);
            await RecoverAsync(kept);
            await StashAsync();
            _ = AutosaveLoopAsync(life.Token);
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException or TaskCanceledException)
        {
            // The circuit went away while starting; the next visit starts again.
        }
    }

    /// <summary>A field other than the body changed (the body comes through <see cref="OnBodyChanged"/>).</summary>
    private async Task ChangedAsync()
    {
        changes++;
        Recompute();
        await StashAsync();
    }

    /// <summary>The body after a pause in typing, sent by studio.js.</summary>
    [JSInvokable]
    public Task OnBodyChanged(string text)
    {
        if (text == model.Body)
            return Task.CompletedTask;
        model.Body = text;
        changes++;
        if (cardsView)
            ReadBlocks();
        Recompute();
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>Checks for older readers and the preview, from the fields as they are now (pure and fast: see the closing note's figures).</summary>
    private void Recompute()
    {
        var content = model.ToContent();
        var kinds = library.ToDictionary(i => i.Path, i => i.Kind, StringComparer.Ordinal);
        var topics = choices.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var paths = choices.Paths.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        try
        {
            issues = [.. ReadingChecks.Run(content, kinds), .. SubmitRules.Check(content, topics, paths, kinds)];
            // Only the finished document is kept (one copy of the lesson's HTML: PreviewFrame.Live).
            preview.Document = PreviewFrame.Document(DraftPreview.Render(Markdown, content, files), model, TopicTitle(model.Topic), L, S, Assets["css/site.css"]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A preview is never worth the editor: the text stays, the last good preview stays.
            Log.LogError(e, "Checks or preview of lesson {LessonId} failed", lessonId);
        }
    }

    private async Task InsertAsync(string snippet, bool block)
    {
        pane = "write";
        if (cardsView)
        {
            // The cards have no cursor: what the library inserts goes at the end, as blocks of its own.
            blocks.AddRange(LessonBlocks.Read(snippet));
            await CardsChangedAsync(structural: true);
            return;
        }
        if (module is not null)
            await module.InvokeVoidAsync("insert", snippet, block);
    }

    private async Task JumpAsync(LessonIssue issue)
    {
        if (module is null)
            return;
        pane = "write";
        StateHasChanged();
        if (issue.Line is { } line && cardsView && CardAt(line) is { } card)
            await module.InvokeVoidAsync("focus", card);
        else if (issue.Line is { } line2)
        {
            cardsView = false;
            StateHasChanged();
            await module.InvokeVoidAsync("jumpToLine", line2);
        }
        else if (issue.Field is { } field)
            await module.InvokeVoidAsync("focus", FieldId(field));
    }

    internal static string FieldId(string field) => $"studio-{field}";

    private string IssueText(LessonIssue issue) =>
        issue.Args is { Count: > 0 } args ? S[issue.Key, args.Cast<object>().ToArray()] : S[issue.Key];

    private string TopicTitle(string topic) => choices.Topics.FirstOrDefault(t => t.Slug == topic).Title ?? topic;

    public async ValueTask DisposeAsync()
    {
        await life.CancelAsync();
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("detach");
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; nothing to detach from.
            }
        }
        self?.Dispose();
        life.Dispose();
    }
}
