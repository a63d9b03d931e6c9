using HoaHung.Learning.Classes;
using HoaHung.Learning.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>A class from creation to archive, and who may change it, on each database provider.</summary>
public abstract class ClassLifecycleTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ClassesSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_trainer_creates_plans_and_archives_her_class()
    {
        var classes = site.Get<Classrooms>();
        var schedule = site.Get<ClassSchedule>();
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa, "  VNeID mức 2 —\u200b Khu phố 5  ");

        var session = Assert.IsType<ClassResult.Created>(await schedule.AddSessionAsync(hoa.Id, id,
            new SessionForm(new DateOnly(2026, 12, 5), new TimeOnly(8, 0), 120, "Cài ứng dụng"), None)).Id;
        var group = Assert.IsType<ClassResult.Created>(await schedule.AddGroupAsync(hoa.Id, id, "Bàn 1", None)).Id;
        await site.AssignAsync(hoa, id, AssignmentKind.Path, ClassesSite.PathSlug, due: new DateOnly(2026, 12, 12));
        await site.AssignAsync(hoa, id, AssignmentKind.Quiz, ClassesSite.Quiz, group);
        var lan = await site.MemberAsync(id, "Bà Lan");
        Assert.IsType<ClassResult.Done>(await schedule.SetGroupAsync(hoa.Id, id, lan.Id, group, None));

        var page = Assert.IsType<ClassRead<ClassPage>.Found>(await classes.PageAsync(hoa.Id, id, None)).Value;
        Assert.Equal("VNeID mức 2 — Khu phố 5", page.Name);
        Assert.Equal(("Khu phố 5", "Nhà văn hóa khu phố 5"), (page.Neighbourhood, page.Place));
        Assert.Matches("^[A-HJKMNP-Z2-9]{6}$", page.JoinCode);
        Assert.Equal([hoa.Id], page.Trainers.Select(t => t.UserId));
        var s = Assert.Single(page.Sessions);
        Assert.Equal((session, new DateTime(2026, 12, 5, 1, 0, 0), 120, "Cài ứng dụng"), (s.Id, s.StartsAt, s.Minutes, s.Topic));
        Assert.Equal(new DateTime(2026, 12, 5, 8, 0, 0), WardTime.ToWard(s.StartsAt));
        Assert.Equal([("Lộ trình của lớp", AssignmentKind.Path, (int?)null, (DateOnly?)new DateOnly(2026, 12, 12)), ("Bài kiểm tra", AssignmentKind.Quiz, group, null)],
            page.Assignments.Select(a => (a.Title, a.Kind, a.GroupId, a.DueOn)));
        Assert.Equal((lan.Id, (int?)group), (Assert.Single(page.Members).UserId, page.Members[0].GroupId));

        Assert.IsType<ClassResult.Done>(await classes.UpdateAsync(hoa.Id, id, new ClassForm("VNeID mức 2 — KP5", "Khu phố 5", "Phòng 2"), page.Version, None));
        // A second save from the same, now stale, form: refused instead of overwriting.
        Assert.Equal(ClassReasons.Conflict, Reason(await classes.UpdateAsync(hoa.Id, id, new ClassForm("Tên khác"), page.Version, None)));
        Assert.IsType<ClassResult.Done>(await classes.SetArchivedAsync(hoa.Id, id, true, None));

        var active = Assert.IsType<ClassRead<IReadOnlyList<ClassCard>>.Found>(await classes.ListAsync(hoa.Id, archived: false, None)).Value;
        Assert.DoesNotContain(active, c => c.Id == id);
        var archived = Assert.Single(Assert.IsType<ClassRead<IReadOnlyList<ClassCard>>.Found>(await classes.ListAsync(hoa.Id, archived: true, None)).Value);
        Assert.Equal(("VNeID mức 2 — KP5", "Phòng 2", 1), (archived.Name, archived.Place, archived.Members));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_reason_and_nothing_is_saved()
    {
        var classes = site.Get<Classrooms>();
        var schedule = site.Get<ClassSchedule>();
        var hoa = await site.TrainerAsync();
        Assert.Equal(ClassReasons.NameInvalid, Reason(await classes.CreateAsync(hoa.Id, new ClassForm("  "), None)));
        Assert.Equal(ClassReasons.NameInvalid, Reason(await classes.CreateAsync(hoa.Id, new ClassForm("\u200b\u202e12"), None)));
        Assert.Equal(ClassReasons.NameInvalid, Reason(await classes.CreateAsync(hoa.Id, new ClassForm(new string('a', 151)), None)));
        Assert.Equal(ClassReasons.NeighbourhoodInvalid, Reason(await classes.CreateAsync(hoa.Id, new ClassForm("Lớp A", "Khu phố 99"), None)));
        var id = await site.ClassAsync(hoa);
        Assert.Equal(ClassReasons.SessionInvalid, Reason(await schedule.AddSessionAsync(hoa.Id, id, new SessionForm(new DateOnly(2026, 12, 5), new TimeOnly(8, 0), 0), None)));
        Assert.Equal(ClassReasons.GroupInvalid, Reason(await schedule.AddGroupAsync(hoa.Id, id, " ", None)));
        var assignments = site.Get<ClassAssignments>();
        Assert.Equal(ClassReasons.AssignmentInvalid, Reason(await assignments.AddAsync(hoa.Id, id, new AssignmentForm(AssignmentKind.Lesson, "khong-co"), None)));
        // A tutorial without a quiz cannot be assigned as a quiz.
        Assert.Equal(ClassReasons.AssignmentInvalid, Reason(await assignments.AddAsync(hoa.Id, id, new AssignmentForm(AssignmentKind.Quiz, ClassesSite.LessonA), None)));
        Assert.Equal(ClassReasons.AssignmentInvalid, Reason(await assignments.AddAsync(hoa.Id, id, new AssignmentForm((AssignmentKind)42, ClassesSite.LessonA), None)));
        await site.AssignAsync(hoa, id, AssignmentKind.Lesson, ClassesSite.LessonA);
        Assert.Equal(ClassReasons.AlreadyAssigned, Reason(await assignments.AddAsync(hoa.Id, id, new AssignmentForm(AssignmentKind.Lesson, ClassesSite.LessonA), None)));
        var page = Assert.IsType<ClassRead<ClassPage>.Found>(await classes.PageAsync(hoa.Id, id, None)).Value;
        Assert.Empty(page.Sessions);
        Assert.Empty(page.Groups);
        Assert.Single(page.Assignments);
    }

    [Fact]
    public async Task Only_her_trainers_and_admins_act_on_a_class()
    {
        var classes = site.Get<Classrooms>();
        var schedule = site.Get<ClassSchedule>();
        var hoa = await site.TrainerAsync();
        var other = await site.TrainerAsync("Anh Minh");
        var learner = await site.LearnerAsync();
        var admin = await site.AdminAsync();
        var id = await site.ClassAsync(hoa);
        var lan = await site.MemberAsync(id);

        foreach (var stranger in new[] { other.Id, learner.Id, lan.Id, "no-such-user", null })
        {
            Assert.Equal(ClassReasons.NotAllowed, Refusal(await classes.PageAsync(stranger, id, None)));
            Assert.Equal(ClassReasons.NotAllowed, Reason(await classes.UpdateAsync(stranger, id, new ClassForm("Lớp của tôi"), Guid.Empty, None)));
            Assert.Equal(ClassReasons.NotAllowed, Reason(await classes.SetArchivedAsync(stranger, id, true, None)));
            Assert.Equal(ClassReasons.NotAllowed, Reason(await classes.NewJoinCodeAsync(stranger, id, None)));
            Assert.Equal(ClassReasons.NotAllowed, Reason(await schedule.RemoveMemberAsync(stranger, id, lan.Id, None)));
            Assert.Equal(ClassReasons.NotAllowed, Reason(await site.Get<ClassAssignments>().AddAsync(stranger, id, new AssignmentForm(AssignmentKind.Lesson, ClassesSite.LessonA), None)));
            Assert.Equal(ClassReasons.NotAllowed, Refusal(await site.Get<ClassGrid>().LoadAsync(stranger, id, None)));
            Assert.Equal(ClassReasons.NotAllowed, Refusal(await site.Get<ClassReports>().BuildAsync(stranger, id, None)));
        }
        Assert.Equal(ClassReasons.NotAllowed, Reason(await classes.CreateAsync(learner.Id, new ClassForm("Lớp riêng"), None)));
        Assert.Equal(ClassReasons.NotFound, Refusal(await classes.PageAsync(hoa.Id, int.MaxValue, None)));
        Assert.DoesNotContain(Found(await classes.ListAsync(other.Id, false, None)), c => c.Id == id);
        Assert.IsType<ClassRead<IReadOnlyList<ClassCard>>.Refused>(await classes.ListAsync(learner.Id, false, None));

        // The admin sees and changes every class; a co-trainer added by name can act too.
        Assert.Contains(Found(await classes.ListAsync(admin.Id, false, None)), c => c.Id == id);
        Assert.IsType<ClassRead<ClassPage>.Found>(await classes.PageAsync(admin.Id, id, None));
        Assert.Equal(ClassReasons.NotATrainer, Reason(await classes.AddTrainerAsync(hoa.Id, id, learner.UserName, None)));
        Assert.IsType<ClassResult.Done>(await classes.AddTrainerAsync(hoa.Id, id, other.UserName!.ToUpperInvariant(), None));
        Assert.IsType<ClassRead<ClassPage>.Found>(await classes.PageAsync(other.Id, id, None));
        Assert.IsType<ClassResult.Done>(await classes.RemoveTrainerAsync(other.Id, id, hoa.Id, None));
        Assert.Equal(ClassReasons.LastTrainer, Reason(await classes.RemoveTrainerAsync(other.Id, id, other.Id, None)));
        Assert.Equal(ClassReasons.NotAllowed, Refusal(await classes.PageAsync(hoa.Id, id, None)));

        // A trainer who lost the Trainer role (or was locked) is refused at once, without signing out.
        await site.Get<HoaHung.Learning.Accounts.UserAdministration>().SetRolesAsync(admin.Id, other.Id, [], None);
        Assert.Equal(ClassReasons.NotAllowed, Refusal(await classes.PageAsync(other.Id, id, None)));
        Assert.True(await site.WithDbAsync(db => db.Set<ClassMember>().AnyAsync(m => m.ClassId == id && m.UserId == lan.Id)));
    }

    [Fact]
    public async Task Joining_can_be_closed_and_the_code_replaced()
    {
        var classes = site.Get<Classrooms>();
        var joining = site.Get<ClassJoining>();
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var code = Found(await classes.PageAsync(hoa.Id, id, None)).JoinCode;

        Assert.IsType<ClassResult.Done>(await classes.SetJoiningAsync(hoa.Id, id, open: false, None));
        Assert.False((await joining.FindAsync(code, null, None))!.Open);
        Assert.IsType<ClassResult.Done>(await classes.SetJoiningAsync(hoa.Id, id, open: true, None));
        Assert.IsType<ClassResult.Done>(await classes.NewJoinCodeAsync(hoa.Id, id, None));
        var fresh = Found(await classes.PageAsync(hoa.Id, id, None)).JoinCode;
        Assert.NotEqual(code, fresh);
        Assert.Null(await joining.FindAsync(code, null, None));
        Assert.Equal(id, (await joining.FindAsync(fresh.ToLowerInvariant(), null, None))!.ClassId);
    }

    private static string Reason(ClassResult result) => Assert.IsType<ClassResult.Refused>(result).ReasonKey;

    private static string Refusal<T>(ClassRead<T> read) => Assert.IsType<ClassRead<T>.Refused>(read).ReasonKey;

    private static T Found<T>(ClassRead<T> read) => Assert.IsType<ClassRead<T>.Found>(read).Value;
}

public sealed class ClassLifecycleTestsOnSqlite(ClassesSqliteSite site) : ClassLifecycleTests<ClassesSqliteSite>(site);

public sealed class ClassLifecycleTestsOnPostgres(ClassesPostgresSite site) : ClassLifecycleTests<ClassesPostgresSite>(site);
