using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Checks;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>The checks for older readers: each names its reason and its line, and says whether it blocks "Gửi duyệt".</summary>
public sealed class ReadingChecksTests
{
    private static readonly Dictionary<string, MediaKind> Library = new()
    {
        ["buoc-1.jpg"] = MediaKind.Image,
        ["buoc-2.png"] = MediaKind.Image,
        ["huong-dan.mp4"] = MediaKind.Video,
        ["huong-dan.vi.vtt"] = MediaKind.Captions,
        ["khong-phu-de.mp4"] = MediaKind.Video,
    };

    private static IReadOnlyList<LessonIssue> Check(string body, string summary = "Bài này giúp bạn làm một việc.", Dictionary<string, MediaKind>? library = null) =>
        ReadingChecks.Run(new LessonContent { Title = "Bài thử", Summary = summary, Body = body }, library ?? Library);

    private static string Words(int n, string word = "chữ") => string.Join(' ', Enumerable.Repeat(word, n));

    [Fact]
    public void A_clear_lesson_has_nothing_to_say()
    {
        var body = """
            ## Chuẩn bị

            Bạn cần một chiếc điện thoại. Hãy mở ứng dụng VNeID.

            :::steps
            1. Mở ứng dụng.

               ![Màn hình chính của VNeID với nút Đăng nhập](buoc-1.jpg)

            2. Bấm nút [Đăng nhập](https://vneid.gov.vn).

               ![Ô nhập số định danh cá nhân](buoc-2.png)
            :::

            ### Xem video

            ![Video hướng dẫn](huong-dan.mp4)
            """;
        Assert.Empty(Check(body));
    }

    [Fact]
    public void A_picture_without_a_description_blocks_and_names_its_line()
    {
        var issue = Assert.Single(Check("Đoạn một.\n\nĐoạn hai.\n\n![](buoc-1.jpg)\n"));
        Assert.Equal((IssueKeys.PictureWithoutDescription, true, 5, "buoc-1.jpg"), (issue.Key, issue.Blocks, issue.Line, issue.Detail));
    }

    [Theory]
    [InlineData("ảnh")]
    [InlineData("Hình ảnh")]
    [InlineData("IMG_2034.jpg")]
    [InlineData("screenshot")]
    public void A_description_that_says_nothing_is_a_warning(string alt)
    {
        var issue = Assert.Single(Check($"![{alt}](buoc-1.jpg)"));
        Assert.Equal((IssueKeys.PictureVagueDescription, false, 1), (issue.Key, issue.Blocks, issue.Line));
    }

    [Fact]
    public void A_step_without_a_picture_is_a_warning_on_its_own_line()
    {
        var body = ":::steps\n1. Mở ứng dụng.\n\n   ![Màn hình chính](buoc-1.jpg)\n\n2. Bấm nút Đăng ký.\n3. Chờ tin nhắn.\n:::\n";
        var issues = Check(body);
        Assert.Equal([(IssueKeys.StepWithoutPicture, 6, 2), (IssueKeys.StepWithoutPicture, 7, 3)],
            issues.Select(i => (i.Key, i.Line!.Value, i.Args![0])));
        Assert.All(issues, i => Assert.False(i.Blocks));
    }

    [Fact]
    public void A_sentence_over_25_words_is_found_on_the_line_where_it_starts()
    {
        var body = $"Câu đầu ngắn. Câu thứ hai\n{Words(30)} dài quá.\n";
        var issue = Assert.Single(Check(body));
        Assert.Equal((IssueKeys.LongSentence, false, 1, 35), (issue.Key, issue.Blocks, issue.Line, issue.Args![0]));

        var second = Assert.Single(Check($"Câu đầu ngắn.\nMột {Words(30)}.\n"));
        Assert.Equal(2, second.Line);
    }

    [Fact]
    public void A_sentence_of_exactly_25_words_passes()
    {
        Assert.Empty(Check(Words(25) + "."));
        Assert.Equal(26, Assert.Single(Check(Words(26) + ".")).Args![0]);
    }

    [Fact]
    public void Abbreviations_of_addresses_and_titles_do_not_end_a_sentence()
    {
        // 14 + 14 words: one sentence of 28 if "TP." and "P." are read as abbreviations, two short ones otherwise.
        var body = $"Ủy ban {Words(10)} ở TP. Hồ Chí Minh, P. Hòa Hưng, gặp ThS. Lan và ông Nguyễn V. An {Words(4)}.";
        var issue = Assert.Single(Check(body));
        Assert.Equal(IssueKeys.LongSentence, issue.Key);
    }

