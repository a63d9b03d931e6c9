using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// The two sections the composition root needs while it registers services (where data lives, which database):
/// bound here once, validated, resolved against the repository or published folder, and registered as options.
/// </summary>
internal static class SiteOptions
{
    public static (AppOptions Site, DatabaseOptions Database) Bind(WebApplicationBuilder builder)
    {
        var baseDir = SitePaths.BaseDirectory(builder.Environment.ContentRootPath);
        var site = builder.Configuration.GetSection(AppOptions.Section).Get<AppOptions>() ?? new AppOptions();
        site.DataDirectory = SitePaths.Resolve(baseDir, site.DataDirectory);
        site.ContentDirectory = SitePaths.Resolve(baseDir, site.ContentDirectory);
        Validator.ValidateObject(site, new ValidationContext(site), validateAllProperties: true);
        if (!string.IsNullOrWhiteSpace(site.PublicBaseUrl)
            && !(Uri.TryCreate(site.PublicBaseUrl, UriKind.Absolute, out var publicBase) && publicBase.Scheme is "http" or "https"
                 && string.IsNullOrEmpty(publicBase.Query) && string.IsNullOrEmpty(publicBase.Fragment)))
            throw new InvalidOperationException($"App:PublicBaseUrl: '{site.PublicBaseUrl}' is not the site's address (e.g. https://hoc.hoahung.gov.vn).");
        foreach (var proxy in site.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
            throw new InvalidOperationException($"App:KnownProxies: '{proxy}' is not an IP address.");
        foreach (var network in site.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            throw new InvalidOperationException($"App:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 172.28.0.0/24).");
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(Options.Create(site));
        builder.Services.AddSingleton(Options.Create(database));
        return (site, database);
    }
}
