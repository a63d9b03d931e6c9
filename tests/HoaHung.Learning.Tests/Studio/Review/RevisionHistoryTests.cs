using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>
/// History, word-level diff and restore on each provider, and saves that race: whoever saves second is told, with
/// both versions, and nothing is overwritten.
/// </summary>
public abstract class RevisionHistoryTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected TSite Site { get; } = site;

    private async Task<(string AuthorId, DraftView Draft, int[] Revisions)> ThreeRevisionsAsync(string title)
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var draft = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(author.Id, ReviewSite.Content(title, "Mở ứng dụng VNeID trên điện thoại."), None)).Draft;
        var ids = new List<int>();
        var version = draft.Version;
        foreach (var (body, minutes) in new[] { ("Mở ứng dụng VNeID trên điện thoại.", 6), ("Mở ứng dụng VNeID mới nhất trên điện thoại.", 6), ("Mở ứng dụng VNeID mới nhất trên điện thoại.\n\nBấm Đăng nhập.", 9) })
        {
            var saved = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveRevisionAsync(author.Id, draft.LessonId,
                new DraftEdit(version, ReviewSite.Content(title, body) with { Minutes = minutes }), None));
            (version, ids) = (saved.Version, [.. ids, saved.RevisionId!.Value]);
        }
        return (author.Id, draft with { Version = version }, [.. ids]);
    }

    [Fact]
    public async Task Any_two_revisions_compare_word_by_word_in_the_text_and_the_settings()
    {
        var (authorId, draft, ids) = await ThreeRevisionsAsync("Bài có lịch sử");

        var (history, refusal) = await Site.History().ListAsync(authorId, draft.Slug, None);
        Assert.Null(refusal);
        Assert.Equal([3, 2, 1], history!.Revisions.Select(r => r.Number));
        Assert.All(history.Revisions, r => Assert.StartsWith("Tình nguyện viên", r.CreatedByName));

        var (one, _) = await Site.History().CompareAsync(authorId, draft.LessonId, ids[0], ids[1], None);
        var body = Assert.Single(one!.Fields, f => f.Changed);
        Assert.Equal(DiffFields.Body, body.Field);
        Assert.Equal(["mới nhất"], body.Segments.Where(s => s.Kind == DiffKind.Added).Select(s => s.Text.Trim()));
        Assert.DoesNotContain(body.Segments, s => s.Kind == DiffKind.Removed);
        Assert.Equal("Mở ứng dụng VNeID mới nhất trên điện thoại.", string.Concat(body.Segments.Select(s => s.Text)));

        var (both, _) = await Site.History().CompareAsync(authorId, draft.LessonId, ids[0], ids[2], None);
        Assert.Equal([DiffFields.Settings, DiffFields.Body], both!.Fields.Where(f => f.Changed).Select(f => f.Field));
        var settings = both.Fields.Single(f => f.Field == DiffFields.Settings);
        Assert.Equal(["6"], settings.Segments.Where(s => s.Kind == DiffKind.Removed).Select(s => s.Text));
        Assert.Equal(["9"], settings.Segments.Where(s => s.Kind == DiffKind.Added).Select(s => s.Text));

        var stranger = await Site.AuthorAsync(StudioSite.TeamB);
        Assert.Equal(StudioReasons.NotAllowed, (await Site.History().CompareAsync(stranger.Id, draft.LessonId, ids[0], ids[1], None)).Refusal);
        Assert.Equal(StudioReasons.NotAllowed, (await Site.History().ListAsync(stranger.Id, draft.Slug, None)).Refusal);
    }

    [Fact]
    public async Task Restoring_an_old_revision_makes_a_new_one_and_keeps_every_other()
    {
        var (authorId, draft, ids) = await ThreeRevisionsAsync("Bài khôi phục");

        var restored = Assert.IsType<DraftResult.Saved>(await Site.History().RestoreAsync(authorId, draft.LessonId, ids[0], draft.Version, None));

        Assert.DoesNotContain(restored.RevisionId!.Value, ids);
        var revisions = await Site.WithDbAsync(db => db.LessonRevisions.AsNoTracking().Where(r => r.LessonId == draft.LessonId)
            .OrderBy(r => r.Number).Select(r => new { r.Number, r.Body, r.Minutes }).ToListAsync());
        Assert.Equal([1, 2, 3, 4], revisions.Select(r => r.Number));
        Assert.Equal((revisions[0].Body, 6), (revisions[3].Body, revisions[3].Minutes));
        Assert.Contains("Bấm Đăng nhập.", revisions[2].Body);
        var stored = await Site.WithDbAsync(db => db.LessonDrafts().AsNoTracking().SingleAsync(d => d.LessonId == draft.LessonId));
        Assert.Equal(("Mở ứng dụng VNeID trên điện thoại.", restored.Version), (stored.Body, stored.Version));
        var (again, _) = await Site.History().CompareAsync(authorId, draft.LessonId, ids[0], restored.RevisionId.Value, None);
        Assert.False(again!.Changed);
    }

    [Fact]
    public async Task A_restore_based_on_an_old_version_overwrites_nothing_and_shows_both()
    {
        var (authorId, draft, ids) = await ThreeRevisionsAsync("Bài khôi phục muộn");
        var reviewer = await Site.ReviewerAsync();
        var theirs = ReviewSite.Content("Bài khôi phục muộn", "Người duyệt vừa sửa câu này.");
        Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveAsync(reviewer.Id, draft.LessonId, new DraftEdit(draft.Version, theirs), None));

        var conflict = Assert.IsType<DraftResult.Conflict>(await Site.History().RestoreAsync(authorId, draft.LessonId, ids[0], draft.Version, None));

        Assert.Equal("Người duyệt vừa sửa câu này.", conflict.Current.Content.Body);
        Assert.Equal("Mở ứng dụng VNeID trên điện thoại.", conflict.Yours.Body);
        Assert.Equal("Người duyệt vừa sửa câu này.", await Site.WithDbAsync(db => db.LessonDrafts().AsNoTracking()
            .Where(d => d.LessonId == draft.LessonId).Select(d => d.Body).SingleAsync()));
        Assert.Equal(3, await Site.WithDbAsync(db => db.LessonRevisions.CountAsync(r => r.LessonId == draft.LessonId)));
    }

    [Fact]
    public async Task Two_editors_saving_at_once_never_lose_a_word_the_second_is_told()
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var colleague = await Site.AuthorAsync();
        var draft = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(author.Id, ReviewSite.Content("Bài hai người sửa", "Bản chung."), None)).Draft;

        for (var round = 0; round < 5; round++)
        {
            var version = (await Site.WithDbAsync(db => db.LessonDrafts().AsNoTracking().SingleAsync(d => d.LessonId == draft.LessonId))).Version;
            var mine = ReviewSite.Content("Bài hai người sửa", $"Anh Minh viết vòng {round}.");
            var hers = ReviewSite.Content("Bài hai người sửa", $"Chị Thảo viết vòng {round}.");
            // Two contexts at once (each call opens its own), both based on the same version.
            var results = await Task.WhenAll(
                Task.Run(() => Site.Drafts.SaveAsync(author.Id, draft.LessonId, new DraftEdit(version, mine, "tab-minh"), None)),
                Task.Run(() => Site.Drafts.SaveRevisionAsync(colleague.Id, draft.LessonId, new DraftEdit(version, hers, "tab-thao"), None)));

            var saved = Assert.Single(results.OfType<DraftResult.Saved>());
            var told = Assert.IsType<DraftResult.Conflict>(Assert.Single(results, r => r is not DraftResult.Saved));
            var stored = await Site.WithDbAsync(db => db.LessonDrafts().AsNoTracking().SingleAsync(d => d.LessonId == draft.LessonId));
            Assert.Equal((stored.Body, stored.Version), (told.Current.Content.Body, told.Current.Version));
            Assert.Equal(saved.Version, stored.Version);
            Assert.NotEqual(stored.Body, told.Yours.Body); // the loser holds her own text, to keep or merge
            Assert.Contains(told.Yours.Body, new[] { mine.Body, hers.Body });
        }
    }
}

public sealed class RevisionHistoryTestsOnSqlite(StudioSqliteSite site) : RevisionHistoryTests<StudioSqliteSite>(site);

public sealed class RevisionHistoryTestsOnPostgres(StudioPostgresSite site) : RevisionHistoryTests<StudioPostgresSite>(site);
