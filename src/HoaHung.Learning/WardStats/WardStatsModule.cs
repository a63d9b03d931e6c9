using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.WardStats;

public static class WardStatsModule
{
    /// <summary>The ward's figures: the rollups kept on every save, their reads, the rebuild and the searches that found nothing.</summary>
    public static IServiceCollection AddWardStats(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, WardStatsInterceptor>());
        services.TryAddSingleton<WardFigures>();
        services.TryAddSingleton<WardStatsRebuild>();
        services.TryAddSingleton<SearchMisses>();
        services.TryAddSingleton<OpenData>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Progress.IPersonalDataOwner, WardStatsPersonalData>());
        return services;
    }
}
