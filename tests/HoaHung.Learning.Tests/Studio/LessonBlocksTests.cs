using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>
/// The studio's cards read a lesson's Markdown into blocks and write it back; Markdown stays the storage and pack
/// format, so what residents see must not change by going through the cards.
/// </summary>
public sealed class LessonBlocksTests
{
    private static readonly LessonMarkdown Markdown = new();
    private static readonly ContentSet Library = new ContentReader(Markdown).Read(TestEnvironment.ContentDirectory);

    /// <summary>Every file resolves to a fixed picture and video, so the HTML compares the Markdown's meaning alone.</summary>
    private sealed class AnyFile : ILessonAssets
    {
        public ImageAsset? Image(string path) => new($"/m/{path}", 100, 200, [new ImageSource(100, $"/m/{path}.webp")]);
        public VideoAsset? Video(string path) => new($"/m/{path}", "video/mp4", null, null);
    }

    private static string Html(string body) => Markdown.Render(body, new AnyFile()).Html;

    [Fact]
    public void Every_seed_lesson_renders_the_same_after_a_trip_through_the_cards()
    {
        Assert.True(Library.Lessons.Count >= 24);
        var differ = new List<string>();
        foreach (var lesson in Library.Lessons)
        {
            var blocks = LessonBlocks.Read(lesson.Content.Body);
            var written = LessonBlocks.Write(blocks);
            if (Html(written) != Html(lesson.Content.Body))
                differ.Add($"{lesson.Slug}:\n{written}");
            // Written twice, the same: a card view that is only looked at never changes the stored text.
            Assert.Equal(written, LessonBlocks.Write(LessonBlocks.Read(written)));
        }
        Assert.True(differ.Count == 0, string.Join("\n---\n", differ));
    }

    [Fact]
    public void Every_step_of_every_seed_tutorial_is_one_card_and_its_picture_is_inside_it()
    {
        var stepped = Library.Lessons.Where(l => l.Content.Body.Contains(":::steps", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stepped);
        foreach (var lesson in stepped)
        {
            var steps = LessonBlocks.Read(lesson.Content.Body).Where(b => b.Kind == BlockKind.Steps).SelectMany(b => b.Steps).ToList();
            Assert.NotEmpty(steps);
            Assert.DoesNotContain(steps, s => s.Text.Contains("![", StringComparison.Ordinal) && s.PicturePath is null);
        }
        var wifi = LessonBlocks.Read(Library.Lessons.Single(l => l.Slug == "ket-noi-wi-fi").Content.Body);
        var first = wifi.Single(b => b.Kind == BlockKind.Steps).Steps[0];
        Assert.Equal("Trên màn hình chính, tìm biểu tượng **Cài đặt** hình bánh răng. Bấm vào đó.", first.Text);
        Assert.Equal("buoc-1.png", first.PicturePath);
        Assert.StartsWith("Màn hình chính của điện thoại.", first.PictureDescription, StringComparison.Ordinal);
        Assert.Equal("Nếu không thấy, hãy vuốt màn hình sang trái hoặc vuốt lên để tìm.", first.After);
        Assert.Contains(wifi, b => b.Kind == BlockKind.Callout && b.Callout == "note" && b.Title == "Mỗi điện thoại hơi khác nhau");
        Assert.Contains(wifi, b => b.Kind == BlockKind.Heading && b.Text == "Các bước" && b.Level == 2);
    }

    [Fact]
    public void Four_new_steps_with_pictures_become_one_numbered_list_with_a_picture_inside_each_step()
    {
        var steps = new LessonBlock { Kind = BlockKind.Steps };
        for (var i = 1; i <= 4; i++)
            steps.Steps.Add(new LessonStep { Text = $"Việc thứ {i}", PicturePath = $"anh-{i}.png", PictureDescription = $"Màn hình bước {i} [nút \"Tiếp\"]" });
        var html = Html(LessonBlocks.Write([new LessonBlock { Kind = BlockKind.Paragraph, Text = "Mở đầu." }, steps]));

        Assert.Equal(1, Count(html, "<ol"));
        Assert.Equal(4, Count(html, "<li"));
        var items = html.Split("<li")[1..];
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains($"Việc thứ {i + 1}", items[i], StringComparison.Ordinal);
            Assert.Contains($"anh-{i + 1}.png", items[i], StringComparison.Ordinal);
            Assert.Contains($"Màn hình bước {i + 1} [nút &quot;Tiếp&quot;]", items[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_picture_put_between_steps_goes_into_the_step_before_it_so_the_steps_count_one_to_four()
    {
        const string broken = ":::steps\n1. Một\n\n![Ảnh một](a.png)\n\n1. Hai\n\n![Ảnh hai](b.png)\n\n1. Ba\n2. Bốn\n:::\n";
        var steps = Assert.Single(LessonBlocks.Read(broken)).Steps;
        Assert.Equal(["Một", "Hai", "Ba", "Bốn"], steps.Select(s => s.Text));
        Assert.Equal(["a.png", "b.png", null, null], steps.Select(s => s.PicturePath));
        var html = Html(LessonBlocks.Write(LessonBlocks.Read(broken)));
        Assert.Equal(1, Count(html, "<ol"));
        Assert.Equal(4, Count(html, "<li"));
    }

    [Theory]
    [InlineData(":::")]
    [InlineData(":::warning")]
    [InlineData("  :::steps")]
    public void Typed_words_cannot_close_or_open_a_block(string typed)
    {
        var blocks = new List<LessonBlock>
        {
            new() { Kind = BlockKind.Steps, Steps = [new LessonStep { Text = $"Bấm nút\n{typed}" }, new LessonStep { Text = "Xong" }] },
            new() { Kind = BlockKind.Callout, Callout = "tip", Text = $"Mẹo\n{typed}" },
            new() { Kind = BlockKind.Paragraph, Text = typed },
        };
        var read = LessonBlocks.Read(LessonBlocks.Write(blocks));
        Assert.Equal([BlockKind.Steps, BlockKind.Callout, BlockKind.Paragraph], read.Select(b => b.Kind));
        Assert.Equal(2, read[0].Steps.Count);
        Assert.Equal("Xong", read[0].Steps[1].Text);
    }

    [Fact]
    public void Blocks_know_the_lines_they_came_from()
    {
        var blocks = LessonBlocks.Read("Mở đầu.\n\n## Các bước\n\n:::steps\n1. Một\n\n   ![Ảnh](a.png)\n\n2. Hai\n:::\n");
        Assert.Equal([(1, 1), (3, 3), (5, 11)], blocks.Select(b => (b.FirstLine, b.LastLine)));
        Assert.Equal([(6, 8), (10, 10)], blocks[2].Steps.Select(s => (s.FirstLine, s.LastLine)));
    }

    [Fact]
    public void Empty_cards_write_nothing_and_an_empty_body_has_no_blocks()
    {
        Assert.Empty(LessonBlocks.Read(""));
        Assert.Equal("", LessonBlocks.Write([new LessonBlock { Kind = BlockKind.Paragraph }, new LessonBlock { Kind = BlockKind.Heading }]));
    }

    private static int Count(string html, string what)
    {
        var n = 0;
        for (var i = html.IndexOf(what, StringComparison.Ordinal); i >= 0; i = html.IndexOf(what, i + 1, StringComparison.Ordinal))
            n++;
        return n;
    }
}
