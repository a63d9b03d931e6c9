using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace HoaHung.Learning.Markdown;

internal static class LessonPipeline
{
    /// <summary>
    /// Deliberately small. No generic attributes (authors could set any attribute), no raw HTML
    /// (shown as text), only ~~strikethrough~~ of the emphasis extras (the sanitizer allows del, not
    /// sub/sup/ins/mark). Heading ids are made by <see cref="HeadingOutline"/>, which, unlike
    /// Markdig's auto identifiers, keeps "đ" as "d".
    /// </summary>
    public static MarkdownPipeline Build() =>
        new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            .UseCustomContainers()
            .Build();
}
