using System.Diagnostics;

namespace HoaHung.Learning.Tests.Markdown;

/// <summary>Any text renders, in bounded time, without throwing. Sizes are the 1 MB the import accepts.</summary>
public sealed class PathologicalInputTests
{
    private const int OneMegabyte = 1024 * 1024;

    // Generous: the point is minutes versus seconds (Markdig alone needs minutes for some of these).
    // A guard against runaway (exponential) parsing, not a speed target: generous enough for a loaded machine.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Inputs() => new()
    {
        "10,000 '>'",
        "10,000 '['",
        "10,000 nested lists",
        "unclosed links",
        "unclosed link titles",
        "unclosed images",
        "bracket-paren pattern",
        "unclosed emphasis",
        "setext underlines",
        "link reference definitions",
        "one reference used everywhere",
        "long backtick runs",
        "one long line",
        "many callouts",
        "wide table",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Pathological_input_renders_without_throwing_in_bounded_time(string name)
    {
        var markdown = Generate(name);

        var stopwatch = Stopwatch.StartNew();
        var rendered = await Task.Run(() => Render.Markdown(markdown), TestContext.Current.CancellationToken)
            .WaitAsync(Budget, TestContext.Current.CancellationToken);

        Assert.NotNull(rendered.Html);
        Assert.True(stopwatch.Elapsed < Budget, $"{name} took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Deeply_nested_quotes_fall_back_to_the_escaped_text_in_one_paragraph()
    {
        var markdown = new string('>', 10_000) + " <script>alert(1)</script>";

        var rendered = Render.Markdown(markdown);

        Assert.Equal($"<p>{new string('>', 10_000).Replace(">", "&gt;")} &lt;script&gt;alert(1)&lt;/script&gt;</p>", rendered.Html);
        Assert.Empty(rendered.MissingFiles);
    }

    [Fact]
    public async Task Realistic_one_megabyte_lesson_renders_as_markdown()
    {
        var section = "## Bước\n\nMở **VNeID** và xem [hướng dẫn](https://dichvucong.gov.vn).\n\n![Màn hình](a.png)\n\n| Cột | Giá |\n|---|---|\n| a | 1 |\n\n";
        var markdown = Repeat(section, OneMegabyte / section.Length);

        var rendered = await Task.Run(() => Render.Markdown(markdown, "a.png"), TestContext.Current.CancellationToken)
            .WaitAsync(Budget, TestContext.Current.CancellationToken);

        Assert.StartsWith("<h2 id=\"buoc\">Bước</h2>", rendered.Html);
        Assert.Contains("<figure class=\"lesson-figure\">", rendered.Html);
    }

    // Named cases: test runners that key theory rows by display name would merge "a\uD800b" and "a\uDC00b".
    public static TheoryData<string> BrokenText() => new()
    {
        "lone high surrogate",
        "lone low surrogate",
        "lone surrogates in a link, an image and its path",
        "lone surrogates in a heading and a callout title",
        "NUL characters everywhere",
        "byte order mark, zero-width space, right-to-left override, noncharacter",
    };

    [Theory]
    [MemberData(nameof(BrokenText))]
    public void Invalid_utf16_and_nul_characters_render(string name)
    {
        var markdown = name switch
        {
            "lone high surrogate" => "a\uD800b",
            "lone low surrogate" => "a\uDC00b",
            "lone surrogates in a link, an image and its path" => "[x](\uD800) ![\uDFFF](\uD83D.png)",
            "lone surrogates in a heading and a callout title" => "## \uD800\n\n:::tip \uDC00\nx\n:::",
            "NUL characters everywhere" => "\0\0\0 [\0](\0) ![\0](\0.png)",
            _ => "\uFEFF\u200B\u202E\uFFFF",
        };

        var rendered = Render.Markdown(markdown);

        Assert.DoesNotContain('\0', rendered.Html);
        Assert.True(IsValidUtf16(rendered.Html));
        Assert.True(IsValidUtf16(rendered.PlainText));
    }

    [Fact]
    public void Valid_surrogate_pairs_are_kept()
    {
        Assert.Equal("<p>Xin chào 👋</p>\n", Render.Html("Xin chào 👋"));
    }

    [Fact]
    public void Local_references_of_pathological_input_are_empty_not_an_exception()
    {
        Assert.Empty(Render.Lesson.LocalReferences(new string('>', 10_000) + " ![a](b.png)"));
        Assert.Empty(Render.Lesson.LocalReferences(Repeat("[a](b", 200_000)));
    }

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    private static string Generate(string name) => name switch
    {
        "10,000 '>'" => new string('>', 10_000) + " x",
        "10,000 '['" => new string('[', 10_000) + "x" + new string(']', 10_000) + "(y)",
        "10,000 nested lists" => string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', i % 400 * 2) + "- x\n")),
        "unclosed links" => Repeat("[a](b", OneMegabyte / 5),
        "unclosed link titles" => Repeat("[a](b (", OneMegabyte / 7),
        "unclosed images" => Repeat("![a](b", OneMegabyte / 6),
        "bracket-paren pattern" => Repeat("[ (](", OneMegabyte / 5),
        "unclosed emphasis" => Repeat("*a **b _c ", OneMegabyte / 10),
        "setext underlines" => Repeat("a\n=\n", OneMegabyte / 4),
        "link reference definitions" => Repeat("[a]: /u\n", OneMegabyte / 8),
        "one reference used everywhere" => "[x]: /" + new string('x', 20_000) + "\n\n" + Repeat("[x] ", (OneMegabyte - 20_000) / 4),
        "long backtick runs" => string.Concat(Enumerable.Range(1, 1_400).Select(i => "e" + new string('`', i))),
        "one long line" => new string('a', OneMegabyte),
        "many callouts" => Repeat(":::tip\nx\n:::\n", OneMegabyte / 14),
        "wide table" => Repeat("a|", 5_000) + "\n" + Repeat("-|", 5_000) + "\n" + Repeat("x\n", (OneMegabyte - 20_000) / 2),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
