using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;

namespace HoaHung.Learning.Web.Studio;

/// <summary>The authoring studio in the site: its services (pages and endpoints use <see cref="Policies.CanAuthor"/>).</summary>
public static class StudioHosting
{
    /// <summary>The longest body (LessonContent.MaxBodyLength characters) as UTF-8 JSON, Vietnamese letters taking 3 bytes.</summary>
    public const long MaxCircuitMessageBytes = 2 * 1024 * 1024;

    public static IServiceCollection AddSiteStudio(this IServiceCollection services)
    {
        services.AddStudio();
        services.AddReview();
        services.AddSingleton<Packs.PackWords>();
        services.AddScoped<Review.CircuitSeats>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<Review.CircuitSeats>());
        // The editor sends the lesson body (up to 512 K characters) over the circuit after a pause in typing; the
        // hub's 32 KB default would drop the connection of anyone writing a long lesson.
        services.AddServerSideBlazor().AddHubOptions(o => o.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        return services;
    }
}
