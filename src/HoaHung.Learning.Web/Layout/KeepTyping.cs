using Microsoft.JSInterop;

namespace HoaHung.Learning.Web.Layout;

/// <summary>
/// The server side of wwwroot/js/keep-typing.js: staff pages mark a field with <c>data-keep="name"</c> (on an element
/// around it) and say when its text is saved, so that a reload does not bring saved text back. The layout restores
/// kept text once the page is interactive (<c>StaffLayout</c>).
/// </summary>
public static class KeepTyping
{
    public static async Task ForgetAsync(IJSRuntime js, params string[] names)
    {
        try
        {
            foreach (var name in names)
                await js.InvokeVoidAsync("hhKeepTyping.forget", name);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // No script or no circuit: there is nothing kept in this browser to forget.
        }
    }
}
