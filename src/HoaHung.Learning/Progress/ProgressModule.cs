using HoaHung.Learning.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Progress;

public static class ProgressModule
{
    public static IServiceCollection AddProgress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgressOptions>().Bind(configuration.GetSection(ProgressOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddChangeFeed();
        return services.AddSingleton<ProgressBuffer>()
            .AddSingleton<LearnerChanges>()
            .AddSingleton<LearnerSnapshots>()
            .AddHostedService<ProgressFlusher>()
            .AddScoped<LearnerProgress>()
            .AddScoped<ProgressRequests>()
            .AddScoped<Certificates>()
            .AddScoped<IPersonalDataOwner, ProgressPersonalData>();
    }
}
