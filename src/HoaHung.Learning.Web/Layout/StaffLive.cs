using Microsoft.JSInterop;

namespace HoaHung.Learning.Web.Layout;

/// <summary>The server side of wwwroot/js/staff-live.js: the page is live, its controls work, a held tap runs now.</summary>
public static class StaffLive
{
    public static async Task ReadyAsync(IJSRuntime js)
    {
        try
        {
            await js.InvokeVoidAsync("hhStaff.live");
        }
        catch (JSException)
        {
            // No script (a test host without it): nothing was held either.
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away before it answered: the next one says it again.
        }
    }
}
