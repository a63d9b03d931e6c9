using System.Globalization;
using Bunit;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Web.Quizzes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace HoaHung.Learning.Tests.Quizzes;

/// <summary>
/// What <see cref="QuestionView"/> renders for each kind of question, filled in the way a browser posts it, reads back
/// through <see cref="AnswerForm.Read"/> as the answer she gave: the form's names have one owner.
/// </summary>
public sealed class AnswerFormTests : BunitContext
{
    public AnswerFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    private static readonly ImageAsset Picture = new("/media/a.jpg", 40, 80, []);

    private static PlayerQuestion Unanswered(QuestionKind kind, params string[] options) =>
        new("Kiểm tra", 1, 6, kind, "Câu hỏi",
            options.Select((text, value) => new PlayerOption(value, text, kind == QuestionKind.Image ? Picture : null, false, null, null)).ToList(),
            null, false, 1);

    private IRenderedComponent<QuestionView> View(PlayerQuestion question) => Render<QuestionView>(p => p.Add(c => c.Question, question));

    /// <summary>A browser's post: each checked box or button, each select's chosen option, each text box's text.</summary>
    private static FormCollection Post(IEnumerable<(string Name, string Value)> fields) =>
        new(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f.Value).ToArray())));

    private (string, string)[] Pick(PlayerQuestion question, params int[] values)
    {
        var inputs = View(question).FindAll("input[type=radio], input[type=checkbox]");
        Assert.Equal(question.Options.Count, inputs.Count);
        return values.Select(v => inputs.Single(i => i.GetAttribute("value") == v.ToString(CultureInfo.InvariantCulture)))
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToArray();
    }

    [Fact]
    public void Single_choice_reads_back_the_one_picked_screen_position()
    {
        var question = Unanswered(QuestionKind.Single, "A", "B", "C");
        Assert.Equal([1], AnswerForm.Read(Post(Pick(question, 1)), question).Choices);
    }

    [Fact]
    public void Multiple_choice_reads_back_every_ticked_box()
    {
        var question = Unanswered(QuestionKind.Multiple, "A", "B", "C");
        Assert.Equal([0, 2], AnswerForm.Read(Post(Pick(question, 0, 2)), question).Choices);
        Assert.All(View(question).FindAll("input"), i => Assert.Equal("checkbox", i.GetAttribute("type")));
    }

    [Fact]
    public void True_false_reads_back_false_as_one()
    {
        var question = Unanswered(QuestionKind.TrueFalse, "", "");
        Assert.Equal([1], AnswerForm.Read(Post(Pick(question, 1)), question).Choices);
    }

    [Fact]
    public void Picture_choice_reads_back_the_picked_picture()
    {
        var question = Unanswered(QuestionKind.Image, "Hình A", "Hình B");
        Assert.Equal([0], AnswerForm.Read(Post(Pick(question, 0)), question).Choices);
    }

    [Fact]
    public void Ordering_reads_back_the_place_given_to_each_step_in_screen_order()
    {
        var question = Unanswered(QuestionKind.Ordering, "Ba", "Một", "Hai");
        var selects = View(question).FindAll("select");
        Assert.Equal(3, selects.Count);
        var places = new Dictionary<string, string> { ["Ba"] = "3", ["Một"] = "1", ["Hai"] = "2" };
        var fields = selects.Select(s => (s.GetAttribute("name")!, places[s.Closest("li")!.QuerySelector("label")!.TextContent.Trim()]));
        Assert.Equal([3, 1, 2], AnswerForm.Read(Post(fields), question).Choices);
    }

    [Fact]
    public void Ordering_left_untouched_posts_no_place_at_all()
    {
        // It starts unanswered (issue 12): sending the order as shown must not earn credit, so no place is chosen for her.
        var question = Unanswered(QuestionKind.Ordering, "Ba", "Một", "Hai");
        var selects = View(question).FindAll("select");
        var fields = selects.Select(s => (s.GetAttribute("name")!, s.QuerySelector("option[selected]")!.GetAttribute("value")!));
        Assert.Equal([0, 0, 0], AnswerForm.Read(Post(fields), question).Choices);
    }

    [Fact]
    public void Short_text_reads_back_what_she_typed_as_typed()
    {
        var question = Unanswered(QuestionKind.Text);
        var box = View(question).Find("input.quiz-text");
        Assert.Equal(QuizResponse.MaxTextLength.ToString(CultureInfo.InvariantCulture), box.GetAttribute("maxlength"));
        var posted = AnswerForm.Read(Post([(box.GetAttribute("name")!, "  Mã OTP ")]), question);
        Assert.Equal(("  Mã OTP ", 0), (posted.Text, posted.Choices.Count));
    }

    [Fact]
    public void Garbled_or_missing_fields_read_as_values_the_quiz_refuses()
    {
        var choice = Unanswered(QuestionKind.Single, "A", "B");
        Assert.Equal([-1], AnswerForm.Read(Post([(AnswerForm.Choice, "mot")]), choice).Choices);
        Assert.Empty(AnswerForm.Read(Post([]), choice).Choices);
        var ordering = Unanswered(QuestionKind.Ordering, "A", "B", "C");
        Assert.Equal([2, 0, 0], AnswerForm.Read(Post([(AnswerForm.Place(0), "2"), (AnswerForm.Place(1), "x")]), ordering).Choices);
        Assert.Null(AnswerForm.Read(Post([]), Unanswered(QuestionKind.Text)).Text);
    }
}
