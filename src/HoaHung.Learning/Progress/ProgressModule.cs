using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Progress;

public static class ProgressModule
{
    public static IServiceCollection AddProgress(this IServiceCollection services) =>
        services.AddScoped<LearnerProgress>()
            .AddScoped<Certificates>()
            .AddScoped<IPersonalDataOwner, ProgressPersonalData>();
}
