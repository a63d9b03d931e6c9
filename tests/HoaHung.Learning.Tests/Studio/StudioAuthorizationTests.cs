using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>
/// Every studio service action checks on the server, from the database, who is acting and whether she may edit the
/// lesson: a circuit or a crafted request gets no further than the buttons would let it.
/// </summary>
public abstract class StudioAuthorizationTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected TSite Site { get; } = site;

    public static TheoryData<string, bool> OnATeamLesson => new()
    {
        { "anonymous", false },
        { "learner", false },
        { "trainer", false },
        { "author of another team", false },
        { "author without a team", false },
        { "locked author", false },
        { "author", true },
        { "author of the same team", true },
        { "reviewer", true },
        { "admin", true },
    };

    public static TheoryData<string, bool> OnAnImportedLesson => new()
    {
        { "learner", false },
        { "author", false },
        { "reviewer", true },
        { "admin", true },
    };

    [Theory]
    [MemberData(nameof(OnATeamLesson))]
    public async Task Every_action_on_a_team_lesson_is_allowed_only_to_its_author_her_team_reviewers_and_admins(string who, bool allowed)
    {
        Site.EnsureAvailable();
        var owner = await Site.AuthorAsync(StudioSite.TeamA);
        var draft = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(owner.Id,
            new LessonContent { Title = $"Bài của tổ ({who})", Summary = "Tóm tắt.", Topic = "dien-thoai" }, None)).Draft;
        await using (var png = new MemoryStream(TestMedia.Png(200, 100 + who.Length)))
            Assert.IsType<LibraryResult.Done>(await Site.Media.AddPictureAsync(owner.Id, draft.LessonId, png, "anh.png", "Ảnh", None));
        var actorId = who switch
        {
            "author" => owner.Id,
            "locked author" => await LockedAsync(owner),
            _ => await ActorAsync(who),
        };

        var outcomes = await EveryActionAsync(actorId, draft);

        foreach (var (action, refused) in outcomes)
            Assert.True(refused != allowed, $"{who}: {action} was {(refused ? "refused" : "allowed")}");
        Assert.Equal(!allowed && who is not ("author of another team" or "author without a team"),
            await Site.Lessons.HomeAsync(actorId, None) is null);
    }

    [Theory]
    [MemberData(nameof(OnAnImportedLesson))]
    public async Task An_imported_lesson_belongs_to_nobody_so_only_reviewers_and_admins_edit_it(string who, bool allowed)
    {
        Site.EnsureAvailable();
        var actorId = await ActorAsync(who);
        var opened = await Site.Drafts.OpenAsync(actorId, "bai-thu-hai", None);
        Assert.Equal(allowed, opened is OpenResult.Opened);
        if (!allowed)
            Assert.Equal(new OpenResult.Refused(StudioReasons.NotAllowed), opened);
    }

    [Fact]
    public async Task Learners_and_trainers_cannot_begin_a_lesson()
    {
        Site.EnsureAvailable();
        foreach (var who in new[] { "learner", "trainer", "anonymous" })
            Assert.Equal(new OpenResult.Refused(StudioReasons.NotAllowed),
                await Site.Drafts.CreateAsync(await ActorAsync(who), new LessonContent { Title = "Bài lạ" }, None));
    }

    private async Task<string> ActorAsync(string who) => who switch
    {
        "anonymous" => "",
        "learner" => (await Site.UserAsync(AccountSeed.UniqueName())).Id,
        "trainer" => (await Site.StaffAsync(StudioSite.TeamA, Roles.Trainer)).Id,
        "author of another team" => (await Site.AuthorAsync(StudioSite.TeamB)).Id,
        "author without a team" => (await Site.AuthorAsync(null)).Id,
        "author" or "author of the same team" => (await Site.AuthorAsync(StudioSite.TeamA)).Id,
        "reviewer" => (await Site.StaffAsync(null, Roles.Reviewer)).Id,
        "admin" => (await Site.StaffAsync(null, Roles.Admin)).Id,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private async Task<string> LockedAsync(AppUser user)
    {
        await Site.WithDbAsync(async db =>
        {
            var stored = await db.Users.FindAsync(user.Id);
            stored!.LockoutEnd = DateTimeOffset.UtcNow.AddYears(1);
            return await db.SaveChangesAsync();
        });
        return user.Id;
    }

    /// <summary>Each studio action on the lesson, and whether it was refused as not allowed.</summary>
    private async Task<List<(string Action, bool Refused)>> EveryActionAsync(string actorId, DraftView draft)
    {
        var content = draft.Content with { Body = "Sửa bởi người khác." };
        static bool No(DraftResult r) => r is DraftResult.Refused { ReasonKey: StudioReasons.NotAllowed };
        static bool NoMedia(LibraryResult r) => r is LibraryResult.Refused { ReasonKey: StudioReasons.NotAllowed };
        Stream Png() => new MemoryStream(TestMedia.Png(64, 64));
        return
        [
            ("open", await Site.Drafts.OpenAsync(actorId, draft.Slug, None) is OpenResult.Refused { ReasonKey: StudioReasons.NotAllowed }),
            ("save", No(await Site.Drafts.SaveAsync(actorId, draft.LessonId, new DraftEdit(draft.Version, content), None))),
            ("save revision", No(await Site.Drafts.SaveRevisionAsync(actorId, draft.LessonId, new DraftEdit(draft.Version, content), None))),
            ("submit", No(await Site.Drafts.SubmitAsync(actorId, draft.LessonId, new DraftEdit(draft.Version, content), None))),
            ("list media", await Site.Media.ListAsync(actorId, draft.LessonId, None) is null),
            ("add picture", NoMedia(await Site.Media.AddPictureAsync(actorId, draft.LessonId, Png(), "x.png", "Ảnh", None))),
            ("add video", NoMedia(await Site.Media.AddVideoAsync(actorId, draft.LessonId, new MemoryStream(TestMedia.Mp4()), "v.mp4", None))),
            ("add captions", NoMedia(await Site.Media.AddCaptionsAsync(actorId, draft.LessonId, "v.mp4", new MemoryStream("WEBVTT\n"u8.ToArray()), None))),
            ("describe", NoMedia(await Site.Media.DescribeAsync(actorId, draft.LessonId, "anh.png", "Mô tả khác", None))),
            ("replace", NoMedia(await Site.Media.ReplaceAsync(actorId, draft.LessonId, "anh.png", Png(), None))),
            ("remove", NoMedia(await Site.Media.RemoveAsync(actorId, draft.LessonId, "anh.png", None))),
        ];
    }
}

public sealed class StudioAuthorizationTestsOnSqlite(StudioSqliteSite site) : StudioAuthorizationTests<StudioSqliteSite>(site);

public sealed class StudioAuthorizationTestsOnPostgres(StudioPostgresSite site) : StudioAuthorizationTests<StudioPostgresSite>(site);
