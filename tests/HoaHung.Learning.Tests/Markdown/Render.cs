using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

/// <summary>One shared renderer, as in the app (a singleton).</summary>
internal static class Render
{
    public static LessonMarkdown Lesson { get; } = new();

    public static RenderedMarkdown Markdown(string markdown, params string[] files) =>
        Lesson.Render(markdown, new FakeLessonAssets(files));

    public static string Html(string markdown, params string[] files) => Markdown(markdown, files).Html;
}
