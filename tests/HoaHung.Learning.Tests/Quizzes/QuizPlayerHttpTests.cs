using System.Net;
using System.Text.Json;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using HoaHung.Learning.Tests.Accounts;

namespace HoaHung.Learning.Tests.Quizzes;

/// <summary>Taking a quiz through the real pages and forms (no JavaScript), on each database provider.</summary>
public abstract class QuizPlayerHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : QuizSite
{
    private const string AnswerForm = "form.quiz-form";
    private const string ActionForm = "form.quiz-actions";

    protected TSite Site { get; } = site;

    private FormBrowser Phone()
    {
        Site.EnsureAvailable();
        return new FormBrowser(Site.Client(followRedirects: false));
    }

    private static async Task<Guid> StartAsync(FormBrowser phone, string slug = QuizSite.Slug)
    {
        await phone.GetAsync($"/bai-hoc/{slug}/kiem-tra");
        await phone.SubmitAsync(ActionForm);
        Assert.Matches($"^/bai-hoc/{slug}/kiem-tra/[0-9a-f]{{32}}/[0-9]+$", phone.Url);
        return Guid.Parse(phone.Url.Split('/')[4]);
    }

    private static (string, string) Choice(FormBrowser phone, string text)
    {
        var label = phone.Page.QuerySelectorAll("label.quiz-option")
            .First(l => l.TextContent.Trim() == text || l.QuerySelector("img")?.GetAttribute("alt") == text);
        return ("choice", label.QuerySelector("input")!.GetAttribute("value")!);
    }

    private static (string, string)[] Steps(FormBrowser phone, params string[] order) =>
        phone.Page.QuerySelectorAll("li.quiz-step").Select(li => (li.QuerySelector("select")!.GetAttribute("name")!,
            (Array.IndexOf(order, li.QuerySelector("label")!.TextContent.Trim()) + 1).ToString())).ToArray();

    /// <summary>The fields that answer question <paramref name="position"/> of <see cref="QuizFileTests.EveryType"/>, rightly or not.</summary>
    private static (string, string)[] Answer(FormBrowser phone, int position, bool right) => position switch
    {
        1 => [Choice(phone, right ? "Đúng" : "Sai")],
        2 => right ? [Choice(phone, "A"), Choice(phone, "B")] : [Choice(phone, "C")],
        3 => [Choice(phone, right ? "Sai" : "Đúng")],
        4 => right ? Steps(phone, "Một", "Hai", "Ba") : Steps(phone, "Ba", "Hai", "Một"),
        5 => [Choice(phone, right ? "Hình A" : "Hình B")],
        _ => [("text", right ? "  DANG KY " : "đăng nhập")],
    };

    private static async Task AnswerAllAsync(FormBrowser phone, Guid attempt, Func<int, bool> right)
    {
        for (var p = 1; p <= 6; p++)
        {
            await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/{p}");
            await phone.SubmitAsync(AnswerForm, Answer(phone, p, right(p)));
        }
    }

    private Task<QuizAttempt> AttemptAsync(Guid id) =>
        Site.WithDbAsync(db => db.Set<QuizAttempt>().AsNoTracking().Include(a => a.Answers).FirstAsync(a => a.Id == id));

