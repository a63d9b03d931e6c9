using System.Net;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.ContentPacks;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>Working copies, autosave, conflicts, revisions and sending for review, on each database provider.</summary>
public abstract class DraftsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected TSite Site { get; } = site;

    private static LessonContent Lesson(string title, string body = "Mở ứng dụng. Bấm nút Đăng ký.") => new()
    {
        Title = title, Summary = "Một câu nói bài học giúp gì.", Topic = "an-toan-tren-mang", Body = body, Minutes = 6,
        Tags = "lừa đảo, ngân hàng",
    };

    private async Task<(string UserId, DraftView Draft)> NewLessonAsync(string title, LessonContent? content = null)
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var opened = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(author.Id, content ?? Lesson(title), None));
        return (author.Id, opened.Draft);
    }

    private Task<LessonDraft> StoredAsync(int lessonId) =>
        Site.WithDbAsync(db => db.LessonDrafts().AsNoTracking().SingleAsync(d => d.LessonId == lessonId));

    [Fact]
    public async Task A_new_lesson_belongs_to_its_author_and_team_and_is_invisible_to_residents()
    {
        var (userId, draft) = await NewLessonAsync("Cách nhận biết tin nhắn lừa đảo giả danh ngân hàng");

        Assert.StartsWith("cach-nhan-biet-tin-nhan-lua-dao-gia-danh-ngan-hang", draft.Slug);
        Assert.Equal((ReviewState.Editing, LessonStatus.Draft, true, 1L), (draft.State, draft.PublicStatus, draft.HasPendingChange, draft.Version));
        var lesson = await Site.WithDbAsync(db => db.Lessons.AsNoTracking().SingleAsync(l => l.Id == draft.LessonId));
        Assert.Equal((userId, StudioSite.TeamA, null), (lesson.AuthorId, lesson.Team, lesson.PublishedRevisionId));
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client().GetAsync($"/bai-hoc/{draft.Slug}")).StatusCode);

        var again = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(userId, Lesson("Cách nhận biết tin nhắn lừa đảo giả danh ngân hàng"), None));
        Assert.NotEqual(draft.Slug, again.Draft.Slug);
    }

    [Fact]
    public async Task Autosave_stores_each_version_and_an_older_save_never_overwrites_newer_text()
    {
        var (userId, draft) = await NewLessonAsync("Bài tự lưu");
        var first = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveAsync(userId, draft.LessonId,
            new DraftEdit(draft.Version, Lesson("Bài tự lưu", "Bản thứ hai.")), None));
        Assert.Equal(draft.Version + 1, first.Version);

        // A second editor (or a stale tab) still at the first version.
        var stale = Lesson("Bài tự lưu", "Bản cũ gõ ở máy khác.");
        var conflict = Assert.IsType<DraftResult.Conflict>(await Site.Drafts.SaveAsync(userId, draft.LessonId, new DraftEdit(draft.Version, stale), None));

        Assert.Equal(("Bản thứ hai.", first.Version), (conflict.Current.Content.Body, conflict.Current.Version));
        Assert.Equal("Bản cũ gõ ở máy khác.", conflict.Yours.Body);
        Assert.StartsWith("Tình nguyện viên", conflict.Current.SavedBy);
        var stored = await StoredAsync(draft.LessonId);
        Assert.Equal(("Bản thứ hai.", first.Version), (stored.Body, stored.Version));
    }

    [Fact]
    public async Task A_retried_save_and_the_same_editor_session_after_a_lost_answer_are_not_conflicts()
    {
        var (userId, draft) = await NewLessonAsync("Bài mất kết nối");
        var text = Lesson("Bài mất kết nối", "Đã lưu nhưng câu trả lời bị mất.");
        var saved = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveAsync(userId, draft.LessonId, new DraftEdit(draft.Version, text, "tab-1"), None));

        // The same text sent again on the old version (the editor never heard back): nothing to write.
        var retry = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveAsync(userId, draft.LessonId, new DraftEdit(draft.Version, text, "tab-1"), None));
        Assert.Equal(saved.Version, retry.Version);

        // The same tab typed on: its text contains what it saved, so the old version number is no conflict.
        var more = text with { Body = text.Body + " Và gõ thêm." };
        var next = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveAsync(userId, draft.LessonId, new DraftEdit(draft.Version, more, "tab-1"), None));
        Assert.Equal(saved.Version + 1, next.Version);

        // Another tab on an old version is.
        Assert.IsType<DraftResult.Conflict>(await Site.Drafts.SaveAsync(userId, draft.LessonId,
            new DraftEdit(saved.Version, text with { Body = "Tab khác." }, "tab-2"), None));
        Assert.Equal(more.Body, (await StoredAsync(draft.LessonId)).Body);
    }

    [Fact]
    public async Task Saving_a_draft_makes_an_immutable_author_revision_once_per_change()
    {
        var (userId, draft) = await NewLessonAsync("Bài lưu nháp");
        var saved = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveRevisionAsync(userId, draft.LessonId,
            new DraftEdit(draft.Version, Lesson("Bài lưu nháp", "Phiên bản một.")), None));
        var again = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveRevisionAsync(userId, draft.LessonId,
            new DraftEdit(saved.Version, Lesson("Bài lưu nháp", "Phiên bản một.")), None));
        Assert.Equal(saved.RevisionId, again.RevisionId);

        var changed = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveRevisionAsync(userId, draft.LessonId,
            new DraftEdit(again.Version, Lesson("Bài lưu nháp", "Phiên bản hai.")), None));
        Assert.NotEqual(saved.RevisionId, changed.RevisionId);

        var revisions = await Site.WithDbAsync(db => db.LessonRevisions.AsNoTracking().Where(r => r.LessonId == draft.LessonId)
            .OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([(1, "Phiên bản một."), (2, "Phiên bản hai.")], revisions.Select(r => (r.Number, r.Body)));
        Assert.All(revisions, r => Assert.Equal((RevisionSource.Author, userId), (r.Source, r.CreatedBy)));
        Assert.Equal(("Bài lưu nháp", "an-toan-tren-mang", 6, "lừa đảo, ngân hàng"), (revisions[0].Title, revisions[0].TopicSlug, revisions[0].Minutes, revisions[0].Tags));
        Assert.Equal(LessonStatus.Draft, await Site.WithDbAsync(db => db.Lessons.Where(l => l.Id == draft.LessonId).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Sending_for_review_with_a_picture_without_description_keeps_the_text_and_says_why()
    {
        var (userId, draft) = await NewLessonAsync("Bài thiếu mô tả ảnh");
        await using var png = new MemoryStream(TestMedia.Png(300, 200));
        var picture = Assert.IsType<LibraryResult.Done>(await Site.Media.AddPictureAsync(userId, draft.LessonId, png, "man-hinh.png", null, None)).Item!;
        var content = Lesson("Bài thiếu mô tả ảnh", $"Mở ứng dụng.\n\n![]({picture.Path})\n") with { Summary = "" };

        var result = Assert.IsType<DraftResult.Invalid>(await Site.Drafts.SubmitAsync(userId, draft.LessonId, new DraftEdit(draft.Version, content), None));

        Assert.Equal([(IssueKeys.EmptySummary, null), (IssueKeys.PictureWithoutDescription, 3)], result.Issues.Select(i => (i.Key, i.Line)));
        var stored = await StoredAsync(draft.LessonId);
        Assert.Equal((content.Body, ReviewState.Editing, null, result.Version), (stored.Body, stored.State, stored.SubmittedRevisionId, stored.Version));
    }

    [Fact]
    public async Task A_lesson_never_published_goes_to_review_and_stays_invisible()
    {
        var (userId, draft) = await NewLessonAsync("Bài gửi duyệt");
        var sent = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SubmitAsync(userId, draft.LessonId,
            new DraftEdit(draft.Version, Lesson("Bài gửi duyệt") with { Paths = ["an-toan"] }), None));

        var stored = await StoredAsync(draft.LessonId);
        Assert.Equal((ReviewState.InReview, sent.RevisionId, userId), (stored.State, stored.SubmittedRevisionId, stored.SubmittedBy));
        Assert.Equal("an-toan", stored.Paths);
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client().GetAsync($"/bai-hoc/{draft.Slug}")).StatusCode);

        // Sending the same thing again changes nothing.
        var again = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SubmitAsync(userId, draft.LessonId,
            new DraftEdit(sent.Version, Lesson("Bài gửi duyệt") with { Paths = ["an-toan"] }), None));
        Assert.Equal((sent.RevisionId, sent.Version), (again.RevisionId, again.Version));
    }

    [Fact]
    public async Task A_published_lesson_sent_for_review_keeps_serving_its_published_revision()
    {
        Site.EnsureAvailable();
        var reviewer = await Site.StaffAsync(null, HoaHung.Learning.Accounts.Roles.Reviewer);
        var opened = Assert.IsType<OpenResult.Opened>(await Site.Drafts.OpenAsync(reviewer.Id, "bai-thu-hai", None)).Draft;
        Assert.Equal((LessonStatus.Published, false), (opened.PublicStatus, opened.HasPendingChange));
        var published = await Site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == "bai-thu-hai").Select(l => l.PublishedRevisionId).SingleAsync());

        var sent = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SubmitAsync(reviewer.Id, opened.LessonId,
            new DraftEdit(opened.Version, opened.Content with { Body = "Nội dung mới chờ duyệt." }), None));

        Assert.NotEqual(published, sent.RevisionId);
        Assert.Equal(published, await Site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == "bai-thu-hai").Select(l => l.PublishedRevisionId).SingleAsync()));
        var page = await (await Site.Client().GetAsync("/bai-hoc/bai-thu-hai")).Content.ReadAsStringAsync();
        Assert.Contains("Nội dung.", page);
        Assert.DoesNotContain("Nội dung mới chờ duyệt.", page);
        var stored = await StoredAsync(opened.LessonId);
        Assert.Equal((ReviewState.InReview, true), (stored.State, stored.HasPendingChange));
    }

    [Fact]
    public async Task Opening_an_imported_lesson_starts_from_its_newest_revision_with_its_pictures_described()
    {
        Site.EnsureAvailable();
        var admin = await Site.StaffAsync(null, HoaHung.Learning.Accounts.Roles.Admin);
        var draft = Assert.IsType<OpenResult.Opened>(await Site.Drafts.OpenAsync(admin.Id, StudioSite.Imported, None)).Draft;

        Assert.Contains(StudioSite.ImportedText, draft.Content.Body);
        Assert.Equal(("Nhận biết lừa đảo", "an-toan-tren-mang"), (draft.Content.Title, draft.Content.Topic));
        var library = (await Site.Media.ListAsync(admin.Id, draft.LessonId, None))!;
        var picture = Assert.Single(library);
        Assert.Equal(("tin-nhan.png", MediaKind.Image, "Tin nhắn giả danh ngân hàng", true), (picture.Path, picture.Kind, picture.Description, picture.InUse));
    }

    [Fact]
    public async Task A_quiz_made_in_the_builder_is_stored_as_the_quiz_file_would_be()
    {
        var (userId, draft) = await NewLessonAsync("Bài có kiểm tra");
        var (fromFile, _) = QuizFile.Read(QuizFileTests.EveryType.Replace("image: a.png", "image: hinh-a.png").Replace("image: b.png", "image: hinh-b.png"),
            "Bài có kiểm tra", _ => null);
        foreach (var name in new[] { "hinh-a.png", "hinh-b.png" })
        {
            await using var png = new MemoryStream(TestMedia.Png(120, name == "hinh-a.png" ? 100 : 110));
            Assert.Equal(name, Assert.IsType<LibraryResult.Done>(await Site.Media.AddPictureAsync(userId, draft.LessonId, png, name, "Hình", None)).Item!.Path);
        }

        var content = Lesson("Bài có kiểm tra") with { Quiz = QuizInput.From(fromFile!) };
        var saved = Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveRevisionAsync(userId, draft.LessonId, new DraftEdit(draft.Version, content), None));

        var revision = await Site.WithDbAsync(db => db.LessonRevisions.Include(r => r.Media).AsNoTracking().SingleAsync(r => r.Id == saved.RevisionId));
        Assert.Equal(fromFile!.ToJson(), revision.QuizJson);
        Assert.Equal(["hinh-a.png", "hinh-b.png"], revision.Media.Select(m => m.Path).Order());

        // A half-written question is kept in the working copy, but no revision is made of it.
        var broken = content with { Quiz = QuizInput.From(fromFile) };
        broken.Quiz!.Questions!.Add(QuizBuilder.NewQuestion("single"));
        var invalid = Assert.IsType<DraftResult.Invalid>(await Site.Drafts.SaveRevisionAsync(userId, draft.LessonId, new DraftEdit(saved.Version, broken), None));
        var issue = Assert.Single(invalid.Issues.Where(i => i.Args![0] == 7), i => ContentText.Of(i.Why!).Contains("thiếu nội dung câu hỏi"));
        Assert.Equal((IssueKeys.QuizProblem, IssueFields.Quiz), (issue.Key, issue.Field));
        Assert.Equal(7, (await StoredAsync(draft.LessonId)).ToContent().Quiz!.Questions!.Count);
    }

    [Fact]
    public async Task The_studio_home_sorts_her_lessons_by_where_they_stand_and_shows_her_team()
    {
        Site.EnsureAvailable();
        var (userId, editing) = await NewLessonAsync("Bài đang viết ở nhà");
        var sent = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(userId, Lesson("Bài đã gửi"), None)).Draft;
        Assert.IsType<DraftResult.Saved>(await Site.Drafts.SubmitAsync(userId, sent.LessonId, new DraftEdit(sent.Version, Lesson("Bài đã gửi")), None));
        var teammate = await Site.AuthorAsync();
        var theirs = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(teammate.Id, Lesson("Bài của đồng đội"), None)).Draft;
        var other = await Site.AuthorAsync(StudioSite.TeamB);
        await Site.Drafts.CreateAsync(other.Id, Lesson("Bài của tổ khác"), None);

        var home = (await Site.Lessons.HomeAsync(userId, None))!;

        Assert.Equal([editing.Slug], home.Drafts.Select(r => r.Slug));
        Assert.Equal([sent.Slug], home.InReview.Select(r => r.Slug));
        Assert.Empty(home.SentBack);
        Assert.Contains(home.TeamLessons, r => r.Slug == theirs.Slug);
        Assert.DoesNotContain(home.TeamLessons, r => r.Title == "Bài của tổ khác");
        var found = (await Site.Lessons.ListAsync(userId, new StudioQuery(StudioScope.All, Search: "dong doi"), None))!;
        Assert.Equal([theirs.Slug], found.Select(r => r.Slug));
    }
}

public sealed class DraftsTestsOnSqlite(StudioSqliteSite site) : DraftsTests<StudioSqliteSite>(site);

public sealed class DraftsTestsOnPostgres(StudioPostgresSite site) : DraftsTests<StudioPostgresSite>(site);
