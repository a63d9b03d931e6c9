using HoaHung.Learning.Markdown;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Markdown;

public sealed class MarkdownModuleTests
{
    [Fact]
    public void Lesson_markdown_is_one_shared_instance_with_or_without_logging()
    {
        foreach (var services in new[] { new ServiceCollection(), new ServiceCollection().AddLogging() })
        {
            using var provider = services.AddLessonMarkdown().BuildServiceProvider();

            Assert.Same(provider.GetRequiredService<LessonMarkdown>(), provider.GetRequiredService<LessonMarkdown>());
        }
    }
}
