using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Behind a reverse proxy the client's address and scheme come from <c>X-Forwarded-For</c>/<c>-Proto</c> — but only
/// when the request comes from a proxy named in <c>App:KnownProxies</c> or <c>App:KnownNetworks</c>; from anyone else
/// the headers are ignored, so a client cannot rotate them to escape the per-address rate limits. This holds even
/// with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (whose own middleware would believe anyone): the options are
/// set after it, to the configured proxies or to nothing at all.
/// </summary>
internal static class ForwardedHeaders
{
    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<AppOptions>>((options, app) =>
        {
            var site = app.Value;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.AllowedHosts.Clear();
            if (site.KnownProxies.Count == 0 && site.KnownNetworks.Count == 0)
            {
                // Both lists empty would mean "believe everyone": believe no header instead.
                options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None;
                return;
            }
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            foreach (var proxy in site.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in site.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedForwardedHeaders(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        if (site.KnownProxies.Count == 0 && site.KnownNetworks.Count == 0)
        {
            app.Logger.LogInformation("Forwarded headers are ignored: no App:KnownProxies or App:KnownNetworks; the client address is the connection's");
            return app;
        }
        app.Logger.LogInformation("Forwarded headers are trusted from {Proxies} {Networks}",
            string.Join(", ", site.KnownProxies), string.Join(", ", site.KnownNetworks));
        return app.UseForwardedHeaders();
    }
}
