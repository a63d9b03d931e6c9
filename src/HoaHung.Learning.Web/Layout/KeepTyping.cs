using Microsoft.JSInterop;

namespace HoaHung.Learning.Web.Layout;

/// <summary>
/// The server side of wwwroot/js/keep-typing.js: staff pages mark a field with <c>data-keep="name"</c> (on an element
/// around it) and say when its text is saved, so that a reload does not bring saved text back. The layout restores
/// kept text once the page is interactive (<c>StaffLayout</c>).
/// </summary>
public static class KeepTyping
{
    /// <summary>Puts kept text back into the page's marked fields (the layout, once the page is interactive).</summary>
    public static Task RestoreAsync(IJSRuntime js) => CallAsync(js, "hhKeepTyping.restore");

    /// <summary>The text of these fields is saved: a reload must not bring it back.</summary>
    public static async Task ForgetAsync(IJSRuntime js, params string[] names)
    {
        foreach (var name in names)
            if (!await CallAsync(js, "hhKeepTyping.forget", name))
                return;
    }

    /// <summary>False when there is no script or no circuit: then nothing is kept in this browser either.</summary>
    private static async Task<bool> CallAsync(IJSRuntime js, string function, params object?[] args)
    {
        try
        {
            await js.InvokeVoidAsync(function, args);
            return true;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            return false;
        }
    }
}
