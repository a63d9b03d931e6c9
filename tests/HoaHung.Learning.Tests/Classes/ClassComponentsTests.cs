using System.Globalization;
using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Web.Classes;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>A bUnit context for the class components, over the real class services of a SQLite test site, in a live circuit.</summary>
public sealed class ClassComponents : BunitContext
{
    public ClassComponents(ClassesSite site)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountsOptions>>());
        foreach (var type in new[] { typeof(ClassGrid), typeof(ClassActivity), typeof(ClassAttendance), typeof(QuizStatistics),
                     typeof(Classrooms), typeof(ClassSchedule), typeof(ClassAssignments) })
            Services.AddSingleton(type, site.Services.GetRequiredService(type));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>What the snackbars say (after <see cref="RenderInProviders"/>).</summary>
    public IRenderedComponent<MudSnackbarProvider>? Snackbars { get; private set; }

    public IRenderedComponent<TComponent> RenderInProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render(parameters);
    }
}

/// <summary>The live grid and the attendance list as a trainer uses them, on SQLite.</summary>
public sealed class ClassComponentsTests(ClassesSqliteSite site) : IClassFixture<ClassesSqliteSite>
{
    [Fact]
    public async Task The_grid_shows_each_learner_and_updates_by_itself_when_one_finishes_a_lesson()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        await site.AssignAsync(hoa, id, AssignmentKind.Lesson, ClassesSite.LessonA);
        await site.AssignAsync(hoa, id, AssignmentKind.Quiz, ClassesSite.Quiz);
        var an = await site.MemberAsync(id, "Nguyễn Văn An");
        var chi = await site.MemberAsync(id, "Trần Thị Chi");
        await site.TakeQuizAsync(chi, false, false, false);
        await using var ctx = new ClassComponents(site);

        var grid = ctx.RenderInProviders<LiveGrid>(p => p.Add(g => g.ClassId, id).Add(g => g.ActorId, hoa.Id));

        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("tbody tr").Count));
        Assert.Equal(["Bài một", "Bài kiểm tra"], grid.FindAll("thead th.grid__col").Select(th => th.GetAttribute("title")));
        var anRow = grid.Find($"tr[data-user='{an.Id}']");
        Assert.Equal(["○", "○"], anRow.QuerySelectorAll("td span[aria-hidden]").Select(s => s.TextContent.Trim()));
        var chiRow = grid.Find($"tr[data-user='{chi.Id}']");
        Assert.Contains("grid__row--help", chiRow.ClassName);
        Assert.Equal("⚑ cần giúp", chiRow.QuerySelector(".grid__help")!.TextContent.Trim());
        Assert.Equal("0% ⚑", chiRow.QuerySelectorAll("td span[aria-hidden]")[1].TextContent.Trim());
        Assert.Equal("Bài kiểm tra: 0% — cần giúp", chiRow.QuerySelectorAll("td .visually-hidden")[1].TextContent.Trim());

        await site.CompleteAsync(an, ClassesSite.LessonA);

        grid.WaitForAssertion(() =>
            Assert.Equal("✓", grid.Find($"tr[data-user='{an.Id}'] td span[aria-hidden]").TextContent.Trim()));
        Assert.Contains("grid__cell--done", grid.Find($"tr[data-user='{an.Id}'] td").ClassName);
    }

    [Fact]
    public async Task Another_trainer_sees_no_grid_and_no_names()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        await site.MemberAsync(id, "Tên Bí Mật");
        var minh = await site.TrainerAsync("Anh Minh");
        await using var ctx = new ClassComponents(site);

        var grid = ctx.RenderInProviders<LiveGrid>(p => p.Add(g => g.ClassId, id).Add(g => g.ActorId, minh.Id));

        grid.WaitForAssertion(() => Assert.Contains("Bạn không có quyền với lớp này.", grid.Markup));
        Assert.DoesNotContain("Bí Mật", grid.Markup);
    }

    [Fact]
    public async Task One_tap_marks_a_learner_a_note_is_kept_and_a_self_mark_appears_by_itself()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var session = Assert.IsType<ClassResult.Created>(await site.Get<ClassSchedule>().AddSessionAsync(hoa.Id, id,
            new SessionForm(WardTime.Today(TimeProvider.System), new TimeOnly(0, 0)), default)).Id;
        var lan = await site.MemberAsync(id, "Bà Lan");
        var tu = await site.MemberAsync(id, "Bác Tư");
        await using var ctx = new ClassComponents(site);

        var list = ctx.RenderInProviders<AttendanceList>(p => p.Add(a => a.SessionId, session).Add(a => a.ActorId, hoa.Id));
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll(".attendance__row").Count));
        var marks = list.FindAll($"li[data-user='{tu.Id}'] .attendance__mark");
        Assert.Equal(["Có mặt", "Đi trễ", "Có phép", "Vắng"], marks.Select(b => b.TextContent.Trim()));
        Assert.All(marks, b => Assert.Equal("false", b.GetAttribute("aria-pressed")));

        Taps.Tap(() => list.Find($"li[data-user='{tu.Id}'] .attendance__mark--absent"));
        list.WaitForAssertion(() => Assert.Equal("true", list.Find($"li[data-user='{tu.Id}'] .attendance__mark--absent").GetAttribute("aria-pressed")));
        list.Find($"li[data-user='{tu.Id}'] .attendance__note").Change("Ốm, con gọi báo");

        list.WaitForAssertion(() => Assert.Equal("Ốm, con gọi báo", list.Find($"li[data-user='{tu.Id}'] .attendance__note").GetAttribute("value")));
        var stored = await site.WithDbAsync(db => db.Set<AttendanceMark>().SingleAsync(a => a.SessionId == session && a.UserId == tu.Id));
        Assert.Equal((AttendanceStatus.Absent, "Ốm, con gọi báo", hoa.Id), (stored.Status, stored.Note, stored.MarkedById));
        Assert.Equal("Có mặt 0/2", list.Find(".attendance__summary").TextContent.Trim());

        // Bà Lan scans the session QR on her phone: the list shows her (late: the session began at midnight) without a tap.
        var code = Assert.IsType<ClassRead<AttendanceQr>.Found>(await site.Get<ClassAttendance>().QrAsync(hoa.Id, session, default)).Value.Code;
        Assert.IsType<SelfMarkResult.Marked>(await site.Get<ClassAttendance>().SelfMarkAsync(lan.Id, session, code, default));
        list.WaitForAssertion(() =>
        {
            Assert.Equal("true", list.Find($"li[data-user='{lan.Id}'] .attendance__mark--late").GetAttribute("aria-pressed")); // the session began at midnight
            Assert.Equal("tự quét mã", list.Find($"li[data-user='{lan.Id}'] .attendance__self").TextContent.Trim());
        });
    }
}
