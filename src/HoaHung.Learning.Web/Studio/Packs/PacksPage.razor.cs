using System.Text.Json;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Packs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.JSInterop;

namespace HoaHung.Learning.Web.Studio.Packs;

/// <summary>
/// /soan-bai/goi-bai: export a published lesson, topic or path; import a pack as drafts with its report. Staff only
/// (the studio's _Imports); the endpoints check the policy again and the importer checks, from the database, who acts.
/// </summary>
public sealed partial class PacksPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(30);

    private readonly CancellationTokenSource life = new();
    private IReadOnlyList<Choice>? choices;
    private string? selected;
    private ElementReference fileInput;
    private IJSObjectReference? module;
    private bool busy;
    private string? message;
    private PackAnswer? answer;

    [Inject] private IDbContextFactory<LearningDbContext> Contexts { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AntiforgeryStateProvider Antiforgery { get; set; } = default!;

    private sealed record Choice(PackKind Kind, string Title, string Url);

    protected override async Task OnInitializedAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync(life.Token);
        var published = db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published);
        var lessons = await published.OrderBy(l => l.Title).Select(l => new { l.Slug, l.Title }).ToListAsync(life.Token);
        var topics = await db.Topics.AsNoTracking().Where(t => t.Lessons.Any(l => l.Status == LessonStatus.Published))
            .OrderBy(t => t.Order).Select(t => new { t.Slug, t.Title }).ToListAsync(life.Token);
        var paths = await db.LearningPaths.AsNoTracking().Where(p => p.Lessons.Any(pl => pl.Lesson.Status == LessonStatus.Published))
            .OrderBy(p => p.Order).Select(p => new { p.Slug, p.Title }).ToListAsync(life.Token);
        choices =
        [
            .. paths.Select(p => new Choice(PackKind.Path, p.Title, PackEndpoints.Export(PackKind.Path, p.Slug))),
            .. topics.Select(t => new Choice(PackKind.Topic, t.Title, PackEndpoints.Export(PackKind.Topic, t.Slug))),
            .. lessons.Select(l => new Choice(PackKind.Lesson, l.Title, PackEndpoints.Export(PackKind.Lesson, l.Slug))),
        ];
    }

    private static string ChoiceKey(PackKind kind) => kind switch
    {
        PackKind.Path => "Packs.Export.Path",
        PackKind.Topic => "Packs.Export.Topic",
        _ => "Packs.Export.Lesson",
    };

    private async Task ImportAsync()
    {
        (message, answer, busy) = (null, null, true);
        try
        {
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", life.Token, "/" + Assets["js/packs.js"]);
            var token = Antiforgery.GetAntiforgeryToken()?.Value ?? "";
            var sent = await module.InvokeAsync<Sent?>("send", ImportTimeout, fileInput, PackEndpoints.Import, token);
            if (sent is null)
                message = L["Packs.Import.NoFile"];
            else if (sent.Status is 200 or 403 or 422 && Parse(sent.Text) is { } parsed)
                answer = parsed;
            else
                message = L["Packs.Import.Failed"];
            if (answer?.Report is not null)
                await module.InvokeVoidAsync("clear", life.Token, fileInput);
        }
        catch (Exception e) when (e is JSException or TaskCanceledException && !life.IsCancellationRequested)
        {
            message = L["Packs.Import.Failed"];
        }
        finally
        {
            busy = false;
        }
    }

    private static PackAnswer? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<PackAnswer>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Sent(int Status, string Text);

    public async ValueTask DisposeAsync()
    {
        await life.CancelAsync();
        life.Dispose();
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone: nothing to release in the browser.
            }
        }
    }
}
