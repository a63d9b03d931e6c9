using System.Text.RegularExpressions;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Quizzes;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>A resident takes every seed quiz on a phone, with JavaScript and without, and gets them all right.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuizTests(BrowserSite site)
{
    private static readonly ContentSet Library = new ContentReader(new LessonMarkdown()).Read(Path.Combine(BrowserSite.RepoRoot, "content"));

    public static TheoryData<string, bool> SeedQuizzes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var lesson in Library.Lessons.Where(l => l.QuizJson is not null))
        {
            data.Add(lesson.Slug, true);
            data.Add(lesson.Slug, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedQuizzes))]
    public async Task Every_seed_quiz_can_be_completed_on_a_phone(string slug, bool javaScript)
    {
        BrowserSite.RequireChromium();
        var quiz = QuizDefinition.FromJson(Library.Lessons.Single(l => l.Slug == slug).QuizJson)!;
        var page = await site.PhoneAsync(javaScript);
        await page.GotoAsync($"/bai-hoc/{slug}");
        await page.ClickAndWaitForUrlAsync(page.Locator(".quiz-teaser a"), $"**/bai-hoc/{slug}/kiem-tra");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(quiz.Title);
        await page.ClickAndWaitForUrlAsync(page.Locator("form.quiz-actions button"), $"**/bai-hoc/{slug}/kiem-tra/*/1");

        var kinds = new HashSet<QuestionKind>();
        for (var position = 1; position <= quiz.Questions.Count; position++)
        {
            await Assertions.Expect(page.Locator(".quiz-progress span")).ToHaveTextAsync($"Câu {position}/{quiz.Questions.Count}");
            var text = (await page.Locator("h1").TextContentAsync())!.Trim();
            var question = quiz.Questions.Single(q => q.Text == text);
            kinds.Add(question.Kind);
            await AnswerRightAsync(page, question);
            if (position == 1 && slug == "kich-hoat-tai-khoan-vneid")
                await page.ScreenshotAsync(new() { Path = Shot($"quiz-question-{(javaScript ? "js" : "nojs")}") });
            await page.Locator("form.quiz-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".quiz-feedback__verdict")).ToContainTextAsync("Đúng rồi!", new() { Timeout = 15_000 });
            if (position == 1 && slug == "kich-hoat-tai-khoan-vneid")
                await page.ScreenshotAsync(new() { Path = Shot($"quiz-feedback-{(javaScript ? "js" : "nojs")}"), FullPage = true });
            if (position < quiz.Questions.Count)
                await page.ClickAndWaitForUrlAsync(page.Locator(".quiz-actions a.button--primary"), $"**/{position + 1}");
        }
        await page.ClickAndWaitForUrlAsync(page.Locator("form.quiz-actions button"), $"**/bai-hoc/{slug}/kiem-tra/ket-qua/*");
        await Assertions.Expect(page.Locator(".quiz-score__number")).ToHaveTextAsync("Bạn được 100%");
        await Assertions.Expect(page.Locator(".quiz-score__verdict")).ToContainTextAsync("Đạt");
        await Assertions.Expect(page.Locator(".quiz-review__item")).ToHaveCountAsync(quiz.Questions.Count);
        if (slug == "kich-hoat-tai-khoan-vneid")
        {
            Assert.Equal([QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse, QuestionKind.Ordering, QuestionKind.Image, QuestionKind.Text], kinds.Order());
            await page.ScreenshotAsync(new() { Path = Shot($"quiz-result-{(javaScript ? "js" : "nojs")}"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Shot($"quiz-result-top-{(javaScript ? "js" : "nojs")}") });
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Option_rows_are_big_enough_to_tap_and_the_form_works_from_the_keyboard()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/bai-hoc/kiem-tra-an-toan-tren-mang/kiem-tra");
        await page.Locator("form.quiz-actions button").ClickAsync();
        await page.WaitForURLAsync("**/kiem-tra/*/1");
        var heights = await page.Locator("label.quiz-option, li.quiz-step select, input.quiz-text, form.quiz-form button")
            .EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h >= 48, $"a tap target of {h}px"));
        // Keyboard only: Tab to the first answer control, choose it with Space, submit with Enter.
        await page.Locator("form.quiz-form input, form.quiz-form select").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("form.quiz-form button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".quiz-feedback, .quiz-error")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Takes the lesson's quiz and answers every question right (for tests that need it passed).</summary>
    internal static async Task PassAsync(IPage page, string slug)
    {
        var quiz = QuizDefinition.FromJson(Library.Lessons.Single(l => l.Slug == slug).QuizJson)!;
        await page.GotoAsync($"/bai-hoc/{slug}/kiem-tra");
        await page.ClickAndWaitForUrlAsync(page.Locator("form.quiz-actions button"), $"**/bai-hoc/{slug}/kiem-tra/*/1");
        for (var position = 1; position <= quiz.Questions.Count; position++)
        {
            var text = (await page.Locator("h1").TextContentAsync())!.Trim();
            await AnswerRightAsync(page, quiz.Questions.Single(q => q.Text == text));
            await page.SubmitAsync(() => page.Locator("form.quiz-form button[type=submit]").ClickAsync());
            if (position < quiz.Questions.Count)
                await page.ClickAndWaitForUrlAsync(page.Locator(".quiz-actions a.button--primary"), $"**/{position + 1}");
        }
        await page.ClickAndWaitForUrlAsync(page.Locator("form.quiz-actions button"), $"**/bai-hoc/{slug}/kiem-tra/ket-qua/*");
        await Assertions.Expect(page.Locator(".quiz-score__verdict")).ToContainTextAsync("Đạt");
    }

    internal static async Task AnswerRightAsync(IPage page, Question question)
    {
        var options = page.Locator("label.quiz-option");
        switch (question)
        {
            case ImageChoiceQuestion q:
                var alt = q.Options.Single(o => o.Correct).Text;
                await options.Filter(new() { Has = page.GetByAltText(alt, new() { Exact = true }) }).ClickAsync();
                break;
            case ChoiceQuestion q:
                foreach (var option in q.Options.Where(o => o.Correct))
                    await Exactly(options, option.Text).ClickAsync();
                break;
            case TrueFalseQuestion q:
                await Exactly(options, q.Answer ? "Đúng" : "Sai").ClickAsync();
                break;
            case OrderingQuestion q:
                foreach (var step in await page.Locator("li.quiz-step").AllAsync())
                {
                    var label = (await step.Locator("label").TextContentAsync())!.Trim();
                    await step.Locator("select").SelectOptionAsync((q.Steps.ToList().IndexOf(label) + 1).ToString());
                }
                break;
            case ShortTextQuestion q:
                await page.Locator("input.quiz-text").FillAsync(q.Answers[0]);
                break;
        }
    }

    private static ILocator Exactly(ILocator options, string text) =>
        options.Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });

    private static string Shot(string name) => Path.Combine(BrowserSite.ScreenshotDirectory, $"{name}-390x844.png");
}
