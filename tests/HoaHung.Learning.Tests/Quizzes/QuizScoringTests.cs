using HoaHung.Learning.Quizzes;

namespace HoaHung.Learning.Tests.Quizzes;

public sealed class QuizScoringTests
{
    private static readonly QuizOption Right = new("Đúng", true), Wrong = new("Sai", false), AlsoRight = new("Cũng đúng", true);

    [Fact]
    public void Single_choice_scores_only_the_right_option()
    {
        var q = new SingleChoiceQuestion("?", "vì", [Wrong, Right, new QuizOption("Khác", false)]);
        Assert.Equal(Marked.Right, QuizScoring.Mark(q, QuizResponse.Choice(1)));
        Assert.Equal(Marked.Wrong, QuizScoring.Mark(q, QuizResponse.Choice(0)));
        Assert.Equal(Marked.Wrong, QuizScoring.Mark(q, QuizResponse.Choice(0, 1)));
        Assert.Equal(Marked.Wrong, QuizScoring.Mark(q, QuizResponse.Choice(7)));
        Assert.Equal(Marked.Wrong, QuizScoring.Mark(q, QuizResponse.Choice()));
    }

    [Fact]
    public void Image_choice_scores_like_single_choice()
    {
        var q = new ImageChoiceQuestion("?", "vì", [Right with { Image = "a.png" }, Wrong with { Image = "b.png" }]);
        Assert.True(QuizScoring.Mark(q, QuizResponse.Choice(0)).Correct);
        Assert.Equal(0, QuizScoring.Mark(q, QuizResponse.Choice(1)).Credit);
    }

    [Fact]
    public void True_false_compares_with_the_answer()
    {
        var q = new TrueFalseQuestion("Đọc mã OTP cho người xưng là công an là an toàn.", "vì", Answer: false);
        Assert.Equal(Marked.Right, QuizScoring.Mark(q, QuizResponse.Choice(1)));
        Assert.Equal(Marked.Wrong, QuizScoring.Mark(q, QuizResponse.Choice(0)));
        Assert.Equal(Marked.Wrong, QuizScoring.Mark(q, QuizResponse.Choice(0, 1)));
    }

