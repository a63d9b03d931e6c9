using System.Text.Json;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using Microsoft.JSInterop;
using MudBlazor;

namespace HoaHung.Learning.Web.Studio;

public sealed partial class Editor
{
    private IReadOnlyList<LibraryItem> library = [];
    private IReadOnlyDictionary<string, MediaAsset> files = new Dictionary<string, MediaAsset>();
    private string? selectedPicture;
    private (string Name, int Percent)? upload;

    private async Task LoadLibraryAsync()
    {
        if (IsNew)
            return;
        library = await Media.ListAsync(actorId, lessonId, life.Token) ?? [];
        files = await Media.FilesAsync(actorId, lessonId, life.Token) ?? new Dictionary<string, MediaAsset>();
    }

    /// <summary>Where studio.js streams a file; a new lesson is created first (it needs an address to own files).</summary>
    [JSInvokable]
    public async Task<string?> UploadUrl(string kind, string? path)
    {
        if (IsNew)
        {
            var mark = changes;
            if (model.Title.Trim().Length == 0)
                model.Title = S["Editor.UntitledLesson"];
            if (!await CreateAsync(model.ToContent(), SaveKind.Revision, mark))
                return null;
        }
        return kind switch
        {
            "picture" => StudioLinks.UploadPicture(lessonId),
            "video" => StudioLinks.UploadVideo(lessonId),
            "captions" when path is not null => StudioLinks.UploadCaptions(lessonId, path),
            "replace" when path is not null => StudioLinks.UploadReplacement(lessonId, path),
            _ => null,
        };
    }

    [JSInvokable]
    public Task OnUploadStarted(string kind, string name, long size)
    {
        upload = (name, 0);
        StateHasChanged();
        return Task.CompletedTask;
    }

    [JSInvokable]
    public Task OnUploadProgress(int percent)
    {
        if (upload is { } u)
            upload = (u.Name, Math.Clamp(percent, 0, 100));
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>The upload endpoint's answer: the library item, or the reason the file was refused.</summary>
    [JSInvokable]
    public async Task OnUploaded(string kind, int status, string body)
    {
        upload = null;
        if (status == 200 && JsonSerializer.Deserialize<LibraryItem>(body, Json) is { } item)
        {
            await LoadLibraryAsync();
            Recompute();
            if (item.Kind == MediaKind.Image && kind == "picture")
            {
                selectedPicture = item.Path;
                Snackbar.Add(S["Library.Added.Picture"], Severity.Success);
                StateHasChanged();
                if (module is not null)
                    await module.InvokeVoidAsync("focus", "studio-picture-description");
            }
            else
            {
                Snackbar.Add(S[kind == "captions" ? "Library.Added.Captions" : kind == "replace" ? "Library.Added.Replaced" : "Library.Added.Video"], Severity.Success);
            }
        }
        else
        {
            var reason = status == 0 ? StudioReasons.UploadInterrupted : Reason(body);
            Snackbar.Add(S[reason], Severity.Error);
        }
        StateHasChanged();
    }

    private static string Reason(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString() ?? StudioReasons.UploadInterrupted;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return StudioReasons.UploadInterrupted;
        }
    }

    /// <summary>"Chèn ảnh": the description is stored with the picture first (required), then the Markdown goes in at the cursor.</summary>
    private async Task InsertPictureAsync((string Path, string Description) picture)
    {
        switch (await Media.DescribeAsync(actorId, lessonId, picture.Path, picture.Description, life.Token))
        {
            case LibraryResult.Done { Item: { InsertionMarkdown: { } markdown } }:
                await LoadLibraryAsync();
                selectedPicture = null; // in the text now: the description panel closes
                await InsertAsync(markdown, block: true);
                break;
            case LibraryResult.Done:
                Snackbar.Add(S[StudioReasons.DescriptionRequired], Severity.Warning);
                break;
            case LibraryResult.Refused refused:
                Snackbar.Add(S[refused.ReasonKey], Severity.Error);
                break;
        }
    }

    private async Task InsertVideoAsync(LibraryItem video)
    {
        if (video.InsertionMarkdown is { } markdown)
            await InsertAsync(markdown, block: true);
    }

    private async Task InsertYouTubeAsync((string Url, string Title) video)
    {
        if (StudioMedia.YouTubeMarkdown(video.Url, video.Title) is { } markdown)
            await InsertAsync(markdown, block: true);
        else
            Snackbar.Add(S[StudioReasons.YouTubeInvalid], Severity.Warning);
    }

    private async Task RemoveMediaAsync(LibraryItem item)
    {
        if (await Media.RemoveAsync(actorId, lessonId, item.Path, life.Token) is LibraryResult.Refused refused)
        {
            Snackbar.Add(S[refused.ReasonKey], Severity.Warning);
            return;
        }
        if (selectedPicture == item.Path)
            selectedPicture = null;
        await LoadLibraryAsync();
        Recompute();
    }

    /// <summary>The lesson's own video (shown above the body), with its captions if the library has them.</summary>
    private async Task UseAsLessonVideoAsync(LibraryItem video)
    {
        model.VideoPath = video.Path;
        var captions = HoaHung.Learning.Markdown.LessonMarkdown.CaptionsPathFor(video.Path);
        model.CaptionsPath = library.Any(i => i.Path == captions) ? captions : null;
        model.VideoUrl = null;
        await ChangedAsync();
    }

    private async Task UseAsCoverAsync(LibraryItem picture)
    {
        model.CoverPath = model.CoverPath == picture.Path ? null : picture.Path;
        await ChangedAsync();
    }
}
