using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Behind a reverse proxy the client's address and scheme come from <c>X-Forwarded-For</c>/<c>-Proto</c> — but only
/// when the request comes from a proxy named in <c>App:KnownProxies</c> or <c>App:KnownNetworks</c>; from anyone else
/// the headers are ignored, so a client cannot rotate them to escape the per-address rate limits.
/// </summary>
internal static class ForwardedHeaders
{
    public static IApplicationBuilder UseTrustedForwardedHeaders(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        if (site.KnownProxies.Count == 0 && site.KnownNetworks.Count == 0)
            return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in site.KnownProxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in site.KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        app.Logger.LogInformation("Forwarded headers are trusted from {Proxies} {Networks}",
            string.Join(", ", site.KnownProxies), string.Join(", ", site.KnownNetworks));
        return app.UseForwardedHeaders(options);
    }
}
