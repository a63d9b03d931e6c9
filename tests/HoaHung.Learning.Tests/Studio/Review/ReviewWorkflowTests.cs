using System.Net;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>
/// The workflow on each database provider: every transition × role (allowed and refused, on the server), publishing
/// straight to the public page and search, a pending change that leaves the published revision online, scheduled
/// publication on a fake clock, and archiving.
/// </summary>
public abstract class ReviewWorkflowTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected TSite Site { get; } = site;

    public static TheoryData<string, string, bool> Transitions()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var action in new[] { "comment", "send back", "publish", "schedule", "archive" })
            foreach (var (who, allowed) in new[] { ("learner", false), ("trainer", false), ("author", false), ("author of the same team", false),
                         ("author of another team", false), ("reviewer", true), ("admin", true) })
                data.Add(action, who, allowed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Every_review_transition_is_for_reviewers_and_admins_only(string action, string who, bool allowed)
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync(StudioSite.TeamA);
        var (draft, revisionId) = await Site.SubmittedAsync(author.Id, $"Bài {action} {who}", "Dòng một.\nDòng hai.");
        if (action == "archive")
            Assert.IsType<ReviewResult.Done>(await Site.Reviews().PublishAsync((await Site.ReviewerAsync()).Id, draft.LessonId, revisionId, None));
        var actorId = who switch
        {
            "author" => author.Id,
            "learner" => (await Site.UserAsync(AccountSeed.UniqueName())).Id,
            "trainer" => (await Site.StaffAsync(StudioSite.TeamA, Roles.Trainer)).Id,
            "author of the same team" => (await Site.AuthorAsync(StudioSite.TeamA)).Id,
            "author of another team" => (await Site.AuthorAsync(StudioSite.TeamB)).Id,
            "reviewer" => (await Site.ReviewerAsync()).Id,
            _ => (await Site.StaffAsync(null, Roles.Admin)).Id,
        };
        var reviews = Site.Reviews();

        var result = action switch
        {
            "comment" => await reviews.CommentAsync(actorId, draft.LessonId, revisionId, 2, null, "Thêm ảnh ở bước này.", None),
            "send back" => await reviews.SendBackAsync(actorId, draft.LessonId, revisionId, "Thiếu ảnh.", None),
            "publish" => await reviews.PublishAsync(actorId, draft.LessonId, revisionId, None),
            "schedule" => await reviews.ScheduleAsync(actorId, draft.LessonId, revisionId, DateTimeOffset.UtcNow.AddDays(1), None),
            _ => await reviews.ArchiveAsync(actorId, draft.LessonId, None),
        };

        Assert.Equal(allowed ? ReviewResult.Ok : ReviewResult.Refuse(ReviewReasons.ReviewersOnly), result);
        var (state, status, comments, scheduled) = await Site.WithDbAsync(async db => (
            (await db.LessonDrafts().AsNoTracking().SingleAsync(d => d.LessonId == draft.LessonId)).State,
            (await db.Lessons.AsNoTracking().SingleAsync(l => l.Id == draft.LessonId)).Status,
            await db.ReviewComments().CountAsync(c => c.LessonId == draft.LessonId),
            await db.LessonReviews().AnyAsync(r => r.LessonId == draft.LessonId && r.ScheduledFor != null)));
        var expected = (allowed, action) switch
        {
            (true, "send back") => (ReviewState.SentBack, LessonStatus.Draft, 0, false),
            (true, "publish") => (ReviewState.Editing, LessonStatus.Published, 0, false),
            (true, "comment") => (ReviewState.InReview, LessonStatus.Draft, 1, false),
            (true, "schedule") => (ReviewState.InReview, LessonStatus.Draft, 0, true),
            (true, _) => (ReviewState.Editing, LessonStatus.Archived, 0, false),
            (false, "archive") => (ReviewState.Editing, LessonStatus.Published, 0, false),
            _ => (ReviewState.InReview, LessonStatus.Draft, 0, false),
        };
        Assert.Equal(expected, (state, status, comments, scheduled));
    }

    [Fact]
    public async Task A_reviewer_publishes_from_the_queue_and_residents_see_the_lesson_and_find_it_at_once()
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var reviewer = await Site.ReviewerAsync();
        const string word = "Vietcombankgiamao";
        var (draft, revisionId) = await Site.SubmittedAsync(author.Id, "Tin nhắn giả danh ngân hàng", $"Tin nhắn {word} là lừa đảo.");
        var before = await Site.WithDbAsync(db => CatalogVersion.ReadAsync(db, None));
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client().GetAsync($"/bai-hoc/{draft.Slug}")).StatusCode);

        var queue = (await Site.Reviews().QueueAsync(reviewer.Id, None))!;
        var item = Assert.Single(queue, q => q.LessonId == draft.LessonId);
        Assert.Equal((revisionId, false, "Tin nhắn giả danh ngân hàng"), (item.RevisionId, item.IsChange, item.Title));
        Assert.Null(await Site.Reviews().QueueAsync(author.Id, None));
        Assert.Equal(ReviewResult.Refuse(ReviewReasons.ReviewersOnly), await Site.Reviews().PublishAsync(author.Id, draft.LessonId, revisionId, None));

        Assert.Equal(ReviewResult.Ok, await Site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, revisionId, None));

        var page = await Site.Client().GetStringAsync($"/bai-hoc/{draft.Slug}");
        Assert.Contains(word, page);
        Assert.Contains(draft.Slug, await Site.Client().GetStringAsync($"/tim-kiem?q={word}"));
        Assert.True(await Site.WithDbAsync(db => CatalogVersion.ReadAsync(db, None)) > before);
        Assert.DoesNotContain((await Site.Reviews().QueueAsync(reviewer.Id, None))!, q => q.LessonId == draft.LessonId);
        var stored = await Site.WithDbAsync(db => db.LessonDrafts().AsNoTracking().SingleAsync(d => d.LessonId == draft.LessonId));
        Assert.Equal((ReviewState.Editing, false, revisionId), (stored.State, stored.HasPendingChange, stored.BaseRevisionId));
    }

    [Fact]
    public async Task A_change_to_a_published_lesson_stays_off_the_public_page_until_it_is_published()
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var reviewer = await Site.ReviewerAsync();
        var (draft, first) = await Site.SubmittedAsync(author.Id, "Bài có bản sửa", "Bản đầu tiên đã duyệt.");
        Assert.Equal(ReviewResult.Ok, await Site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, first, None));

        var (_, second) = await Site.ResubmitAsync(author.Id, draft.LessonId, "Bài có bản sửa", "Bản sửa đang chờ duyệt.");

        var page = await Site.Client().GetStringAsync($"/bai-hoc/{draft.Slug}");
        Assert.Contains("Bản đầu tiên đã duyệt.", page);
        Assert.DoesNotContain("Bản sửa đang chờ duyệt.", page);
        Assert.True(Assert.Single((await Site.Reviews().QueueAsync(reviewer.Id, None))!, q => q.LessonId == draft.LessonId).IsChange);
        // The reviewer read the first submission; the author has sent another since: publishing what she read is refused.
        Assert.Equal(ReviewResult.Refuse(ReviewReasons.ChangedSinceOpened), await Site.Reviews().SendBackAsync(reviewer.Id, draft.LessonId, first, "Cũ.", None));

        Assert.Equal(ReviewResult.Ok, await Site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, second, None));
        page = await Site.Client().GetStringAsync($"/bai-hoc/{draft.Slug}");
        Assert.Contains("Bản sửa đang chờ duyệt.", page);
        Assert.DoesNotContain("Bản đầu tiên đã duyệt.", page);
    }

    [Fact]
    public async Task A_scheduled_lesson_is_published_by_the_clock_not_before()
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var reviewer = await Site.ReviewerAsync();
        var (draft, revisionId) = await Site.SubmittedAsync(author.Id, "Bài hẹn giờ", "Xuất bản sáng mai.");
        var soon = DateTimeOffset.UtcNow.AddHours(10);
        var at = new DateTimeOffset(soon.Ticks - soon.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero); // PostgreSQL keeps microseconds
        Assert.Equal(ReviewResult.Refuse(ReviewReasons.ScheduleInPast),
            await Site.Reviews().ScheduleAsync(reviewer.Id, draft.LessonId, revisionId, DateTimeOffset.UtcNow.AddMinutes(-1), None));
        Assert.Equal(ReviewResult.Ok, await Site.Reviews().ScheduleAsync(reviewer.Id, draft.LessonId, revisionId, at, None));
        Assert.Equal(at.UtcDateTime, Assert.Single((await Site.Reviews().QueueAsync(reviewer.Id, None))!, q => q.LessonId == draft.LessonId).ScheduledFor!.Value, TimeSpan.FromMilliseconds(1));

        var clock = new FakeTimeProvider(at.AddMinutes(-1));
        var scheduler = new ScheduledPublishing(Site.Services.GetRequiredService<IDbContextFactory<Data.LearningDbContext>>(),
            new LessonPublisher(Site.Services.GetRequiredService<IDbContextFactory<Data.LearningDbContext>>(), Site.Services.GetRequiredService<IServiceScopeFactory>(),
                clock, NullLogger<LessonPublisher>.Instance), clock, NullLogger<ScheduledPublishing>.Instance);

        Assert.Equal(0, await scheduler.PublishDueAsync(None));
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client().GetAsync($"/bai-hoc/{draft.Slug}")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await scheduler.PublishDueAsync(None) >= 1);
        Assert.Contains("Xuất bản sáng mai.", await Site.Client().GetStringAsync($"/bai-hoc/{draft.Slug}"));
        var lesson = await Site.WithDbAsync(db => db.Lessons.AsNoTracking().SingleAsync(l => l.Id == draft.LessonId));
        Assert.Equal((LessonStatus.Published, revisionId, at.UtcDateTime), (lesson.Status, lesson.PublishedRevisionId, lesson.PublishedAt!.Value));
        Assert.Equal(0, await scheduler.PublishDueAsync(None)); // the schedule is done with
    }

    /// <summary>
    /// Issue 26 item 2: a lesson with a scheduled change that was then archived was published again by the scheduler
    /// within seconds. Archiving cancels the schedule, the scheduler checks again before it publishes, and an archived
    /// lesson cannot be scheduled back (only "Xuất bản", now).
    /// </summary>
    [Fact]
    public async Task An_archived_lesson_stays_down_whatever_was_scheduled_for_it()
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var reviewer = await Site.ReviewerAsync();
        var (draft, first) = await Site.SubmittedAsync(author.Id, "Bài bị gỡ", "Bản đầu tiên.");
        Assert.Equal(ReviewResult.Ok, await Site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, first, None));
        var (_, second) = await Site.ResubmitAsync(author.Id, draft.LessonId, "Bài bị gỡ", "Bản sửa có hẹn giờ.");
        var at = DateTimeOffset.UtcNow.AddHours(2);
        Assert.Equal(ReviewResult.Ok, await Site.Reviews().ScheduleAsync(reviewer.Id, draft.LessonId, second, at, None));

        Assert.Equal(ReviewResult.Ok, await Site.Reviews().ArchiveAsync(reviewer.Id, draft.LessonId, None));

        Assert.False(await Site.WithDbAsync(db => db.LessonReviews().AnyAsync(r => r.LessonId == draft.LessonId && r.ScheduledFor != null)));
        var clock = new FakeTimeProvider(at.AddMinutes(1));
        var scheduler = Scheduler(clock);
        Assert.Equal(0, await scheduler.PublishDueAsync(None));
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client().GetAsync($"/bai-hoc/{draft.Slug}")).StatusCode);
        Assert.Equal(ReviewResult.Refuse(ReviewReasons.Archived),
            await Site.Reviews().ScheduleAsync(reviewer.Id, draft.LessonId, second, DateTimeOffset.UtcNow.AddHours(3), None));

        // A schedule row left from before this rule (or written by a race): the scheduler still will not bring the lesson back.
        await Site.WithDbAsync(db => db.LessonReviews().Where(r => r.LessonId == draft.LessonId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ScheduledFor, at.UtcDateTime).SetProperty(r => r.ScheduledRevisionId, second).SetProperty(r => r.ScheduledBy, reviewer.Id)));
        Assert.Equal(0, await scheduler.PublishDueAsync(None));
        var lesson = await Site.WithDbAsync(db => db.Lessons.AsNoTracking().SingleAsync(l => l.Id == draft.LessonId));
        Assert.Equal((LessonStatus.Archived, first), (lesson.Status, lesson.PublishedRevisionId));
        Assert.False(await Site.WithDbAsync(db => db.LessonReviews().AnyAsync(r => r.LessonId == draft.LessonId && r.ScheduledFor != null)));
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client().GetAsync($"/bai-hoc/{draft.Slug}")).StatusCode);

        // Publishing it now is the reviewer's to do, and works.
        Assert.Equal(ReviewResult.Ok, await Site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, second, None));
        Assert.Contains("Bản sửa có hẹn giờ.", await Site.Client().GetStringAsync($"/bai-hoc/{draft.Slug}"));
    }

    private ScheduledPublishing Scheduler(TimeProvider clock) =>
        new(Site.Services.GetRequiredService<IDbContextFactory<Data.LearningDbContext>>(),
            new LessonPublisher(Site.Services.GetRequiredService<IDbContextFactory<Data.LearningDbContext>>(), Site.Services.GetRequiredService<IServiceScopeFactory>(),
                clock, NullLogger<LessonPublisher>.Instance), clock, NullLogger<ScheduledPublishing>.Instance);

    [Fact]
    public async Task Sending_back_needs_a_reason_and_the_author_sees_it_with_the_comments_which_resolve_when_she_changes_the_lines()
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var reviewer = await Site.ReviewerAsync();
        var (draft, first) = await Site.SubmittedAsync(author.Id, "Bài có nhận xét", "Bước 1: mở ứng dụng.\nBước 2: bấm vào đây.\nBước 3: xong.");
        var reviews = Site.Reviews();
        Assert.Equal(ReviewResult.Ok, await reviews.CommentAsync(reviewer.Id, draft.LessonId, first, 2, null, "Đừng viết “bấm vào đây”.", None));
        Assert.Equal(ReviewResult.Ok, await reviews.CommentAsync(reviewer.Id, draft.LessonId, first, 3, 3, "Câu này ổn.", None));
        Assert.Equal(ReviewResult.Refuse(ReviewReasons.LineOutOfRange), await reviews.CommentAsync(reviewer.Id, draft.LessonId, first, 9, null, "Ngoài bài.", None));
        Assert.Equal(ReviewResult.Refuse(ReviewReasons.ReasonRequired), await reviews.SendBackAsync(reviewer.Id, draft.LessonId, first, "  ", None));
        Assert.Equal(ReviewResult.Ok, await reviews.SendBackAsync(reviewer.Id, draft.LessonId, first, "Sửa bước 2 rồi gửi lại.", None));

        var notes = (await reviews.NotesAsync(author.Id, draft.LessonId, None))!;
        Assert.Equal((ReviewState.SentBack, "Sửa bước 2 rồi gửi lại."), (notes.State, notes.SentBackReason));
        Assert.Equal([false, false], notes.Comments.OrderBy(c => c.Line).Select(c => c.Resolved));
        Assert.Null(await reviews.NotesAsync((await Site.AuthorAsync(StudioSite.TeamB)).Id, draft.LessonId, None));

        var (_, second) = await Site.ResubmitAsync(author.Id, draft.LessonId, "Bài có nhận xét", "Bước 1: mở ứng dụng.\nBước 2: bấm nút Đăng ký.\nBước 3: xong.");

        notes = (await reviews.NotesAsync(author.Id, draft.LessonId, None))!;
        Assert.Equal([true, false], notes.Comments.OrderBy(c => c.Line).Select(c => c.Resolved));
        var (view, refusal) = await reviews.OpenAsync(reviewer.Id, draft.Slug, None);
        Assert.Null(refusal);
        Assert.Equal((second, ReviewState.InReview, true), (view!.RevisionId, view.State, view.CanPublish));
        // What changed since her last review: only the second line.
        var body = Assert.Single(view.SinceLastReview!.Fields, f => f.Changed);
        Assert.Equal(DiffFields.Body, body.Field);
        Assert.Equal(["vào đây"], body.Segments.Where(s => s.Kind == DiffKind.Removed).Select(s => s.Text.Trim()));
        Assert.Equal(["nút Đăng ký"], body.Segments.Where(s => s.Kind == DiffKind.Added).Select(s => s.Text.Trim()));
        Assert.Equal((null, ReviewReasons.ReviewersOnly), await reviews.OpenAsync(author.Id, draft.Slug, None));
    }

    [Fact]
    public async Task Archiving_takes_the_lesson_off_the_public_site_and_out_of_search()
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var reviewer = await Site.ReviewerAsync();
        const string word = "Luutrubaihoc";
        var (draft, revisionId) = await Site.SubmittedAsync(author.Id, "Bài sẽ lưu trữ", $"Từ khoá {word}.");
        Assert.Equal(ReviewResult.Ok, await Site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, revisionId, None));
        Assert.Contains(draft.Slug, await Site.Client().GetStringAsync($"/tim-kiem?q={word}"));

        Assert.Equal(ReviewResult.Ok, await Site.Reviews().ArchiveAsync(reviewer.Id, draft.LessonId, None));

        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client().GetAsync($"/bai-hoc/{draft.Slug}")).StatusCode);
        Assert.DoesNotContain(draft.Slug, await Site.Client().GetStringAsync($"/tim-kiem?q={word}"));
        Assert.Equal(ReviewResult.Refuse(ReviewReasons.NotPublished), await Site.Reviews().ArchiveAsync(reviewer.Id, draft.LessonId, None));
    }
}

public sealed class ReviewWorkflowTestsOnSqlite(StudioSqliteSite site) : ReviewWorkflowTests<StudioSqliteSite>(site);

public sealed class ReviewWorkflowTestsOnPostgres(StudioPostgresSite site) : ReviewWorkflowTests<StudioPostgresSite>(site);
