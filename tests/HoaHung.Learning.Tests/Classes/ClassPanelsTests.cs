using Bunit;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Web.Classes;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>The class page's panels a trainer edits after creating the class: co-trainers, a session's time, a due date.</summary>
public sealed class ClassPanelsTests(ClassesSqliteSite site) : IClassFixture<ClassesSqliteSite>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ClassPage> PageAsync(string actorId, int id) =>
        Assert.IsType<ClassRead<ClassPage>.Found>(await site.Get<Classrooms>().PageAsync(actorId, id, None)).Value;

    private IRenderedComponent<TPanel> Panel<TPanel>(ClassComponents ctx, ClassPage page, string actorId, Action onChanged)
        where TPanel : ClassPanel =>
        ctx.RenderInProviders<TPanel>(p => p.Add(x => x.Page, page).Add(x => x.ActorId, actorId)
            .Add(x => x.OnChanged, EventCallback.Factory.Create(this, onChanged)));

    private Task<List<string>> TrainersAsync(int id) =>
        site.WithDbAsync(db => db.Set<ClassTrainer>().Where(t => t.ClassId == id).Select(t => t.UserId).ToListAsync());

    [Fact]
    public async Task A_trainer_adds_a_co_trainer_by_username_a_learner_is_refused_and_the_last_trainer_stays()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var minh = await site.TrainerAsync("Anh Minh");
        var lan = await site.LearnerAsync();
        await using var ctx = new ClassComponents(site);
        var changed = 0;
        var panel = Panel<SettingsPanel>(ctx, await PageAsync(hoa.Id, id), hoa.Id, () => changed++);
        var username = panel.FindAll("input").Single(i => i.GetAttribute("maxlength") == "64");

        username.Change(lan.UserName!);
        Taps.Tap(() => panel.FindAll("button").First(b => b.TextContent.Trim() == "Thêm người hướng dẫn"));
        ctx.Snackbars!.WaitForAssertion(() => Assert.Contains("Không tìm thấy người hướng dẫn có tên đăng nhập này.", ctx.Snackbars!.Markup));
        Assert.Equal([hoa.Id], await TrainersAsync(id));
        Assert.Equal(0, changed);
        Assert.Empty(panel.FindAll("button[aria-label^='Bỏ ']")); // one trainer: nothing to remove

        panel.FindAll("input").Single(i => i.GetAttribute("maxlength") == "64").Change(minh.UserName!);
        Taps.Tap(() => panel.FindAll("button").First(b => b.TextContent.Trim() == "Thêm người hướng dẫn"));
        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(new[] { hoa.Id, minh.Id }.Order(StringComparer.Ordinal), (await TrainersAsync(id)).Order(StringComparer.Ordinal));

        // The page reloads the class; with two trainers, each can be removed, but not both.
        var reloaded = await PageAsync(hoa.Id, id);
        panel.Render(p => p.Add(x => x.Page, reloaded));
        Taps.Tap(() => panel.Find($"button[aria-label='Bỏ khỏi lớp: Anh Minh (người hướng dẫn)']"));
        panel.WaitForAssertion(() => Assert.Equal(2, changed));
        Assert.Equal([hoa.Id], await TrainersAsync(id));
        Assert.IsType<ClassResult.Refused>(await site.Get<Classrooms>().RemoveTrainerAsync(hoa.Id, id, hoa.Id, None));
    }

    [Fact]
    public async Task A_session_is_edited_in_place_in_the_ward_s_time()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        Assert.IsType<ClassResult.Created>(await site.Get<ClassSchedule>().AddSessionAsync(hoa.Id, id,
            new SessionForm(new DateOnly(2026, 12, 5), new TimeOnly(8, 0), 90, "Buổi 1"), None));
        await using var ctx = new ClassComponents(site);
        var changed = 0;
        var panel = Panel<SessionsPanel>(ctx, await PageAsync(hoa.Id, id), hoa.Id, () => changed++);

        Taps.Tap(() => panel.Find(".sessions__session .mud-expand-panel-header"));
        Taps.Tap(() => panel.FindAll("button").First(b => b.TextContent.Trim() == "Sửa buổi học"));
        var edit = panel.Find(".sessions__edit");
        Assert.Equal("90", edit.QuerySelectorAll("input").Select(i => i.GetAttribute("value")).First(v => v == "90"));
        var topic = panel.FindAll(".sessions__edit input").Single(i => i.GetAttribute("value") == "Buổi 1");
        topic.Change("Buổi 1 — VNeID mức 2");
        panel.FindAll(".sessions__edit input").Single(i => i.GetAttribute("value") == "90").Change("120");
        Taps.Tap(() => panel.FindAll("button").First(b => b.TextContent.Trim() == "Lưu buổi học"));

        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        var saved = await site.WithDbAsync(db => db.Set<ClassSession>().SingleAsync(s => s.ClassId == id));
        Assert.Equal(("Buổi 1 — VNeID mức 2", 120), (saved.Topic, saved.Minutes));
        Assert.Equal(new DateTime(2026, 12, 5, 1, 0, 0), saved.StartsAt); // 08:00 in the ward is 01:00 UTC
        Assert.Empty(panel.FindAll(".sessions__edit"));
    }

    [Fact]
    public async Task A_due_date_is_changed_and_cleared_on_the_assignment_itself()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        await site.AssignAsync(hoa, id, AssignmentKind.Lesson, ClassesSite.LessonA);
        await using var ctx = new ClassComponents(site);
        var changed = 0;
        var page = await PageAsync(hoa.Id, id);
        var panel = Panel<AssignmentsPanel>(ctx, page, hoa.Id, () => changed++);

        var picker = panel.FindComponents<MudBlazor.MudDatePicker>().Single(p => p.Instance.Class == "assignments__due");
        await panel.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2026, 12, 20)));
        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(new DateOnly(2026, 12, 20), await site.WithDbAsync(db => db.Set<ClassAssignment>().Where(a => a.ClassId == id).Select(a => a.DueOn).SingleAsync()));

        await panel.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(null));
        panel.WaitForAssertion(() => Assert.Equal(2, changed));
        Assert.Null(await site.WithDbAsync(db => db.Set<ClassAssignment>().Where(a => a.ClassId == id).Select(a => a.DueOn).SingleAsync()));
    }
}
