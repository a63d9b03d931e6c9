using System.Net;
using AngleSharp.Dom;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Issue 26 item 14: every form of the learner and account pages, posted a second time exactly as a browser re-sends
/// it (a double tap, a reload that re-posts: the same body, the cookies of now), answers with the page in its current
/// state — never an empty 400, never a second effect.
/// </summary>
public abstract class RepeatedPostsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    [Fact]
    public async Task Joining_a_class_twice_shows_she_is_in_the_class_and_makes_one_membership()
    {
        await site.EnsurePeopleAsync();
        var (user, visitor) = await NewLearnerAsync();
        var (first, second, shown) = await TwiceAsync(visitor, $"/tham-gia/{site.JoinCode}", "join", []);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Bạn đã ở trong lớp này", shown.Body!.TextContent);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<ClassMember>().CountAsync(m => m.UserId == user.Id && m.ClassId == site.ClassId)));
        Assert.NotEqual(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Signing_up_twice_shows_the_page_and_makes_one_account()
    {
        var visitor = new Visitor(site, peer: "10.9.0.1");
        var name = AccountSeed.UniqueName("hai");
        var (first, _, _) = await TwiceAsync(visitor, "/tai-khoan/dang-ky", "sign-up", Fields(("Input.Name", name),
            ("Input.DisplayName", "Lê Thị Hai"), ("Input.Password", "hoa mai nở sáng nay"), ("Input.Confirm", "hoa mai nở sáng nay"), ("Input.Consent", "true")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == name)));
    }

    [Fact]
    public async Task Signing_in_and_out_twice_shows_the_page()
    {
        var (user, _) = await NewLearnerAsync();
        var visitor = new Visitor(site, peer: "10.9.0.2");
        var (signedIn, _, _) = await TwiceAsync(visitor, "/tai-khoan/dang-nhap", "sign-in", Fields(("Input.Name", user.UserName!), ("Input.Password", AccountSeed.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotNull(visitor.Cookie("hh.auth"));
        var (signedOut, _, _) = await TwiceAsync(visitor, "/tai-khoan/dang-xuat", "sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null(visitor.Cookie("hh.auth"));
    }

    [Fact]
    public async Task Changing_the_password_twice_says_it_is_changed_and_keeps_the_new_one()
    {
        var (user, visitor) = await NewLearnerAsync();
        const string next = "mây trắng bay qua đồi";
        var (first, _, shown) = await TwiceAsync(visitor, "/tai-khoan/doi-mat-khau", "change-password",
            Fields(("Input.Current", AccountSeed.Password), ("Input.Password", next), ("Input.Confirm", next)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Đã đổi mật khẩu", shown.Body!.TextContent);
        Assert.DoesNotContain("Mật khẩu hiện tại chưa đúng", shown.Body.TextContent);
        var stored = await site.ReloadAsync(user);
        Assert.True(await site.WithDbAsync(db => Task.FromResult(new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>()
            .VerifyHashedPassword(stored, stored.PasswordHash!, next) != Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed)));
    }

    [Fact]
    public async Task Deleting_the_account_twice_shows_it_is_deleted()
    {
        var (user, visitor) = await NewLearnerAsync();
        var (first, _, shown) = await TwiceAsync(visitor, "/cua-toi/xoa-tai-khoan", "delete-account", Fields(("Password", AccountSeed.Password)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.CountAsync(u => u.Id == user.Id)));
        Assert.NotEmpty(shown.Body!.TextContent.Trim());
    }

    [Fact]
    public async Task Starting_answering_and_finishing_a_quiz_twice_records_each_once()
    {
        var (user, visitor) = await NewLearnerAsync();
        var (started, _, _) = await TwiceAsync(visitor, $"/bai-hoc/{RolesSite.QuizLesson}/kiem-tra", "quiz-start", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var question = Location(started);
        var (answered, _, _) = await TwiceAsync(visitor, question, "answer", Fields(("choice", "false")), page =>
            page.QuerySelector("form input[type=radio]") is { } radio ? [new(radio.GetAttribute("name")!, radio.GetAttribute("value")!)] : []);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var attempt = await site.WithDbAsync(db => db.Set<QuizAttempt>().Where(a => a.UserId == user.Id).Select(a => a.Id).SingleAsync());
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<QuizAnswer>().CountAsync(a => a.AttemptId == attempt)));
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == user.Id)));
    }

    [Fact]
    public async Task An_answer_posted_with_nothing_chosen_shows_the_question_again_with_a_sentence()
    {
        var (user, visitor) = await NewLearnerAsync();
        var question = await StartQuizAsync(visitor);
        var (_, doc) = await visitor.GetAsync(question);
        for (var time = 1; time <= 2; time++)
        {
            var (response, shown) = await visitor.PostAsync(question, HiddenValues(FormOf(doc, "answer")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Bạn hãy chọn một câu trả lời", shown.QuerySelector("main")?.TextContent);
            Assert.NotNull(FormOf(shown, "answer").QuerySelector("input[type=radio]"));
        }
        var attempt = await site.WithDbAsync(db => db.Set<QuizAttempt>().Where(a => a.UserId == user.Id).Select(a => a.Id).SingleAsync());
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<QuizAnswer>().CountAsync(a => a.AttemptId == attempt)));
    }

    [Fact]
    public async Task Every_form_of_a_quiz_page_hidden_ones_included_posted_as_given_answers_a_page()
    {
        var (_, visitor) = await NewLearnerAsync();
        var question = await StartQuizAsync(visitor);
        foreach (var url in new[] { $"/bai-hoc/{RolesSite.QuizLesson}/kiem-tra", question })
        {
            var (_, doc) = await visitor.GetAsync(url);
            var forms = doc.QuerySelectorAll("form[method=post]").Where(f => f.QuerySelector("input[name=_handler]") is not null).ToList();
            Assert.NotEmpty(forms);
            foreach (var form in forms)
            {
                var handler = form.QuerySelector("input[name=_handler]")!.GetAttribute("value");
                Assert.NotNull(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]"));
                var (response, shown) = await visitor.PostAsync(url, HiddenValues(form));
                Assert.True((int)response.StatusCode is < 400, $"form '{handler}' of {url} posted as given answered {(int)response.StatusCode}");
                for (var hops = 0; (int)response.StatusCode is >= 300 and < 400 && hops < 4; hops++)
                    (response, shown) = await visitor.GetAsync(Location(response));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(string.IsNullOrWhiteSpace(shown.QuerySelector("main")?.TextContent), $"form '{handler}' of {url} showed an empty page");
            }
        }
    }

    [Fact]
    public async Task Answering_someone_elses_attempt_shows_the_not_found_page()
    {
        var (owner, ownerVisitor) = await NewLearnerAsync();
        var theirs = await StartQuizAsync(ownerVisitor);
        var (_, other) = await NewLearnerAsync();
        var mine = await StartQuizAsync(other);
        var (_, myPage) = await other.GetAsync(mine);
        var (_, ownerPage) = await ownerVisitor.GetAsync(theirs);
        var choice = FormOf(ownerPage, "answer").QuerySelector("input[type=radio]")!;
        var picked = new KeyValuePair<string, string>(choice.GetAttribute("name")!, choice.GetAttribute("value")!);
        // With her own token (from her own attempt), and with the owner's token copied from his page.
        foreach (var values in new[] { HiddenValues(FormOf(myPage, "answer")), HiddenValues(FormOf(ownerPage, "answer")) })
        {
            var (response, shown) = await other.PostAsync(theirs, values.Append(picked));
            for (var hops = 0; (int)response.StatusCode is >= 300 and < 400 && hops < 4; hops++)
                (response, shown) = await other.GetAsync(Location(response));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Không tìm thấy trang này", shown.QuerySelector("main")?.TextContent);
        }
        var attempt = await site.WithDbAsync(db => db.Set<QuizAttempt>().Where(a => a.UserId == owner.Id).Select(a => a.Id).SingleAsync());
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<QuizAnswer>().CountAsync(a => a.AttemptId == attempt)));
    }

    private static IElement FormOf(IDocument doc, string formName) =>
        doc.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null && !f.HasAttribute("hidden"))
        ?? throw new Xunit.Sdk.XunitException($"No form '{formName}' shown");

    private static List<KeyValuePair<string, string>> HiddenValues(IElement form) => form.QuerySelectorAll("input[type=hidden]")
        .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();

    /// <summary>Starts the quiz lesson's quiz and answers the address of its first question.</summary>
    private static async Task<string> StartQuizAsync(Visitor visitor)
    {
        var (started, _) = await visitor.SubmitAsync($"/bai-hoc/{RolesSite.QuizLesson}/kiem-tra", "quiz-start", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return Location(started);
    }

    [Fact]
    public async Task Marking_a_lesson_done_twice_keeps_one_completion()
    {
        var (user, visitor) = await NewLearnerAsync();
        var first = await visitor.CompleteAsync(RolesSite.Tutorial);
        var second = await visitor.CompleteAsync(RolesSite.Tutorial);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(Location(first), Location(second));
        var (page, doc) = await visitor.GetAsync(Location(second));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(doc.Body!.TextContent.Trim());
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<LessonProgress>().CountAsync(p => p.UserId == user.Id && p.CompletedAt != null)));
    }

    private async Task<(AppUser, Visitor)> NewLearnerAsync()
    {
        await site.EnsurePeopleAsync();
        var user = await site.UserAsync(AccountSeed.UniqueName("lap"), "Trần Thị Lặp");
        var visitor = new Visitor(site, peer: $"10.8.{Random.Shared.Next(255)}.{Random.Shared.Next(255)}");
        foreach (var pair in (await site.SignInAsync(user)).Split("; ").Select(c => c.Split('=', 2)))
            visitor.Cookies.Add(new Uri(Visitor.Origin), new Cookie(pair[0], pair[1]));
        return (user, visitor);
    }

    /// <summary>
    /// Opens the page, posts its form <paramref name="formName"/> once, then the very same body again with the cookies
    /// the first answer left (as a browser's reload does); the second answer, followed if it redirects, is a page.
    /// </summary>
    internal static async Task<(HttpResponseMessage First, HttpResponseMessage Second, IDocument Shown)> TwiceAsync(Visitor visitor, string url,
        string formName, IEnumerable<KeyValuePair<string, string>> fields, Func<IDocument, IEnumerable<KeyValuePair<string, string>>>? fromPage = null)
    {
        var (page, doc) = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = doc.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null && !f.HasAttribute("hidden"))
            ?? throw new Xunit.Sdk.XunitException($"No form '{formName}' on {url}");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fromPage?.Invoke(doc) ?? fields).ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        var (first, _) = await visitor.PostAsync(action, values);
        Assert.True((int)first.StatusCode < 400, $"the first post of '{formName}' answered {(int)first.StatusCode}");
        var (second, shown) = await visitor.PostAsync(action, values);
        Assert.True(second.StatusCode is not HttpStatusCode.BadRequest && (int)second.StatusCode < 500,
            $"the second post of '{formName}' answered {(int)second.StatusCode}");
        var current = second;
        for (var hops = 0; (int)current.StatusCode is >= 300 and < 400; hops++)
        {
            Assert.True(hops < 4, $"the second post of '{formName}' led to a chain of redirects");
            (current, shown) = await visitor.GetAsync(Location(current));
        }
        Assert.True(current.StatusCode == HttpStatusCode.OK, $"after the second post of '{formName}' the page answered {(int)current.StatusCode}");
        Assert.False(string.IsNullOrWhiteSpace(shown.QuerySelector("main")?.TextContent), $"the second post of '{formName}' showed an empty page");
        return (first, second, shown);
    }
}

public sealed class RepeatedPostsTestsOnSqlite(SqliteRolesSite site) : RepeatedPostsTests<SqliteRolesSite>(site);

public sealed class RepeatedPostsTestsOnPostgres(PostgresRolesSite site) : RepeatedPostsTests<PostgresRolesSite>(site);