    [Theory]
    [InlineData(new[] { 0, 2 }, 1.0, true)]
    [InlineData(new[] { 0 }, 0.5, false)]
    [InlineData(new[] { 0, 1 }, 0.0, false)]      // one right, one wrong: cancels out
    [InlineData(new[] { 0, 1, 2 }, 0.5, false)]   // both right plus one wrong
    [InlineData(new[] { 1 }, 0.0, false)]         // never below zero
    [InlineData(new int[0], 0.0, false)]
    public void Multiple_choice_gives_partial_credit_right_picks_minus_wrong_picks(int[] picked, double credit, bool correct)
    {
        var q = new MultipleChoiceQuestion("?", "vì", [Right, Wrong, AlsoRight]);
        var marked = QuizScoring.Mark(q, QuizResponse.Choice(picked));
        Assert.Equal(credit, marked.Credit, 3);
        Assert.Equal(correct, marked.Correct);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4 }, 1.0, true)]
    [InlineData(new[] { 1, 0, 2, 3, 4 }, 0.5, false)]   // first two swapped: 2 of 4 neighbour pairs kept (2→3, 3→4)
    [InlineData(new[] { 4, 0, 1, 2, 3 }, 0.75, false)]  // last step moved to the front: the other four still follow each other
    [InlineData(new[] { 4, 3, 2, 1, 0 }, 0.0, false)]   // reversed: no pair in sequence
    [InlineData(new[] { 0, 2, 1, 4, 3 }, 0.0, false)]
    [InlineData(new[] { 0, 1, 2, 3 }, 0.0, false)]      // a step missing: not a valid order
    [InlineData(new[] { 0, 0, 1, 2, 3 }, 0.0, false)]   // a step twice
    public void Ordering_gives_credit_for_each_neighbouring_pair_in_sequence_and_is_right_only_when_fully_ordered(int[] order, double credit, bool correct)
    {
        var q = new OrderingQuestion("Xếp thứ tự", "vì", ["Mở", "Chọn", "Gõ", "Bấm", "Xong"]);
        var marked = QuizScoring.Mark(q, QuizResponse.Choice(order));
        Assert.Equal(credit, marked.Credit, 3);
        Assert.Equal(correct, marked.Correct);
    }

    [Theory]
    [InlineData("Đăng ký", true)]
    [InlineData("dang ky", true)]
    [InlineData("ĐĂNG KÝ", true)]
    [InlineData("  dang   ky. ", true)]
    [InlineData("dangky", true)]
    [InlineData("Dang ki", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    public void Short_text_matches_after_folding_case_diacritics_and_spaces(string typed, bool right)
    {
        var q = new ShortTextQuestion("?", "vì", ["đăng ký"]);
        Assert.Equal(right, QuizScoring.Mark(q, QuizResponse.Typed(typed)).Correct);
    }

    [Fact]
    public void Short_text_folds_d_with_stroke_and_accepts_any_of_the_answers()
    {
        var q = new ShortTextQuestion("?", "vì", ["Định danh điện tử", "VNeID"]);
        Assert.True(QuizScoring.Mark(q, QuizResponse.Typed("dinh danh dien tu")).Correct);
        Assert.True(QuizScoring.Mark(q, QuizResponse.Typed("vneid")).Correct);
        Assert.True(QuizScoring.Mark(q, QuizResponse.Typed("VN eID")).Correct);
        Assert.Equal("dinhdanhdientu", QuizScoring.Fold("ĐỊNH DANH điện tử!"));
    }

    [Theory]
    [InlineData(6, 6, 70, 100, true)]
    [InlineData(4.2, 6, 70, 70, true)]
    [InlineData(4.19, 6, 70, 69, false)]
    [InlineData(0, 6, 70, 0, false)]
    public void Total_is_a_whole_percent_rounded_down_and_passes_at_the_pass_mark(double credits, int questions, int passMark, int percent, bool passed) =>
        Assert.Equal((percent, passed), QuizScoring.Total(credits, questions, passMark));

    [Fact]
    public void Thirds_of_a_point_add_up_to_a_full_score_despite_floating_point() =>
        Assert.Equal((100, true), QuizScoring.Total(1.0 / 3 + 1.0 / 3 + 1.0 / 3 + 5, 6, 100));

    [Fact]
    public void Shuffles_are_stable_per_seed_and_ordering_steps_never_start_in_order()
    {
        Assert.Equal(QuizShuffle.Order(42, 3, 8, true), QuizShuffle.Order(42, 3, 8, true));
        Assert.Equal([0, 1, 2, 3], QuizShuffle.Order(42, 3, 4, false));
        Assert.Contains(Enumerable.Range(0, 50), seed => !QuizShuffle.Order(seed, 1, 5, true).SequenceEqual(QuizShuffle.Order(seed + 1, 1, 5, true)));
        for (var seed = 0; seed < 500; seed++)
        {
            var steps = QuizShuffle.Steps(seed, 2, 2);
            Assert.Equal([1, 0], steps);
            Assert.False(QuizShuffle.Steps(seed, 1, 5).SequenceEqual([0, 1, 2, 3, 4]));
        }
    }

    [Fact]
    public void A_definition_survives_its_JSON_round_trip()
    {
        var quiz = new QuizDefinition("Kiểm tra", 70, true, true, 3, false, [
            new SingleChoiceQuestion("a", "b", [Right, Wrong with { Feedback = "Vì sao sai" }]),
            new MultipleChoiceQuestion("a", "b", [Right, AlsoRight, Wrong]),
            new TrueFalseQuestion("a", "b", true, "x", null),
            new OrderingQuestion("a", "b", ["1", "2"]),
            new ImageChoiceQuestion("a", "b", [Right with { Image = "a.png" }, Wrong with { Image = "b.png" }]),
            new ShortTextQuestion("a", "b", ["otp"], "Sai rồi"),
        ]);
        var back = QuizDefinition.FromJson(quiz.ToJson())!;
        Assert.Equal(quiz.Questions.Select(q => q.Kind), back.Questions.Select(q => q.Kind));
        Assert.Equal("Vì sao sai", ((SingleChoiceQuestion)back.Questions[0]).Options[1].Feedback);
        Assert.Equal(["a.png", "b.png"], back.Pictures);
        Assert.Equal((70, 3, false), (back.PassMark, back.MaxAttempts, back.ShowAnswers));
    }
}
