using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Progress;

public static class ProgressModule
{
    public static IServiceCollection AddProgress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgressOptions>().Bind(configuration.GetSection(ProgressOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<ProgressBuffer>()
            .AddHostedService<ProgressFlusher>()
            .AddScoped<LearnerProgress>()
            .AddScoped<Certificates>()
            .AddScoped<IPersonalDataOwner, ProgressPersonalData>();
    }
}
