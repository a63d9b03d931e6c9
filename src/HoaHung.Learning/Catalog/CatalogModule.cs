using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Catalog;

public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CatalogChanges>();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<ICatalogChanged>(sp => sp.GetRequiredService<CatalogCache>());
        CatalogChanges.AddCatalogChannel(services);
        services.AddLessonMarkdown();
        services.AddSingleton<ContentReader>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<LessonCatalog>();
        return services;
    }
}
