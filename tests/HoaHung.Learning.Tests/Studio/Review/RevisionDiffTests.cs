using HoaHung.Learning.Catalog;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>The word-level diff itself: readable units, nothing lost, long unchanged text shortened.</summary>
public sealed class RevisionDiffTests
{
    [Theory]
    [InlineData("Bấm vào đây.", "Bấm nút Đăng ký.")]
    [InlineData("Dòng một.\nDòng hai.", "Dòng một.\n\nDòng hai đã sửa.")]
    [InlineData("", "Bài mới hoàn toàn.")]
    [InlineData("Xoá hết.", "")]
    public void Both_versions_can_be_read_back_from_the_segments(string older, string newer)
    {
        var segments = RevisionDiff.Words(older, newer);

        Assert.Equal(older, string.Concat(segments.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text)));
        Assert.Equal(newer, string.Concat(segments.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
    }

    [Fact]
    public void A_changed_word_on_a_line_shows_as_that_word_and_line_breaks_separate_words()
    {
        var segments = RevisionDiff.Words("Mở ứng dụng.\nBấm Đăng nhập.", "Mở ứng dụng.\nBấm Đăng ký.");

        Assert.Equal([new DiffSegment(DiffKind.Removed, "nhập"), new DiffSegment(DiffKind.Added, "ký")], segments.Where(s => s.Kind != DiffKind.Same));
    }

    [Fact]
    public void Long_unchanged_text_in_the_body_keeps_only_its_ends()
    {
        var filler = string.Join(' ', Enumerable.Repeat("chữ", 200));
        var segments = RevisionDiff.Words($"Đầu. {filler} Cuối cũ.", $"Đầu. {filler} Cuối mới.", shorten: true);

        Assert.Contains(" … ", segments[0].Text);
        Assert.True(segments[0].Text.Length < RevisionDiff.KeepContext + 10);
        Assert.Equal(["cũ"], segments.Where(s => s.Kind == DiffKind.Removed).Select(s => s.Text));
    }

    [Fact]
    public void Shortened_context_starts_and_ends_on_whole_words()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"từ{i}(pg)"));
        var segments = RevisionDiff.Words($"Mở đầu cũ. {filler} Kết thúc cũ.", $"Mở đầu mới. {filler} Kết thúc mới.", shorten: true);

        var middle = segments.Single(s => s.Kind == DiffKind.Same && s.Text.Contains(" … ", StringComparison.Ordinal)).Text;
        var words = filler.Split(' ').Concat([".", "Kết", "thúc"]).ToHashSet();
        var cut = middle.IndexOf(" … ", StringComparison.Ordinal);
        var kept = middle[..cut].Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(middle[(cut + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.True(kept.Count > 10);
        Assert.All(kept, w => Assert.Contains(w, words));
        Assert.Equal("pg", RevisionDiff.WholeWordsTo("abc pg", 2));
        Assert.Equal("abc", RevisionDiff.WholeWordsFrom("abc defgh", 6));
        Assert.Equal("defgh", RevisionDiff.WholeWordsTo("abc defgh", 7));
    }

    [Fact]
    public void The_quiz_compares_as_its_questions_and_right_answers()
    {
        QuizInput Quiz(bool firstIsRight) => new()
        {
            Title = "Ôn tập",
            Questions = [new QuestionInput { Type = "single", Text = "Có nên đọc mã OTP cho người lạ?", Options =
                [new OptionInput { Text = "Có", Correct = !firstIsRight }, new OptionInput { Text = "Không", Correct = firstIsRight }] }],
        };

        var fields = RevisionDiff.Compare(new LessonContent { Quiz = Quiz(false) }, new LessonContent { Quiz = Quiz(true) },
            new Dictionary<string, Guid>(), new Dictionary<string, Guid>());

        var quiz = Assert.Single(fields, f => f.Changed);
        Assert.Equal(DiffFields.Quiz, quiz.Field);
        Assert.Contains("Có nên đọc mã OTP cho người lạ?", string.Concat(quiz.Segments.Select(s => s.Text)));
    }
}
