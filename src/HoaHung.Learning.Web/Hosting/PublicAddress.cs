using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Where absolute links (canonical, link previews, certificates, the printed handout's address and QR) take their
/// host from (docs/architecture.md §5b, §6): <c>App:PublicBaseUrl</c>. Without it they follow the request's
/// <c>Host</c>, which is safe only when the host filter (<c>AllowedHosts</c>) accepts nothing but the site's names — so
/// in Production the site refuses to start with neither; elsewhere (Development, Testing) it warns, and the page
/// shells are kept per host (<see cref="Shell.PageShells"/>), so a forged <c>Host</c> reaches no other reader.
/// </summary>
public static class PublicAddress
{
    /// <summary>Why the site must not serve with these settings (Vietnamese, then English), or null when it may.</summary>
    public static string? Problem(string environment, string? allowedHosts, string? publicBaseUrl)
    {
        if (!string.IsNullOrWhiteSpace(publicBaseUrl) || !AnyHost(allowedHosts)
            || !string.Equals(environment, Environments.Production, StringComparison.OrdinalIgnoreCase))
            return null;
        return "Trang không khởi động: chưa đặt App:PublicBaseUrl (địa chỉ công khai của trang, ví dụ https://hoc.hoahung.gov.vn) "
            + "mà AllowedHosts là \"*\", nên kẻ xấu có thể đưa tên miền khác vào đường link của trang. Hãy đặt biến môi trường "
            + "App__PublicBaseUrl là địa chỉ công khai của trang (hoặc AllowedHosts là tên miền của trang). "
            + "The site will not start: App:PublicBaseUrl (the site's public address, e.g. https://hoc.hoahung.gov.vn) is not set "
            + "and AllowedHosts is \"*\", so any Host header a client sends would end up in the site's links. Set the environment "
            + "variable App__PublicBaseUrl to the site's public address (or AllowedHosts to its host names); see deploy/README.md.";
    }

    private static bool AnyHost(string? allowedHosts) =>
        string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';', StringSplitOptions.TrimEntries).Contains("*");

    /// <summary>Refuses to start in Production with a forgeable public address; says in the log where links come from.</summary>
    public static void Check(WebApplication app)
    {
        var site = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        var hosts = app.Configuration["AllowedHosts"];
        if (Problem(app.Environment.EnvironmentName, hosts, site.PublicBaseUrl) is { } problem)
        {
            app.Logger.LogCritical("{Problem}", problem);
            throw new InvalidOperationException(problem);
        }
        if (!string.IsNullOrWhiteSpace(site.PublicBaseUrl))
            app.Logger.LogInformation("Absolute links use App:PublicBaseUrl {PublicBaseUrl}", site.PublicBaseUrl);
        else if (AnyHost(hosts))
            app.Logger.LogWarning("App:PublicBaseUrl is not set and AllowedHosts is '*': absolute links follow any Host header a client sends " +
                "(page shells are kept per host, so no other reader sees it). Production refuses this: set App:PublicBaseUrl (deploy/README.md)");
        else
            app.Logger.LogInformation("App:PublicBaseUrl is not set: absolute links follow the Host header, accepted only when it is one of AllowedHosts {AllowedHosts}",
                hosts);
    }
}
