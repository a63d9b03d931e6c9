namespace HoaHung.Learning.Web.Shell;

/// <summary>The comments that mark slots in a page rendered for a shell; <c>nonce</c> is this process's secret, so no
/// lesson text or name can forge one.</summary>
public static class SlotMarkers
{
    public static string Prefix(string nonce) => $"<!--hh-slot:{nonce}:";

    /// <summary><paramref name="html"/> without this nonce's markers (a page not kept as a shell, sent as rendered).</summary>
    public static string Strip(string html, string nonce) =>
        System.Text.RegularExpressions.Regex.Replace(html, $"{System.Text.RegularExpressions.Regex.Escape(Prefix(nonce))}[^>]*-->", "");

    public static string Text(string nonce, string name) => $"{Prefix(nonce)}t:{name}-->";

    public static string Variant(string nonce, string name, string value) => $"{Prefix(nonce)}v:{name}:{value}-->";

    public static string End(string nonce, string name) => $"{Prefix(nonce)}e:{name}-->";
}
