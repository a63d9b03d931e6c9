using Microsoft.AspNetCore.Localization;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>The two preferences a reader can set without an account; both live in cookies.</summary>
public static class Preferences
{
    public const string TextSizeCookie = "hh.textsize";
    public const int DefaultTextSize = 0;
    public const int MaxTextSize = 4;
    public static readonly string[] Cultures = ["vi", "en"];

    public static string Culture(HttpContext ctx)
    {
        var cookie = ctx.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        var parsed = cookie is null ? null : CookieRequestCultureProvider.ParseCookieValue(cookie);
        var name = parsed?.UICultures.FirstOrDefault().Value;
        return name is not null && Cultures.Contains(name) ? name : "vi";
    }

    /// <summary>The reader's text size; a kiosk starts large (<see cref="Kiosk.KioskMode.TextSize"/>) until its visitor picks another.</summary>
    public static int TextSize(HttpContext ctx) =>
        int.TryParse(ctx.Request.Cookies[TextSizeCookie], out var size) && size is >= 0 and <= MaxTextSize ? size
        : Kiosk.KioskMode.HasCookie(ctx.Request) ? Kiosk.KioskMode.TextSize : DefaultTextSize;
}