    [Fact]
    public void Question_and_exclamation_marks_and_numbers_are_handled()
    {
        // Each sentence is 15 words; 1.000.000 is one word and its dots end nothing; "?" and "!" end a sentence
        // whatever follows, "." only before a word that does not start in lower case.
        var body = $"{Words(13)} 1.000.000 đồng? {Words(14)}! Một {Words(13)} đây. Hai {Words(14)}.";
        Assert.Empty(Check(body));
        Assert.Equal(29, Assert.Single(Check($"{Words(14)}. {Words(15)}.")).Args![0]);
    }

    [Fact]
    public void A_paragraph_over_80_words_is_a_warning()
    {
        var body = string.Join(' ', Enumerable.Range(0, 9).Select(_ => "Một " + Words(8) + "."));
        var issue = Assert.Single(Check(body));
        Assert.Equal((IssueKeys.LongParagraph, 81, false), (issue.Key, issue.Args![0], issue.Blocks));
    }

    [Fact]
    public void Picture_descriptions_and_link_addresses_are_not_counted_as_words_of_the_sentence()
    {
        var body = $"{Words(20)} ![{Words(20, "mô")}](buoc-1.jpg) xem [{Words(3)}](https://example.com/a/b/c).";
        Assert.Empty(Check(body));
    }

    [Fact]
    public void Headings_that_skip_a_level_are_flagged_with_the_level_to_use()
    {
        var issues = Check("## Một\n\n#### Bốn\n\n## Hai\n\n### Ba\n");
        var issue = Assert.Single(issues);
        Assert.Equal((IssueKeys.HeadingSkipsLevel, 3, 4, 3), (issue.Key, issue.Line!.Value, issue.Args![0], issue.Args[1]));

        // A body that starts at "#" is moved down one level, as the public page does: # then ## is in order.
        Assert.Empty(Check("# Một\n\n## Hai\n"));
        Assert.Equal(1, Assert.Single(Check("### Bắt đầu ở cấp ba\n")).Line);
    }

    [Theory]
    [InlineData("bấm vào đây")]
    [InlineData("Tại đây")]
    [InlineData("click here")]
    [InlineData("XEM THÊM")]
    public void Link_text_that_says_nothing_is_a_warning(string text)
    {
        var issue = Assert.Single(Check($"Để đăng ký, [{text}](https://dichvucong.gov.vn)."));
        Assert.Equal((IssueKeys.VagueLinkText, false, 1), (issue.Key, issue.Blocks, issue.Line));
    }

    [Fact]
    public void An_empty_summary_blocks_and_points_at_its_field()
    {
        var issue = Assert.Single(Check("Nội dung.", summary: "  "));
        Assert.Equal((IssueKeys.EmptySummary, true, IssueFields.Summary, null), (issue.Key, issue.Blocks, issue.Field, issue.Line));
    }

    [Fact]
    public void A_video_without_captions_blocks_in_the_body_and_in_the_metadata()
    {
        var body = Assert.Single(Check("Xem:\n\n![Video](khong-phu-de.mp4)"));
        Assert.Equal((IssueKeys.VideoWithoutCaptions, true, 3), (body.Key, body.Blocks, body.Line));

        var content = new LessonContent { Summary = "Tóm tắt.", Body = "Xem video.", VideoPath = "khong-phu-de.mp4" };
        var field = Assert.Single(ReadingChecks.Run(content, Library));
        Assert.Equal((IssueKeys.VideoWithoutCaptions, true, IssueFields.Video), (field.Key, field.Blocks, field.Field));
        Assert.Empty(ReadingChecks.Run(content with { VideoPath = "huong-dan.mp4", CaptionsPath = "huong-dan.vi.vtt" }, Library));
    }

    [Fact]
    public void A_picture_that_is_not_in_the_lesson_library_blocks()
    {
        var issue = Assert.Single(Check("![Màn hình đăng nhập](chua-tai-len.png)"));
        Assert.Equal((IssueKeys.MissingFile, true, "chua-tai-len.png"), (issue.Key, issue.Blocks, issue.Detail));
        Assert.Equal(IssueKeys.MissingFile, Assert.Single(Check("![Tệp ngoài](../../etc/passwd.png)")).Key);
    }

    [Fact]
    public void A_youtube_video_needs_no_captions_file()
    {
        Assert.Empty(Check("![Xem video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"));
    }
}
