using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Gains;

public static class GainsModule
{
    /// <summary>Entry tests' gains: kept when an attempt is scored (<see cref="IQuizFinished"/>), read by the path page, the dashboard and the class report.</summary>
    public static IServiceCollection AddGains(this IServiceCollection services)
    {
        services.TryAddSingleton<PathGains>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IQuizFinished, GainRecorder>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataOwner, GainsPersonalData>());
        return services;
    }
}
