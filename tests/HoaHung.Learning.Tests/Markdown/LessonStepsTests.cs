using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

/// <summary>A lesson's steps as plain text for a chat reply (issue 23 item 2).</summary>
public sealed class LessonStepsTests
{
    private static readonly LessonMarkdown Markdown = new();

    [Fact]
    public void Steps_are_the_items_of_the_steps_block_without_markup_pictures_or_addresses()
    {
        const string body = """
            Giới thiệu với [một liên kết](https://example.com).

            1. Danh sách khác, không phải các bước.

            :::steps
            1. Mở ứng dụng **VNeID**. Bấm nút "Đăng ký".

               ![Màn hình đầu tiên của VNeID](buoc-1.png)

            2. Xem bài [Cài ứng dụng VNeID](/bai-hoc/cai-dat-vneid) rồi _quay lại_.
            3. Gõ <b>số</b> định danh &amp; mật khẩu, `123456`.
            4. Bốn.
            5. Năm.
            6. Sáu.
            :::
            """;
        var steps = Markdown.Steps(body, 5, 200);
        Assert.Equal(["Mở ứng dụng VNeID. Bấm nút \"Đăng ký\".", "Xem bài Cài ứng dụng VNeID rồi quay lại.",
            "Gõ số định danh & mật khẩu, 123456.", "Bốn.", "Năm."], steps);
    }

    [Fact]
    public void Without_a_steps_block_the_first_numbered_list_counts_and_long_steps_are_cut_at_a_word()
    {
        var longStep = string.Join(' ', Enumerable.Repeat("từ", 150));
        var steps = Markdown.Steps($"- một gạch\n\n1. {longStep}\n2. Hai\n", 5, 200);
        Assert.Equal(2, steps.Count);
        Assert.True(steps[0].Length <= 200, steps[0].Length.ToString());
        Assert.EndsWith("từ…", steps[0]);
        Assert.Equal("Hai", steps[1]);
        Assert.Empty(Markdown.Steps("Chỉ có một đoạn văn.", 5, 200));
        Assert.Empty(Markdown.Steps("", 5, 200));
    }
}
