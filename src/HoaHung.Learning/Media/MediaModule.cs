using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Media;

public static class MediaModule
{
    /// <summary>
    /// The image processor and the store are singletons (stateless, thread-safe); <see cref="MediaLibrary"/> is scoped
    /// like the <c>LearningDbContext</c> it writes to. Options are validated at start.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, Action<MediaOptions> configure)
    {
        services.AddOptions<MediaOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IImageProcessor, VipsImageProcessor>();
        services.AddSingleton<IMediaStore, FileSystemMediaStore>();
        services.AddScoped<MediaLibrary>();
        return services;
    }
}
