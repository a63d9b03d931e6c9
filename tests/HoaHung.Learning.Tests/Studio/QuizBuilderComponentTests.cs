using AngleSharp.Dom;
using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Web.Studio;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>The quiz builder makes, question by question, the quiz a quiz.yml would give, checked as it is written.</summary>
public sealed class QuizBuilderComponentTests(StudioSqliteSite site) : IClassFixture<StudioSqliteSite>
{
    private static IElement Input(IRenderedComponent<QuizBuilderPanel> cut, string label) =>
        cut.FindAll("label").Single(l => l.TextContent.Trim() == label) is var l && l.GetAttribute("for") is { Length: > 0 } id
            ? cut.Find($"#{id}")
            : throw new InvalidOperationException($"No field labelled {label}");

    [Fact]
    public async Task A_quiz_written_in_the_builder_is_checked_as_it_is_written_and_previewed_as_residents_see_it()
    {
        var author = await site.AuthorAsync();
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        var model = new EditorModel { Title = "Bài về mã OTP" };
        var changes = 0;
        LibraryItem[] library = [new("hinh-a.png", MediaKind.Image, "Hình A", "/media/a.jpg", 360, 640, 10, false)];
        var cut = ctx.Render<QuizBuilderPanel>(p => p.Add(x => x.Model, model).Add(x => x.Library, library).Add(x => x.OnChanged, () => changes++));

        Taps.Tap(() => cut.Find(".studio-quiz__create"));

        Assert.NotNull(model.Quiz);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".studio-question__problem"), p => p.TextContent.Contains("thiếu nội dung câu hỏi")));

        Input(cut, "Câu hỏi").Change("Ngân hàng có hỏi mã OTP không?");
        Input(cut, "Giải thích").Change("Ngân hàng không bao giờ hỏi mã OTP.");
        Input(cut, "Lựa chọn 1").Change("Không bao giờ");
        Input(cut, "Lựa chọn 2").Change("Có");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".studio-question__problem")));

        Taps.Tap(() => cut.Find(".studio-quiz__add-true_false"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".studio-question").Count));
        Assert.Contains("Câu 2 · Đúng / sai", cut.FindAll(".studio-question__legend")[1].TextContent);

        var check = QuizBuilder.Check(model.Quiz!, model.Title, library.ToDictionary(i => i.Path, i => i.Kind));
        Assert.Equal([1], check.Problems.Select(p => p.Question!.Value).Distinct());
        var (fromFile, errors) = QuizFile.Read("questions:\n  - type: single\n    text: Ngân hàng có hỏi mã OTP không?\n"
            + "    explanation: Ngân hàng không bao giờ hỏi mã OTP.\n    options:\n      - { text: Không bao giờ, correct: true }\n      - { text: Có }\n",
            "Bài về mã OTP", _ => null);
        Assert.Empty(errors);
        model.Quiz!.Questions!.RemoveAt(1);
        Assert.Equal(fromFile!.ToJson(), QuizBuilder.Check(model.Quiz, model.Title, new Dictionary<string, MediaKind>()).Quiz!.ToJson());
        Assert.True(changes >= 6);

        cut.Render();
        cut.Find(".studio-quiz__footer input[type=checkbox]").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("Ngân hàng có hỏi mã OTP không?", cut.Find(".studio-quiz-preview").TextContent));
        Assert.Contains("Không bao giờ", cut.Find(".studio-quiz-preview .is-correct").TextContent);
    }
}
