using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Xapi;

public static class XapiModule
{
    /// <summary>
    /// Learning records out (docs/architecture.md §9, "xAPI"): the outbox written in each event's save, and — when
    /// <c>App:Xapi:Endpoint</c> is set — the sender. The site supplies <see cref="IXapiAddresses"/>.
    /// </summary>
    public static IServiceCollection AddXapi(this IServiceCollection services, IConfiguration config, string? publicBaseUrl)
    {
        services.AddOptions<XapiOptions>().Bind(config.GetSection(XapiOptions.Section))
            .Validate(o => o.Problem(publicBaseUrl) is null, "App:Xapi is not usable: " + (config.GetSection(XapiOptions.Section).Get<XapiOptions>()?.Problem(publicBaseUrl) ?? ""))
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new XapiTimings());
        services.TryAddSingleton<XapiActors>();
        services.TryAddSingleton<XapiSignal>();
        services.TryAddSingleton<XapiRecorder>();
        services.TryAddSingleton<XapiDelivery>();
        services.TryAddSingleton<XapiOutboxStatus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, XapiInterceptor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Progress.IPersonalDataOwner, XapiPersonalData>());
        services.AddHttpClient(XapiDelivery.HttpClientName);
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<XapiOptions>>().Value.IsOn
            ? ActivatorUtilities.CreateInstance<XapiSender>(sp) : new Off());
        return services;
    }

    /// <summary>Sending is off (no endpoint): no sender runs.</summary>
    private sealed class Off : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
