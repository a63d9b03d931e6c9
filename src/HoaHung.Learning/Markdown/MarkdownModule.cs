using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Markdown;

public static class MarkdownModule
{
    public static IServiceCollection AddLessonMarkdown(this IServiceCollection services) =>
        services.AddSingleton<LessonMarkdown>();
}
