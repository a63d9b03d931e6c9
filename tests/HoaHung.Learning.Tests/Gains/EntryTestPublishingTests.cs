using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Tests.Studio;
using HoaHung.Learning.Tests.Studio.Review;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Gains;

/// <summary>
/// A path's entry test set where paths are edited in the studio: a quiz lesson's working copy names the paths, and a
/// reviewer's publishing applies it; an author alone changes nothing residents see.
/// </summary>
public abstract class EntryTestPublishingTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static LessonContent Quiz(params string[] entryTestFor) => ReviewSite.Content("Bài kiểm tra đầu vào an toàn", "Làm bài kiểm tra ngắn này.") with
    {
        Type = LessonType.Quiz,
        Quiz = new QuizInput
        {
            PassMark = 50,
            Questions = [new QuestionInput { Type = "true_false", Text = "Công an gọi xin mã OTP là thật", Answer = false, Explanation = "Không bao giờ." }],
        },
        EntryTestFor = entryTestFor,
    };

    private Task<int?> EntryTestAsync() =>
        site.WithDbAsync(db => db.LearningPaths.AsNoTracking().Where(p => p.Slug == "an-toan").Select(p => p.EntryTestId).FirstAsync());

    [Fact]
    public async Task Publishing_a_quiz_lesson_that_names_a_path_makes_it_the_paths_entry_test_and_unticking_it_removes_it()
    {
        site.EnsureAvailable();
        var author = await site.StaffAsync(StudioSite.TeamA, Roles.Author);
        var reviewer = await site.ReviewerAsync();
        var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.CreateAsync(author.Id, Quiz("an-toan"), None)).Draft;
        var saved = Assert.IsType<DraftResult.Saved>(await site.Drafts.SubmitAsync(author.Id, draft.LessonId, new DraftEdit(draft.Version, Quiz("an-toan")), None));
        Assert.Null(await EntryTestAsync()); // sent for review: nothing changes yet

        Assert.Equal(ReviewResult.Ok, await site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, saved.RevisionId!.Value, None));
        Assert.Equal(draft.LessonId, await EntryTestAsync());
        // The working copy reopened still names the path (the editor shows the box ticked).
        var reopened = Assert.IsType<OpenResult.Opened>(await site.Drafts.OpenAsync(author.Id, draft.Slug, None)).Draft;
        Assert.Equal(["an-toan"], reopened.Content.EntryTestFor);

        var unticked = Assert.IsType<DraftResult.Saved>(await site.Drafts.SubmitAsync(author.Id, draft.LessonId, new DraftEdit(reopened.Version, Quiz()), None));
        Assert.Equal(ReviewResult.Ok, await site.Reviews().PublishAsync(reviewer.Id, draft.LessonId, unticked.RevisionId!.Value, None));
        Assert.Null(await EntryTestAsync());
    }
}

public sealed class EntryTestPublishingTestsOnSqlite(StudioSqliteSite site) : EntryTestPublishingTests<StudioSqliteSite>(site);

public sealed class EntryTestPublishingTestsOnPostgres(StudioPostgresSite site) : EntryTestPublishingTests<StudioPostgresSite>(site);
