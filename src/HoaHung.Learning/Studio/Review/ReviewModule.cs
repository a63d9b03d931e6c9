using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Studio.Review;

public static class ReviewModule
{
    /// <summary>
    /// Review and publishing: singletons with a context (or scope) per operation, for Interactive Server pages, and the
    /// scheduled publisher. Needs AddStudio, AddCatalog and AddSearch.
    /// </summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LessonPublisher>();
        services.AddSingleton<Reviews>();
        services.AddSingleton<RevisionHistory>();
        services.AddSingleton<EditorPresence>();
        services.AddSingleton<ScheduledPublishing>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublishing>());
        return services;
    }
}
