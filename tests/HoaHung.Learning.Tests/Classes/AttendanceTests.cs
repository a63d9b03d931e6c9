using HoaHung.Learning.Classes;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>Attendance marked by the trainer and by residents scanning the session QR, on each database provider.</summary>
public abstract class AttendanceTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ClassesSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The session starts at 08:00 ward time on 5 December 2026; the fake clock starts five minutes before.</summary>
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

    private (ClassAttendance Attendance, FakeTimeProvider Clock) WithFakeClock()
    {
        site.EnsureAvailable();
        var clock = new FakeTimeProvider(Start.AddMinutes(-5));
        var contexts = site.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>();
        var changes = new ClassChanges(contexts, site.Services.GetRequiredService<HoaHung.Learning.Changes.ChangeFeed>(), clock, NullLogger<ClassChanges>.Instance);
        return (new ClassAttendance(contexts, changes, NullLogger<ClassAttendance>.Instance), clock);
    }

    private async Task<(int ClassId, int SessionId, HoaHung.Learning.Accounts.AppUser Trainer)> SessionAsync()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var created = await site.Get<ClassSchedule>().AddSessionAsync(hoa.Id, id, new SessionForm(new DateOnly(2026, 12, 5), new TimeOnly(8, 0)), None);
        return (id, Assert.IsType<ClassResult.Created>(created).Id, hoa);
    }

    [Fact]
    public async Task The_trainer_marks_each_learner_with_a_note_and_can_change_or_clear_it()
    {
        var attendance = site.Get<ClassAttendance>();
        var (id, session, hoa) = await SessionAsync();
        var lan = await site.MemberAsync(id, "Bà Lan");
        var tu = await site.MemberAsync(id, "Bác Tư");
        var outsider = await site.LearnerAsync();

        Assert.IsType<ClassResult.Done>(await attendance.MarkAsync(hoa.Id, session, lan.Id, AttendanceStatus.Late, "  Kẹt xe\u200b ", None));
        Assert.IsType<ClassResult.Done>(await attendance.MarkAsync(hoa.Id, session, tu.Id, AttendanceStatus.Excused, null, None));
        Assert.IsType<ClassResult.Done>(await attendance.MarkAsync(hoa.Id, session, tu.Id, AttendanceStatus.Present, null, None));
        Assert.Equal(ClassReasons.NotAMember, Reason(await attendance.MarkAsync(hoa.Id, session, outsider.Id, AttendanceStatus.Present, null, None)));
        Assert.Equal(ClassReasons.NoteTooLong, Reason(await attendance.MarkAsync(hoa.Id, session, lan.Id, AttendanceStatus.Present, new string('x', 201), None)));

        var sheet = Assert.IsType<ClassRead<AttendanceSheet>.Found>(await attendance.SheetAsync(hoa.Id, session, None)).Value;
        Assert.Equal([("Bà Lan", AttendanceStatus.Late, "Kẹt xe"), ("Bác Tư", AttendanceStatus.Present, null)],
            sheet.Rows.Select(r => (r.DisplayName, r.Status!.Value, r.Note)));
        Assert.All(sheet.Rows, r => Assert.False(r.SelfMarked));

        Assert.IsType<ClassResult.Done>(await attendance.MarkAsync(hoa.Id, session, lan.Id, null, null, None));
        sheet = Assert.IsType<ClassRead<AttendanceSheet>.Found>(await attendance.SheetAsync(hoa.Id, session, None)).Value;
        Assert.Null(sheet.Rows.Single(r => r.UserId == lan.Id).Status);
    }

    [Fact]
    public async Task Another_trainer_or_a_learner_cannot_see_or_mark_attendance_or_show_the_QR()
    {
        var attendance = site.Get<ClassAttendance>();
        var (id, session, _) = await SessionAsync();
        var lan = await site.MemberAsync(id);
        var other = await site.TrainerAsync("Anh Minh");
        foreach (var stranger in new[] { other.Id, lan.Id })
        {
            Assert.Equal(ClassReasons.NotAllowed, Assert.IsType<ClassRead<AttendanceSheet>.Refused>(await attendance.SheetAsync(stranger, session, None)).ReasonKey);
            Assert.Equal(ClassReasons.NotAllowed, Reason(await attendance.MarkAsync(stranger, session, lan.Id, AttendanceStatus.Present, null, None)));
            Assert.IsType<ClassRead<AttendanceQr>.Refused>(await attendance.QrAsync(stranger, session, None));
        }
        Assert.False(await site.WithDbAsync(db => db.Set<AttendanceMark>().AnyAsync(a => a.SessionId == session)));
    }

    [Fact]
    public async Task A_resident_marks_herself_with_the_current_QR_code_but_not_with_an_old_one()
    {
        var (attendance, clock) = WithFakeClock();
        var (id, session, hoa) = await SessionAsync();
        var lan = await site.MemberAsync(id, "Bà Lan");
        var friend = await site.MemberAsync(id, "Chị Ba");
        var outsider = await site.LearnerAsync();

        var shown = Assert.IsType<ClassRead<AttendanceQr>.Found>(await attendance.QrAsync(hoa.Id, session, None)).Value;
        Assert.True(shown.ChangesAt > clock.GetUtcNow() && shown.ChangesAt <= clock.GetUtcNow().AddSeconds(AttendanceCodes.WindowSeconds));
        var marked = Assert.IsType<SelfMarkResult.Marked>(await attendance.SelfMarkAsync(lan.Id, session, shown.Code, None));
        Assert.Equal((AttendanceStatus.Present, false), (marked.Status, marked.Kept));

        // 31 s later the code is the previous one: still accepted (the page may have loaded slowly)...
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.IsType<SelfMarkResult.Marked>(await attendance.SelfMarkAsync(friend.Id, session, shown.Code, None));
        // ...but a photo sent home and used a minute later is refused.
        clock.Advance(TimeSpan.FromSeconds(60));
        var late = await site.MemberAsync(id, "Cô Tám");
        Assert.IsType<SelfMarkResult.CodeExpired>(await attendance.SelfMarkAsync(late.Id, session, shown.Code, None));
        Assert.IsType<SelfMarkResult.CodeExpired>(await attendance.SelfMarkAsync(late.Id, session, "AAAAAAAA", None));
        Assert.IsType<SelfMarkResult.NotFound>(await attendance.SelfMarkAsync(late.Id, session + 1000, shown.Code, None));

        // The code of now, 20 minutes after the start: she is late. Someone outside the class is told so, not marked.
        clock.Advance(TimeSpan.FromMinutes(20));
        var now = Assert.IsType<ClassRead<AttendanceQr>.Found>(await attendance.QrAsync(hoa.Id, session, None)).Value.Code;
        Assert.Equal(AttendanceStatus.Late, Assert.IsType<SelfMarkResult.Marked>(await attendance.SelfMarkAsync(late.Id, session, now, None)).Status);
        Assert.IsType<SelfMarkResult.NotAMember>(await attendance.SelfMarkAsync(outsider.Id, session, now, None));

        // A trainer's "excused" stands; scanning again changes nothing.
        await attendance.MarkAsync(hoa.Id, session, friend.Id, AttendanceStatus.Excused, "Về sớm", None);
        var kept = Assert.IsType<SelfMarkResult.Marked>(await attendance.SelfMarkAsync(friend.Id, session, now, None));
        Assert.Equal((AttendanceStatus.Excused, true), (kept.Status, kept.Kept));

        var sheet = Assert.IsType<ClassRead<AttendanceSheet>.Found>(await attendance.SheetAsync(hoa.Id, session, None)).Value;
        Assert.Equal([("Bà Lan", AttendanceStatus.Present, true), ("Chị Ba", AttendanceStatus.Excused, false), ("Cô Tám", AttendanceStatus.Late, true)],
            sheet.Rows.Select(r => (r.DisplayName, r.Status!.Value, r.SelfMarked)));
    }

    private static string Reason(ClassResult result) => Assert.IsType<ClassResult.Refused>(result).ReasonKey;
}

public sealed class AttendanceTestsOnSqlite(ClassesSqliteSite site) : AttendanceTests<ClassesSqliteSite>(site);

public sealed class AttendanceTestsOnPostgres(ClassesPostgresSite site) : AttendanceTests<ClassesPostgresSite>(site);
