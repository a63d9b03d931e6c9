using Microsoft.AspNetCore.Components;

namespace HoaHung.Learning.Web.Shell;

/// <summary>Present on a request whose page is being rendered as a shell: components write slot markers, not her values.</summary>
public sealed class ShellCapture(string nonce)
{
    public static ShellCapture? Of(HttpContext? http) => http?.Features.Get<ShellCapture>();

    /// <summary>What the page noted for its <see cref="IShellFiller"/>.</summary>
    public Dictionary<string, string> Facts { get; } = [];

    /// <summary>Notes a fact of the page (the same for every reader) that its filler needs.</summary>
    public void Note(string key, string value) => Facts[key] = value;

    public MarkupString Text(string name) => new(SlotMarkers.Text(nonce, name));

    public MarkupString Variant(string name, string value) => new(SlotMarkers.Variant(nonce, name, value));

    public MarkupString End(string name) => new(SlotMarkers.End(nonce, name));
}
