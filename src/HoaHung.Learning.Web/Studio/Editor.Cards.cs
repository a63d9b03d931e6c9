using System.Text.Json;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using Microsoft.JSInterop;
using MudBlazor;

namespace HoaHung.Learning.Web.Studio;

/// <summary>
/// The body as cards (<see cref="BlockCards"/>) or as its Markdown text ("Văn bản gốc"). The Markdown is what is saved:
/// a change in a card writes the whole body again (<see cref="LessonBlocks.Write"/>) and puts it in the hidden text
/// box, so autosave, the browser's copy and the recovery after a dropped connection work as they did for typing.
/// </summary>
public sealed partial class Editor
{
    private List<LessonBlock> blocks = [];
    private bool cardsView = true;

    /// <summary>Counts structural changes (blocks or steps added, removed, moved, given a picture): every card renders again.</summary>
    private int cardsGeneration;

    private void ReadBlocks() => blocks = LessonBlocks.Read(model.Body);

    /// <summary>A card changed: the body is written again from the cards.</summary>
    private async Task CardsChangedAsync(bool structural)
    {
        if (structural)
            cardsGeneration++;
        model.Body = LessonBlocks.Write(blocks);
        changes++;
        Recompute();
        await ReplaceBodyAsync(structural);
    }

    private async Task ReplaceBodyAsync(bool structural)
    {
        if (module is null)
            return;
        try
        {
            await module.InvokeVoidAsync("replaceBody", model.Body, structural);
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; its copy has what was typed.
        }
    }

    private async Task FocusAsync(string id)
    {
        if (module is null)
            return;
        StateHasChanged();
        await Task.Yield();
        try
        {
            await module.InvokeVoidAsync("focus", id);
        }
        catch (JSDisconnectedException)
        {
            // Nothing to focus.
        }
    }

    private async Task ShowCardsAsync()
    {
        if (cardsView)
            return;
        if (module is not null)
        {
            // What she typed in the Markdown view in the last 600 ms has not reached the circuit yet.
            var text = await module.InvokeAsync<string>("currentBody");
            if (text != model.Body)
            {
                model.Body = text;
                changes++;
                Recompute();
            }
        }
        ReadBlocks();
        cardsView = true;
        await ReplaceBodyAsync(structural: true);
    }

    private void ShowMarkdown() => cardsView = false;

    /// <summary>
    /// Studio.js's input for a step picture: the first file chosen goes into the step whose button was used, each next one
    /// into a new step after it, in order. <paramref name="target"/> is "block:step" as the card wrote it.
    /// </summary>
    [JSInvokable]
    public async Task OnStepPictureUploaded(string target, int index, int status, string body)
    {
        upload = null;
        if (status != 200 || JsonSerializer.Deserialize<LibraryItem>(body, Json) is not { Kind: MediaKind.Image } item)
        {
            Snackbar.Add(S[status == 0 ? StudioReasons.UploadInterrupted : Reason(body)], Severity.Error);
            StateHasChanged();
            return;
        }
        await LoadLibraryAsync();
        var (blockIndex, stepIndex) = Target(target);
        if (blockIndex < 0)
        {
            blocks.Add(new LessonBlock { Kind = BlockKind.Steps, Steps = [new LessonStep()] });
            (blockIndex, stepIndex) = (blocks.Count - 1, 0);
        }
        var steps = blocks[blockIndex].Steps;
        var at = Math.Clamp(stepIndex + Math.Max(0, index), 0, steps.Count);
        if (index > 0 || at == steps.Count)
            steps.Insert(at, new LessonStep());
        steps[at].PicturePath = item.Path;
        // No message: the thumbnail in the step and the description box it leads to say it (four messages piled up on a phone).
        await CardsChangedAsync(structural: true);
        if (index == 0)
            await FocusAsync($"card-{blockIndex}-{at}-desc");
        StateHasChanged();
    }

    private (int Block, int Step) Target(string target)
    {
        var parts = target.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], out var b) && int.TryParse(parts[1], out var s)
            && b >= 0 && b < blocks.Count && blocks[b].Kind == BlockKind.Steps && s >= 0 && s < blocks[b].Steps.Count)
            return (b, s);
        var last = blocks.FindLastIndex(x => x.Kind == BlockKind.Steps);
        return last < 0 ? (-1, 0) : (last, blocks[last].Steps.Count);
    }

    /// <summary>
    /// What was typed into cards while the connection was down (studio.js keeps it by "block.step.field"), put back on the
    /// blocks of <paramref name="body"/>. Keys that no longer fit are left out.
    /// </summary>
    internal static string ApplyCardEdits(string body, IReadOnlyDictionary<string, string>? edits)
    {
        if (edits is null || edits.Count == 0)
            return body;
        var read = LessonBlocks.Read(body);
        foreach (var (key, value) in edits)
        {
            var parts = key.Split('.');
            if (parts.Length < 2 || !int.TryParse(parts[0], out var b) || b < 0 || b >= read.Count)
                continue;
            var block = read[b];
            if (parts is [_, "text"]) block.Text = value;
            else if (parts is [_, "title"]) block.Title = value;
            else if (parts.Length == 3 && int.TryParse(parts[1], out var s) && s >= 0 && s < block.Steps.Count)
            {
                var step = block.Steps[s];
                if (parts[2] == "text") step.Text = value;
                else if (parts[2] == "desc") step.PictureDescription = value;
                else if (parts[2] == "after") step.After = value;
            }
        }
        return LessonBlocks.Write(read);
    }

    /// <summary>A check points at a line of the body: in the cards, the card that holds it.</summary>
    private string? CardAt(int line)
    {
        var written = blocks.Select((b, i) => (Block: b, Index: i)).Where(x => LessonBlocks.Write([x.Block]).Length > 0).ToList();
        var read = LessonBlocks.Read(model.Body);
        for (var k = 0; k < read.Count && k < written.Count; k++)
        {
            var block = read[k];
            if (line < block.FirstLine || line > block.LastLine)
                continue;
            var i = written[k].Index;
            if (block.Kind != BlockKind.Steps)
                return $"card-{i}-text";
            var s = block.Steps.FindIndex(st => st.FirstLine <= line && line <= st.LastLine);
            return s < 0 ? null : $"card-{i}-{s}-text";
        }
        return null;
    }
}
