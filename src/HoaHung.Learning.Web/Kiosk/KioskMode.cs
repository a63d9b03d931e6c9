using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Kiosk;

/// <summary>Configuration section <c>App:Kiosk</c> (docs/architecture.md §11).</summary>
public sealed class KioskOptions
{
    public const string Section = "App:Kiosk";

    /// <summary>The key a technician opens <c>/kiosk/bat-dau?khoa=</c> with; empty: no device can become a kiosk.</summary>
    public string? Key { get; set; }

    /// <summary>Seconds without a touch before the kiosk asks "Bạn còn dùng máy không?".</summary>
    [Range(3, 3600)]
    public int IdleSeconds { get; set; } = 120;
}

/// <summary>Marker for the kiosk's and the Zalo OA's strings: Resources/Kiosk/CounterResource.resx (Vietnamese) and .en.resx.</summary>
public sealed class CounterResource;

/// <summary>
/// Whether this browser is the ward's kiosk (docs/architecture.md §11): it carries the kiosk cookie <c>hh.kiosk</c>, set by
/// <c>/kiosk/bat-dau</c> with the right key and protected by Data Protection, so a cookie typed by hand is not a kiosk.
/// Requests without the cookie (every ordinary visitor) pay one dictionary lookup.
/// </summary>
public static partial class KioskMode
{
    /// <summary>
    /// A lesson body for a kiosk: links to other sites become plain text (their words stay; sanitized HTML, so every
    /// link is one <c>&lt;a href="…"&gt;</c> without nesting). Site-relative links stay.
    /// </summary>
    public static string WithoutExternalLinks(string html) => ExternalLink().Replace(html, "<span class=\"external-link\">$1</span>");

    [System.Text.RegularExpressions.GeneratedRegex("<a\\s[^>]*href=\"(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)[^\"]*\"[^>]*>(.*?)</a>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ExternalLink();

    public const string CookieName = "hh.kiosk";
    private const string Purpose = "HoaHung.Learning.Kiosk.v1";
    private const string Payload = "kiosk";
    private static readonly object ItemKey = new();

    /// <summary>Seconds of the "Bạn còn dùng máy không?" countdown.</summary>
    public const int CountdownSeconds = 15;

    /// <summary>Text size (0–4) of a kiosk until the visitor picks another: large, for a screen read standing up.</summary>
    public const int TextSize = 2;

    /// <summary>The request carries a kiosk cookie, valid or not: enough to keep it out of the shared output cache.</summary>
    public static bool HasCookie(HttpRequest request) => request.Cookies.ContainsKey(CookieName);

    public static bool IsOn(HttpContext? http)
    {
        if (http is null || !HasCookie(http.Request))
            return false;
        if (http.Items.TryGetValue(ItemKey, out var known))
            return (bool)known!;
        var on = false;
        try
        {
            var value = http.Request.Cookies[CookieName]!;
            on = value.Length < 1000 && Protector(http).Unprotect(value) == Payload;
        }
        catch (CryptographicException) { }
        http.Items[ItemKey] = on;
        return on;
    }

    public static void Start(HttpContext http)
    {
        http.Response.Cookies.Append(CookieName, Protector(http).Protect(Payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(3650),
            Path = "/",
        });
        http.Items[ItemKey] = true;
    }

    /// <summary>The configured key matches, compared in constant time; false when no key is configured.</summary>
    public static bool KeyMatches(KioskOptions options, string? typed) =>
        !string.IsNullOrEmpty(options.Key) && typed is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(options.Key)), SHA256.HashData(Encoding.UTF8.GetBytes(typed)));

    /// <summary>Deletes every cookie the browser sent except the kiosk's (sign-in, progress, language, text size, antiforgery…).</summary>
    public static void ForgetCookies(HttpContext http)
    {
        foreach (var name in http.Request.Cookies.Keys.Where(n => n != CookieName))
            http.Response.Cookies.Delete(name, new CookieOptions { Path = "/" });
    }

    public static KioskOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<KioskOptions>>().Value;

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
