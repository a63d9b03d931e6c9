using HoaHung.Learning.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Renditions;

public static class RenditionsModule
{
    /// <summary>Read-aloud audio and light videos made in the background after each catalog change. Needs AddCatalog and AddMedia.</summary>
    public static IServiceCollection AddRenditions(this IServiceCollection services)
    {
        services.AddSingleton<MediaWork>();
        services.AddSingleton<ICatalogChanged>(sp => sp.GetRequiredService<MediaWork>());
        services.AddHostedService(sp => sp.GetRequiredService<MediaWork>());
        return services;
    }
}
