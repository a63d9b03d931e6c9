using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HoaHung.Learning.Web.Studio;

/// <summary>
/// The small icons the editor repeats (one per step, per check, per upload button) as the markup MudIcon renders for
/// them, built once for every circuit: a MudIcon is a component, and a circuit keeps each component with its render
/// trees, its parameter state and its attribute table (a few KB each).
/// </summary>
internal static class StudioIcons
{
    public static readonly MarkupString AddPicture = Small(Icons.Material.Filled.AddPhotoAlternate);
    public static readonly MarkupString AddVideo = Small(Icons.Material.Filled.VideoCall);
    public static readonly MarkupString Add = Small(Icons.Material.Filled.Add);
    public static readonly MarkupString Blocks = Small(Icons.Material.Filled.Error, "mud-error-text");
    public static readonly MarkupString Advice = Small(Icons.Material.Filled.Info, "mud-warning-text");

    private static MarkupString Small(string path, string? color = null) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon{(color is null ? "" : " " + color)} mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{path}</svg>");
}