    [Fact]
    public async Task A_full_attempt_gives_feedback_after_each_answer_and_a_result_recorded_once_that_completes_the_lesson()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone);
        Assert.EndsWith("/1", phone.Url);
        Assert.Equal("Câu 1/6", phone.Page.Text(".quiz-progress span"));
        for (var p = 1; p <= 6; p++)
        {
            await phone.SubmitAsync(AnswerForm, Answer(phone, p, right: p != 4));
            // Back on the question at its verdict (#ket-qua): the first thing on screen, with or without JavaScript.
            Assert.Equal($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/{p}", phone.Url);
            Assert.EndsWith($"/{p}#ket-qua", phone.History.Last(r => r.StatusCode == HttpStatusCode.Redirect).Headers.Location!.ToString());
            Assert.Equal("quiz-feedback", phone.Page.QuerySelector("#ket-qua")?.ClassList[0]);
            Assert.Contains(p == 4 ? "Chưa đúng" : "Đúng rồi", phone.Page.Text(".quiz-feedback__verdict"));
            Assert.Contains($"Giải thích {new[] { "một", "hai", "ba", "bốn", "năm", "sáu" }[p - 1]}", phone.Page.Text(".quiz-feedback__why"));
            if (p < 6)
                await phone.GetAsync(phone.Page.QuerySelector("a.button--primary[href*='/kiem-tra/']")!.GetAttribute("href")!);
        }
        Assert.Contains("Chuẩn", (await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/1")).Text(".quiz-option__feedback"));
        Assert.Equal("Thứ tự đúng", (await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/4")).Text("h2.quiz-subhead:last-of-type"));

        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/6");
        await phone.SubmitAsync(ActionForm);
        Assert.Equal($"/bai-hoc/{QuizSite.Slug}/kiem-tra/ket-qua/{attempt:N}", phone.Url);
        Assert.Equal("Bạn được 83%", phone.Page.Text(".quiz-score__number"));
        // The words say what the number says: 5 right, the ordering one partly right (0 of 2 pairs: wrong).
        Assert.Equal("5 câu đúng, 0 câu đúng một phần, 1 câu sai: được 5 trên 6 điểm, tức 83%. Cần 60% để đạt.", phone.Page.Text(".quiz-score__rule"));
        Assert.Contains("Đạt", phone.Page.Text(".quiz-score__verdict"));
        Assert.Equal(6, phone.Page.QuerySelectorAll(".quiz-review__item").Length);
        Assert.Single(phone.Page.QuerySelectorAll(".quiz-review__item.is-wrong"));
        Assert.Contains("Một", phone.Page.QuerySelectorAll(".quiz-review__item")[3].TextContent);

        var stored = await AttemptAsync(attempt);
        Assert.Equal((83, true, 6), (stored.ScorePercent, stored.Passed, stored.Answers.Count));
        Assert.Null(stored.Open);
        var lessonId = await Site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == QuizSite.Slug).Select(l => l.Id).FirstAsync());
        var progress = Site.Progress(phone.Cookies.GetValueOrDefault("hh.progress"))!;
        Assert.True(progress.Find(lessonId)?.IsCompleted, "passing the checkpoint completes the tutorial");
        Assert.Equal(stored.AnonymousId, progress.Id);
    }

    [Fact]
    public async Task Answers_given_before_the_connection_drops_are_there_on_resume()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone);
        await phone.SubmitAsync(AnswerForm, Answer(phone, 1, true));
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/2");
        await phone.SubmitAsync(AnswerForm, Answer(phone, 2, true));

        var later = phone.Copy(Site.Client(followRedirects: false)); // a new connection, the same cookie
        await later.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra");
        Assert.Equal("Làm tiếp bài đang làm", later.Page.Text($"{ActionForm} button"));
        await later.SubmitAsync(ActionForm);
        Assert.Equal($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/3", later.Url);
        Assert.Equal("Câu 3/6", later.Page.Text(".quiz-progress span"));
        Assert.Contains("Đúng rồi", (await later.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/2")).Text(".quiz-feedback__verdict"));
        Assert.Equal(2, (await AttemptAsync(attempt)).Answers.Count);
    }

    [Fact]
    public async Task Submitting_twice_never_makes_two_attempts_or_counts_an_answer_twice()
    {
        var phone = Phone();
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra");
        var startPage = phone.Page;
        var attempt = await StartAsync(phone);
        // A double tap on "Bắt đầu": the same form again resumes the same attempt.
        var again = phone.Copy(Site.Client(followRedirects: false));
        await again.PostAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra", startPage.QuerySelectorAll($"{ActionForm} input[type=hidden]")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)));
        Assert.Equal(attempt, Guid.Parse(again.Url.Split('/')[4]));

        // The same answer form sent twice, the second time with another answer (back button, resubmit): the first one wins.
        var question = phone.Page;
        var url = phone.Url;
        var right = Answer(phone, 1, true);
        var wrong = Answer(phone, 1, false);
        Task<AngleSharp.Dom.IDocument> Send(FormBrowser b, (string, string)[] fields) =>
            b.PostAsync(url, question.QuerySelectorAll($"{AnswerForm} input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).Concat(fields));
        await Send(phone, right);
        await Send(phone, wrong);
        Assert.Equal(url, phone.Url);
        Assert.Contains("Đúng rồi", phone.Page.Text(".quiz-feedback__verdict"));
        // Two at once (a double tap on a slow line).
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/2");
        question = phone.Page;
        url = phone.Url;
        await Task.WhenAll(Send(phone.Copy(Site.Client(followRedirects: false)), Answer(phone, 2, true)),
            Send(phone.Copy(Site.Client(followRedirects: false)), Answer(phone, 2, false)));
        var stored = await AttemptAsync(attempt);
        Assert.Equal(2, stored.Answers.Count);
        Assert.True(stored.Answers.Single(a => a.Question == 0).Correct);

        for (var p = 3; p <= 6; p++)
        {
            await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/{p}");
            await phone.SubmitAsync(AnswerForm, Answer(phone, p, true));
        }
        var last = phone.Page;
        await phone.SubmitAsync(ActionForm);
        var result = phone.Page.Text(".quiz-score__number");
        await phone.PostAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/6",
            last.QuerySelectorAll($"{ActionForm} input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)));
        Assert.Equal($"/bai-hoc/{QuizSite.Slug}/kiem-tra/ket-qua/{attempt:N}", phone.Url);
        Assert.Equal(result, phone.Page.Text(".quiz-score__number"));
        var learner = (await AttemptAsync(attempt)).AnonymousId;
        Assert.Equal(1, await Site.WithDbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.AnonymousId == learner)));
        Assert.Equal(6, (await AttemptAsync(attempt)).Answers.Count);
    }

    [Fact]
    public async Task Correct_answers_are_not_in_the_page_or_the_API_before_she_answers()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone);
        var secrets = new[] { "Chuẩn", "Giải thích", "Không phải vậy", "dang ki", "Đăng ký", "correct", "is-right", "is-wrong" };
        for (var p = 1; p <= 6; p++)
        {
            var html = (await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/{p}")).Body!.OuterHtml;
            Assert.All(secrets, s => Assert.DoesNotContain(s, html));
            var values = phone.Page.QuerySelectorAll("input[name=choice]").Select(i => int.Parse(i.GetAttribute("value")!)).Order();
            Assert.Equal(Enumerable.Range(0, values.Count()), values); // screen positions, not the places in quiz.yml
        }

        var response = await Site.Client().GetAsync($"/api/v1/lessons/{QuizSite.Slug}");
        var json = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(json);
        var quiz = doc.RootElement.GetProperty("quiz");
        Assert.Equal(("Kiểm tra thử", 6, 60), (quiz.GetProperty("title").GetString(), quiz.GetProperty("questions").GetInt32(), quiz.GetProperty("passMark").GetInt32()));
        Assert.EndsWith($"/bai-hoc/{QuizSite.Slug}/kiem-tra", quiz.GetProperty("url").GetString());
        Assert.All(secrets.Append("Câu một lựa chọn"), s => Assert.DoesNotContain(s, json));
    }

    [Fact]
    public async Task Another_learner_cannot_read_or_answer_an_attempt_by_its_id()
    {
        var owner = Phone();
        var attempt = await StartAsync(owner);
        var stranger = Phone();
        await StartAsync(stranger); // she has her own cookie and form tokens
        var token = stranger.Page.QuerySelectorAll($"{AnswerForm} input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();

        await stranger.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/1");
        Assert.Equal(HttpStatusCode.NotFound, stranger.Response.StatusCode);
        await stranger.PostAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/1", token.Append(("choice", "0")));
        Assert.Equal(HttpStatusCode.NotFound, stranger.Response.StatusCode);
        await stranger.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/ket-qua/{attempt:N}");
        Assert.Equal(HttpStatusCode.NotFound, stranger.Response.StatusCode);
        await Phone().GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/1"); // no cookie at all
        Assert.Empty((await AttemptAsync(attempt)).Answers);
        await stranger.PostAsync("/bai-hoc/khong-co-bai-nay/kiem-tra", token.Where(t => t.Item1 != "_handler").Append(("_handler", "quiz-start")));
        Assert.Equal(HttpStatusCode.NotFound, stranger.Response.StatusCode);
        await owner.GetAsync($"/bai-hoc/{QuizSite.QuizLesson}/kiem-tra/{attempt:N}/1"); // her id, but another lesson's URL
        Assert.Equal(HttpStatusCode.NotFound, owner.Response.StatusCode);
    }

    [Fact]
    public async Task The_lesson_page_links_to_its_quiz_and_stays_cacheable()
    {
        var reader = Phone();
        await reader.GetAsync($"/bai-hoc/{QuizSite.Slug}");
        Assert.Equal(HttpStatusCode.OK, reader.Response.StatusCode);
        Assert.False(reader.Response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("no-store", reader.Response.Headers.CacheControl?.ToString() ?? "");
        // The only posting form is "I have finished this lesson", to an origin-checked endpoint with no token.
        Assert.All(reader.Page.QuerySelectorAll("form[method=post]"), f => Assert.StartsWith("/tien-do/", f.GetAttribute("action")));
        Assert.NotNull(reader.Page.QuerySelector($".quiz-teaser a[href='/bai-hoc/{QuizSite.Slug}/kiem-tra']"));
        Assert.Contains("6 câu hỏi. Cần đúng 60% để đạt.", reader.Page.Text(".quiz-teaser"));

        await StartAsync(reader); // now she has a progress cookie and an attempt: the lesson page is the same for her
        var hers = (await reader.GetAsync($"/bai-hoc/{QuizSite.Slug}")).QuerySelector(".lesson")!.OuterHtml;
        var anyone = (await Phone().GetAsync($"/bai-hoc/{QuizSite.Slug}")).QuerySelector(".lesson")!.OuterHtml;
        Assert.Equal(anyone, hers);
    }

    [Fact]
    public async Task An_ordering_question_starts_unanswered_and_sending_it_as_shown_earns_nothing()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone);
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/4");
        var selects = phone.Page.QuerySelectorAll("li.quiz-step select");
        Assert.Equal(3, selects.Length);
        Assert.All(selects, s => Assert.Equal("", s.QuerySelector("option[selected]")?.GetAttribute("value")));
        // As the browser sends it unchanged: every place empty.
        await phone.SubmitAsync(AnswerForm, selects.Select(s => (s.GetAttribute("name")!, "")).ToArray());
        Assert.Contains("Mỗi số thứ tự chỉ dùng cho một bước", phone.Page.Text(".quiz-error"));
        Assert.Empty((await AttemptAsync(attempt)).Answers);
    }

    [Fact]
    public async Task A_mistake_keeps_her_other_choices()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone);
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/4");
        var names = phone.Page.QuerySelectorAll("li.quiz-step select").Select(s => s.GetAttribute("name")!).ToArray();
        await phone.SubmitAsync(AnswerForm, (names[0], "2"), (names[1], "2"), (names[2], "3")); // a number used twice
        Assert.Contains("Mỗi số thứ tự chỉ dùng cho một bước", phone.Page.Text(".quiz-error"));
        Assert.Equal(["2", "2", "3"], phone.Page.QuerySelectorAll("li.quiz-step select")
            .Select(s => s.QuerySelector("option[selected]")?.GetAttribute("value")).ToArray());

        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/2");
        var (name, value) = Choice(phone, "A");
        await phone.SubmitAsync(AnswerForm, (name, value), (name, "99")); // one real choice and one that is no option
        Assert.NotNull(phone.Page.QuerySelector(".quiz-error"));
        Assert.NotNull(phone.Page.QuerySelector($"label.quiz-option input[value='{value}'][checked]"));
    }

    [Fact]
    public async Task A_partly_right_ordering_marks_each_step_by_the_rule_that_scores_it_and_the_result_says_so()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone);
        foreach (var p in new[] { 1, 2, 3, 5, 6 })
        {
            await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/{p}");
            await phone.SubmitAsync(AnswerForm, Answer(phone, p, right: true));
        }
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/4");
        await phone.SubmitAsync(AnswerForm, Steps(phone, "Hai", "Ba", "Một")); // "Ba" right after "Hai": one pair of two
        Assert.Contains("Đúng một phần", phone.Page.Text(".quiz-feedback__verdict"));
        var rows = phone.Page.QuerySelectorAll(".quiz-order")[0].QuerySelectorAll("li");
        Assert.Empty(rows[0].QuerySelectorAll(".quiz-mark"));
        Assert.Contains("đúng", rows[1].QuerySelector(".quiz-mark--right")!.TextContent);
        Assert.NotNull(rows[2].QuerySelector(".quiz-mark--wrong"));
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/6");
        await phone.SubmitAsync(ActionForm);
        Assert.Equal("Bạn được 91%", phone.Page.Text(".quiz-score__number"));
        Assert.Equal("5 câu đúng, 1 câu đúng một phần, 0 câu sai: được 5,5 trên 6 điểm, tức 91%. Cần 60% để đạt.", phone.Page.Text(".quiz-score__rule"));
    }

    [Fact]
    public async Task An_unusable_answer_is_explained_in_Vietnamese_and_not_saved()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone);
        await phone.SubmitAsync(AnswerForm);
        Assert.Equal(HttpStatusCode.OK, phone.Response.StatusCode);
        Assert.Contains("Bạn hãy chọn một câu trả lời", phone.Page.Text(".quiz-error"));
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/4");
        await phone.SubmitAsync(AnswerForm, phone.Page.QuerySelectorAll("li.quiz-step select").Select(s => (s.GetAttribute("name")!, "1")).ToArray());
        Assert.Contains("Mỗi số thứ tự chỉ dùng cho một bước", phone.Page.Text(".quiz-error"));
        Assert.Empty((await AttemptAsync(attempt)).Answers);
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra/{attempt:N}/6");
        await phone.SubmitAsync(ActionForm.Replace("quiz-actions", "quiz-form"), ("text", "   "));
        Assert.Contains("Bạn hãy gõ câu trả lời", phone.Page.Text(".quiz-error"));
    }

    [Fact]
    public async Task After_the_allowed_attempts_there_is_no_new_one_and_retry_starts_afresh_until_then()
    {
        var phone = Phone();
        var first = await StartAsync(phone);
        await AnswerAllAsync(phone, first, p => p == 1);
        await phone.SubmitAsync(ActionForm);
        Assert.Contains("Chưa đạt", phone.Page.Text(".quiz-score__verdict"));
        await phone.SubmitAsync(".quiz-actions form"); // "Làm lại"
        var second = Guid.Parse(phone.Url.Split('/')[4]);
        Assert.NotEqual(first, second);
        await AnswerAllAsync(phone, second, _ => true);
        await phone.SubmitAsync(ActionForm);
        Assert.Equal("Bạn được 100%", phone.Page.Text(".quiz-score__number"));
        Assert.Null(phone.Page.QuerySelector(".quiz-actions form"));
        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra");
        Assert.Contains("Bạn đã làm hết số lần", phone.Page.Text(".quiz-error"));
        Assert.Null(phone.Page.QuerySelector($"{ActionForm} button"));
        Assert.Contains("Điểm cao nhất của bạn: 100%", phone.Page.Text(".quiz-best"));
    }

    [Fact]
    public async Task A_signed_in_learners_results_in_Cua_toi_follow_each_finished_attempt()
    {
        // "Của tôi" reads her quiz results from what the site holds for her: each finished attempt must show at once.
        var user = await Site.UserAsync(AccountSeed.UniqueName("qz"), "Bà Thi");
        var phone = Phone();
        await phone.GetAsync("/tai-khoan/dang-nhap");
        var token = phone.Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await phone.PostAsync("/tai-khoan/dang-nhap",
            [("_handler", "sign-in"), ("__RequestVerificationToken", token), ("Input.Name", user.UserName!), ("Input.Password", AccountSeed.Password)]);
        await phone.GetAsync("/cua-toi");
        Assert.Contains("Bà Thi", phone.Page.Body!.TextContent);
        Assert.Null(phone.Page.QuerySelector(".quiz-results"));

        var first = await StartAsync(phone);
        await AnswerAllAsync(phone, first, p => p == 1);
        await phone.SubmitAsync(ActionForm);
        await phone.GetAsync("/cua-toi");
        Assert.Contains("Chưa đạt", phone.Page.Text(".quiz-results"));

        await phone.GetAsync($"/bai-hoc/{QuizSite.Slug}/kiem-tra");
        await phone.SubmitAsync(ActionForm);
        var second = Guid.Parse(phone.Url.Split('/')[4]);
        await AnswerAllAsync(phone, second, _ => true);
        await phone.SubmitAsync(ActionForm);
        await phone.GetAsync("/cua-toi");
        Assert.Contains("Đạt", phone.Page.Text(".quiz-results__passed"));
        Assert.Contains("100%", phone.Page.Text(".quiz-results"));
    }

    [Fact]
    public async Task A_quiz_lesson_is_complete_once_passed_and_her_attempts_join_her_account_at_sign_in()
    {
        var phone = Phone();
        var attempt = await StartAsync(phone, QuizSite.QuizLesson);
        await phone.SubmitAsync(AnswerForm, Choice(phone, "Sai"));
        await phone.GetAsync($"/bai-hoc/{QuizSite.QuizLesson}/kiem-tra/{attempt:N}/2");
        await phone.SubmitAsync(AnswerForm, ("text", "otp"));
        await phone.SubmitAsync(ActionForm);
        Assert.Equal("Bạn được 100%", phone.Page.Text(".quiz-score__number"));
        var lessonId = await Site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == QuizSite.QuizLesson).Select(l => l.Id).FirstAsync());
        var cookie = Site.Progress(phone.Cookies["hh.progress"])!;
        Assert.True(cookie.Find(lessonId)?.IsCompleted);
        await phone.GetAsync("/cua-toi");
        Assert.Contains("Đạt", phone.Page.Text(".quiz-results"));
        Assert.Contains("100%", phone.Page.Text(".quiz-results"));

        using var scope = Site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var user = new AppUser { UserName = $"hoa{Guid.NewGuid():N}"[..20], DisplayName = "Cô Hoa" };
        Assert.True((await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user)).Succeeded);
        await services.GetRequiredService<LearnerProgress>().MergeAsync(user.Id, cookie, CancellationToken.None);
        await services.GetRequiredService<LearnerProgress>().MergeAsync(user.Id, cookie, CancellationToken.None); // idempotent

        var results = (await services.GetRequiredService<QuizResults>().PageAsync(Learner.Account(user.Id), 1, 20, CancellationToken.None)).Results;
        var card = Assert.Single(results);
        Assert.Equal((QuizSite.QuizLesson, 100, true, 1), (card.LessonSlug, card.BestPercent, card.Passed, card.Attempts));
        Assert.Empty((await services.GetRequiredService<QuizResults>().PageAsync(Learner.Visitor(cookie), 1, 20, CancellationToken.None)).Results);
        Assert.True((await services.GetRequiredService<LearnerProgress>().StateAsync(Learner.Account(user.Id), lessonId, CancellationToken.None))?.Completed);

        var owner = services.GetServices<IPersonalDataOwner>().Single(o => o.ExportKey == "quizzes");
        Assert.Contains(QuizSite.QuizLesson, JsonSerializer.Serialize(await owner.ExportAsync(user.Id, CancellationToken.None)));
        await owner.DeleteAsync(user.Id, CancellationToken.None);
        Assert.Empty((await services.GetRequiredService<QuizResults>().PageAsync(Learner.Account(user.Id), 1, 20, CancellationToken.None)).Results);
    }
}

public sealed class QuizPlayerHttpTestsOnSqlite(QuizSqliteSite site) : QuizPlayerHttpTests<QuizSqliteSite>(site);

public sealed class QuizPlayerHttpTestsOnPostgres(QuizPostgresSite site) : QuizPlayerHttpTests<QuizPostgresSite>(site);
