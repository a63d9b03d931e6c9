using HoaHung.Learning.Progress;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Studio;

public static class StudioModule
{
    /// <summary>
    /// The authoring studio's services: singletons that open a context (or a scope) per operation, so an Interactive
    /// Server page may hold them for the life of a circuit. Needs AddCatalog (Markdown) and AddMedia.
    /// </summary>
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Drafts>();
        services.AddSingleton<StudioMedia>();
        services.AddSingleton<StudioLessons>();
        services.AddScoped<IPersonalDataOwner, StudioPersonalData>();
        return services;
    }
}
