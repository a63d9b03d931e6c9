using System.Net;
using AngleSharp.Dom;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Progress;

/// <summary>A library of 50 lessons (bai-01 … bai-50), enough for a keen learner's history to need more than one page.</summary>
public abstract class ManyLessonsSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    public const int Lessons = 50;

    protected ManyLessonsSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    public static string Slug(int i) => $"bai-{i:D2}";

    private static ContentFolder NewContent()
    {
        var content = new ContentFolder().Topics(("chu-de", "Chủ đề"));
        for (var i = 1; i <= Lessons; i++)
            content.Lesson(Slug(i), $"Bài số {i}", "chu-de");
        return content;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ManyLessonsSqliteSite() : ManyLessonsSite(DatabaseProvider.Sqlite);

public sealed class ManyLessonsPostgresSite() : ManyLessonsSite(DatabaseProvider.Postgres);

/// <summary>
/// "Của tôi" costs the same for every learner (issue 25): each list shows her latest 20 with the true total, and the
/// "Xem tất cả" pages list the rest 20 at a time, newest first, hers only; on each provider.
/// </summary>
public abstract class MyLessonListsHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ManyLessonsSite
{
    private static readonly DateTime Start = new(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc);
    private static int counter = 400_000;

    /// <summary>A new account whose history is stored as given: lesson number → (last opened, completed or null).</summary>
    private async Task<Visitor> LearnerWithAsync(IEnumerable<(int Lesson, DateTime Opened, DateTime? Completed)> history) =>
        (await LearnerAndIdWithAsync(history)).Visitor;

    private async Task<(Visitor Visitor, string UserId)> LearnerAndIdWithAsync(IEnumerable<(int Lesson, DateTime Opened, DateTime? Completed)> history)
    {
        var visitor = new Visitor(site);
        var phone = $"0977{Interlocked.Increment(ref counter):D6}";
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignUpAsync(phone, "Trần Thị Chăm")).StatusCode);
        var userId = await site.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == phone).Select(u => u.Id).SingleAsync();
            var lessons = await db.Lessons.ToDictionaryAsync(l => l.Slug, l => l.Id);
            foreach (var (lesson, opened, completed) in history)
                db.Add(new LessonProgress
                {
                    UserId = id,
                    LessonId = lessons[ManyLessonsSite.Slug(lesson)],
                    FirstOpenedAt = opened.AddMinutes(-30),
                    LastOpenedAt = opened,
                    CompletedAt = completed,
                });
            await db.SaveChangesAsync();
            return id;
        });
        await site.Services.GetRequiredService<LearnerChanges>().ChangedAsync(userId, CancellationToken.None); // as any write does
        return (visitor, userId);
    }

    /// <summary>45 finished (bai-01 first … bai-45 last), then 3 opened and not finished (bai-46 … bai-48).</summary>
    private Task<Visitor> KeenLearnerAsync() => LearnerWithAsync(
        Enumerable.Range(1, 45).Select(i => (i, Start.AddHours(i), (DateTime?)Start.AddHours(i)))
            .Concat(Enumerable.Range(46, 3).Select(i => (i, Start.AddDays(10).AddHours(i), (DateTime?)null))));

    private static List<string> Links(IDocument page, string list) =>
        page.QuerySelectorAll($"{list} a[href^='/bai-hoc/']").Select(a => a.GetAttribute("href")!).ToList();

    private static string Lesson(int i) => $"/bai-hoc/{ManyLessonsSite.Slug(i)}";

    [Fact]
    public async Task My_learning_shows_her_latest_20_finished_with_the_true_total_and_a_link_to_all_of_them()
    {
        site.EnsureAvailable();
        var learner = await KeenLearnerAsync();

        var (response, page) = await learner.GetAsync("/cua-toi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bài đã học xong (45)", page.QuerySelector("#completed-heading")!.TextContent.Trim());
        Assert.Equal(Enumerable.Range(26, 20).Reverse().Select(Lesson), Links(page, ".done-list"));
        var all = page.QuerySelector("#completed-heading")!.ParentElement!.QuerySelector("a.see-all")!;
        Assert.Equal("Xem tất cả", all.TextContent.Trim());
        Assert.Equal("/cua-toi/da-hoc-xong", all.GetAttribute("href"));

        // Three in progress: all of them shown, newest first, and no link to more.
        Assert.Equal("Bài đang học (3)", page.QuerySelector("#in-progress-heading")!.TextContent.Trim());
        Assert.Equal([Lesson(48), Lesson(47), Lesson(46)], Links(page, ".lesson-list"));
        Assert.Null(page.QuerySelector("#in-progress-heading")!.ParentElement!.QuerySelector("a.see-all"));
        Assert.Equal(Lesson(48), page.QuerySelector("#continue-heading + a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task All_her_finished_lessons_come_20_a_page_newest_first_and_only_hers()
    {
        site.EnsureAvailable();
        var other = await LearnerWithAsync([(49, Start.AddDays(20), Start.AddDays(20)), (50, Start.AddDays(21), Start.AddDays(21)),
            (1, Start.AddDays(22), Start.AddDays(22))]);
        var learner = await KeenLearnerAsync();

        var pages = new List<List<string>>();
        for (var n = 1; n <= 3; n++)
        {
            var (response, page) = await learner.GetAsync(n == 1 ? "/cua-toi/da-hoc-xong" : $"/cua-toi/da-hoc-xong?trang={n}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Bài đã học xong (45)", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains($"Trang {n}/3", page.QuerySelector(".pager")!.TextContent);
            Assert.Equal(n > 1, page.QuerySelector(".pager a[rel=prev]") is not null);
            Assert.Equal(n < 3, page.QuerySelector(".pager a[rel=next]") is not null);
            pages.Add(Links(page, ".done-list"));
        }

        Assert.Equal([20, 20, 5], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(1, 45).Reverse().Select(Lesson), pages.SelectMany(p => p));
        var (_, othersPage) = await other.GetAsync("/cua-toi/da-hoc-xong");
        Assert.Equal([Lesson(1), Lesson(50), Lesson(49)], Links(othersPage, ".done-list")); // hers stay hers, too
    }

    [Fact]
    public async Task All_her_lessons_in_progress_come_20_a_page_by_when_she_last_opened_them()
    {
        site.EnsureAvailable();
        // 25 opened, not finished; bai-01 opened last.
        var learner = await LearnerWithAsync(Enumerable.Range(1, 25).Select(i => (i, Start.AddHours(-i), (DateTime?)null)));

        var (_, my) = await learner.GetAsync("/cua-toi");
        Assert.Equal("Bài đang học (25)", my.QuerySelector("#in-progress-heading")!.TextContent.Trim());
        Assert.Equal(Enumerable.Range(1, 20).Select(Lesson), Links(my, ".lesson-list"));
        Assert.Equal("/cua-toi/dang-hoc", my.QuerySelector("#in-progress-heading")!.ParentElement!.QuerySelector("a.see-all")?.GetAttribute("href"));

        var (_, second) = await learner.GetAsync("/cua-toi/dang-hoc?trang=2");
        Assert.Equal("Bài đang học (25)", second.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(Enumerable.Range(21, 5).Select(Lesson), Links(second, ".lesson-list"));
    }

    /// <summary>A new account who finished a quiz attempt on each given lesson, bai-01 first … the last one last.</summary>
    private async Task<Visitor> QuizTakerAsync(int quizzes)
    {
        var (learner, id) = await LearnerAndIdWithAsync([]);
        await site.WithDbAsync(async db =>
        {
            var lessons = await db.Lessons.Where(l => l.PublishedRevisionId != null)
                .ToDictionaryAsync(l => l.Slug, l => (l.Id, Revision: l.PublishedRevisionId!.Value));
            for (var i = 1; i <= quizzes; i++)
            {
                var (lessonId, revisionId) = lessons[ManyLessonsSite.Slug(i)];
                db.Add(new HoaHung.Learning.Quizzes.QuizAttempt
                {
                    Id = Guid.NewGuid(), LessonId = lessonId, RevisionId = revisionId, UserId = id, Open = null, Seed = i,
                    StartedAt = Start.AddHours(i).AddMinutes(-5), FinishedAt = Start.AddHours(i), ScorePercent = 50 + i, Passed = i % 2 == 0,
                });
            }
            return await db.SaveChangesAsync();
        });
        await site.Services.GetRequiredService<LearnerChanges>().ChangedAsync(id, CancellationToken.None);
        return learner;
    }

    private static List<string> Quizzes(IDocument page) =>
        page.QuerySelectorAll(".quiz-results a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task My_learning_shows_her_latest_20_quizzes_with_the_true_total_and_all_of_them_come_20_a_page()
    {
        site.EnsureAvailable();
        var learner = await QuizTakerAsync(25);

        var (_, my) = await learner.GetAsync("/cua-toi");

        Assert.Equal("Bài kiểm tra của tôi (25)", my.QuerySelector("#quizzes-heading")!.TextContent.Trim());
        var quizLink = (int i) => $"/bai-hoc/{ManyLessonsSite.Slug(i)}/kiem-tra";
        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(quizLink), Quizzes(my));
        Assert.Contains("Điểm cao nhất 75% · 1 lần làm", my.QuerySelector(".quiz-results__item")!.TextContent);
        Assert.Equal("/cua-toi/bai-kiem-tra", my.QuerySelector("#quizzes-heading")!.ParentElement!.QuerySelector("a.see-all")?.GetAttribute("href"));

        var (response, second) = await learner.GetAsync("/cua-toi/bai-kiem-tra?trang=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, "her own page");
        Assert.Equal("Bài kiểm tra của tôi (25)", second.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Trang 2/2", second.QuerySelector(".pager")!.TextContent);
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(quizLink), Quizzes(second));
        var (_, past) = await learner.GetAsync("/cua-toi/bai-kiem-tra?trang=hai");
        Assert.Equal(20, Quizzes(past).Count);

        var (_, stranger) = await new Visitor(site).GetAsync("/cua-toi/bai-kiem-tra");
        Assert.Equal("Bài kiểm tra của tôi (0)", stranger.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(stranger.QuerySelector(".empty a[href='/cua-toi']"));
        var (_, few) = await (await QuizTakerAsync(3)).GetAsync("/cua-toi");
        Assert.Equal(3, Quizzes(few).Count);
        Assert.Null(few.QuerySelector("#quizzes-heading")!.ParentElement!.QuerySelector("a.see-all"));
    }

    [Theory]
    [InlineData("?trang=99", 3)]
    [InlineData("?trang=2147483648", 3)]
    [InlineData("?trang=0", 1)]
    [InlineData("?trang=-4", 1)]
    [InlineData("?trang=hai", 1)]
    [InlineData("?trang=", 1)]
    public async Task A_page_number_out_of_range_or_not_a_number_shows_the_nearest_page_never_an_error(string query, int shown)
    {
        site.EnsureAvailable();
        var learner = await KeenLearnerAsync();

        var (response, page) = await learner.GetAsync("/cua-toi/da-hoc-xong" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Trang {shown}/3", page.QuerySelector(".pager")!.TextContent);
        Assert.Equal(shown == 3 ? 5 : 20, Links(page, ".done-list").Count);
    }

    [Fact]
    public async Task An_empty_list_says_so_kindly()
    {
        site.EnsureAvailable();
        var learner = await LearnerWithAsync([(1, Start, Start)]);

        var (response, page) = await learner.GetAsync("/cua-toi/dang-hoc?trang=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bài đang học (0)", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".empty"));
        Assert.Null(page.QuerySelector(".pager"));
        Assert.NotNull(page.QuerySelector(".breadcrumbs a[href='/cua-toi']"));
        Assert.Equal("/cua-toi", page.QuerySelector(".empty a.button")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_reader_without_an_account_sees_her_own_lists_from_her_cookie()
    {
        site.EnsureAvailable();
        var reader = new Visitor(site);
        await reader.CompleteAsync(ManyLessonsSite.Slug(7));
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        await reader.CompleteAsync(ManyLessonsSite.Slug(3));

        var (response, page) = await reader.GetAsync("/cua-toi/da-hoc-xong");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Lesson(3), Lesson(7)], Links(page, ".done-list"));
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true, Public: false }, "her own page, never kept by others");
        var (_, stranger) = await new Visitor(site).GetAsync("/cua-toi/da-hoc-xong");
        Assert.Empty(Links(stranger, ".done-list"));
    }
}

public sealed class MyLessonListsHttpTestsOnSqlite(ManyLessonsSqliteSite site) : MyLessonListsHttpTests<ManyLessonsSqliteSite>(site);

public sealed class MyLessonListsHttpTestsOnPostgres(ManyLessonsPostgresSite site) : MyLessonListsHttpTests<ManyLessonsPostgresSite>(site);
