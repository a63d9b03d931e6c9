using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Packs;

public static class PacksModule
{
    /// <summary>Lesson packs: export and import (scoped: one context per export or import). Needs AddCatalog, AddMedia.</summary>
    public static IServiceCollection AddPacks(this IServiceCollection services)
    {
        services.AddScoped<PackImporter>();
        services.AddScoped<PackExporter>();
        return services;
    }
}
