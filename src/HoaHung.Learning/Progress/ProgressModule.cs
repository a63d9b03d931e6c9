using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Progress;

public static class ProgressModule
{
    public static IServiceCollection AddProgress(this IServiceCollection services) =>
        services.AddSingleton<ProgressBuffer>()
            .AddHostedService<ProgressFlusher>()
            .AddScoped<LearnerProgress>()
            .AddScoped<Certificates>()
            .AddScoped<IPersonalDataOwner, ProgressPersonalData>();
}
