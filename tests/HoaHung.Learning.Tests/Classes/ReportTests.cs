using System.Diagnostics;
using System.Globalization;
using System.Text;
using HoaHung.Learning.Classes;
using MiniExcelLibs;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>The class report built from the database and read back from its CSV and .xlsx files, on each provider.</summary>
public abstract class ReportTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ClassesSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Thirty_learners_and_ten_assignments_read_back_from_csv_and_xlsx()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa, "=Lớp \"VNeID\", sáng thứ Bảy");
        var schedule = site.Get<ClassSchedule>();
        var sessions = new List<int>();
        for (var d = 0; d < 3; d++)
            sessions.Add(Assert.IsType<ClassResult.Created>(await schedule.AddSessionAsync(hoa.Id, id,
                new SessionForm(new DateOnly(2026, 12, 5 + 7 * d), new TimeOnly(8, 0)), None)).Id);
        await site.AssignAsync(hoa, id, AssignmentKind.Path, ClassesSite.PathSlug);
        await site.AssignAsync(hoa, id, AssignmentKind.Quiz, ClassesSite.Quiz);
        await site.AssignAsync(hoa, id, AssignmentKind.Lesson, ClassesSite.LessonA);
        foreach (var slug in ClassesSite.Extra)
            await site.AssignAsync(hoa, id, AssignmentKind.Lesson, slug);
        var attendance = site.Get<ClassAttendance>();
        for (var i = 0; i < 30; i++)
        {
            var learner = await site.MemberAsync(id, i == 0 ? "@Bà Lan" : $"Học viên {i:D2}");
            if (i % 2 == 0)
                await site.CompleteAsync(learner, ClassesSite.LessonA);
            if (i % 3 == 0)
                await site.TakeQuizAsync(learner, true, true, i % 2 == 0);
            await attendance.MarkAsync(hoa.Id, sessions[0], learner.Id, i % 4 == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present,
                i == 0 ? "=cmd|' /C calc'!A0" : null, None);
        }

        // Measured, not asserted: the first run pays for query compilation and JIT, the second is what a trainer waits for.
        var figures = new List<string>();
        ClassReport report = null!;
        ReportTable table = null!;
        using var csv = new MemoryStream();
        using var xlsx = new MemoryStream();
        for (var run = 0; run < 2; run++)
        {
            csv.SetLength(0);
            xlsx.SetLength(0);
            var clock = Stopwatch.StartNew();
            report = Assert.IsType<ClassRead<ClassReport>.Found>(await site.Get<ClassReports>().BuildAsync(hoa.Id, id, None)).Value;
            table = ReportTable.From(report, ReportFilesTests.Labels, new CultureInfo("vi"));
            var built = clock.Elapsed;
            await ReportFiles.WriteCsvAsync(table, csv, None);
            var csvDone = clock.Elapsed;
            await ReportFiles.WriteXlsxAsync(table, report.ClassName, xlsx, None);
            figures.Add($"{(run == 0 ? "cold" : "warm")}: built {built.TotalMilliseconds:F0} ms, CSV {(csvDone - built).TotalMilliseconds:F0} ms " +
                $"({csv.Length} B), xlsx {(clock.Elapsed - csvDone).TotalMilliseconds:F0} ms ({xlsx.Length} B)");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{site.Provider}: report of 30 learners x 10 assignments x 3 sessions: {string.Join("; ", figures)}");

        Assert.Equal(30, report.Rows.Count);
        Assert.Equal(10, report.Assignments.Count);
        var rows = Csv.Parse(Encoding.UTF8.GetString(csv.ToArray()[3..]));
        Assert.Equal(31, rows.Count);
        Assert.Equal(["Họ tên", "Tên đăng nhập", "Nhóm", "Buổi 1 (05/12)", "Buổi 2 (12/12)", "Buổi 3 (19/12)", "Số buổi có mặt",
            "Lộ trình của lớp", "Bài kiểm tra (điểm %)", "Bài một", .. ClassesSite.Extra.Select(s => $"Bài số {s[4..]}"), "Cần giúp", "Khu phố"], rows[0]);
        var lan = rows.Single(r => r[0] == "'@Bà Lan");
        Assert.Equal(["Vắng", "", "", "0", "1/2 bài", "100", "Xong", "Chưa bắt đầu"], lan[3..11]);
        var three = rows.Single(r => r[0] == "Học viên 03");
        Assert.Equal(["Có mặt", "", "", "1", "0/2 bài", "66", "Chưa bắt đầu"], three[3..10]);

        xlsx.Position = 0;
        var sheet = (await xlsx.QueryAsync(useHeaderRow: false)).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Equal(31, sheet.Count);
        Assert.Equal(rows[0], sheet[0].Select(c => c?.ToString() ?? ""));
        var lanRow = sheet.Single(r => (string?)r[0] == "'@Bà Lan");
        Assert.Equal(100d, Convert.ToDouble(lanRow[8], CultureInfo.InvariantCulture));
        Assert.Equal("Vắng", lanRow[3]);
        Assert.Equal(ReportFiles.FileName(report.ClassName, report.GeneratedAt, "xlsx"), $"lop-lop-vneid-sang-thu-bay-{WardTime.ToWard(report.GeneratedAt):yyyyMMdd}.xlsx");
    }
}

public sealed class ReportTestsOnSqlite(ClassesSqliteSite site) : ReportTests<ClassesSqliteSite>(site);

public sealed class ReportTestsOnPostgres(ClassesPostgresSite site) : ReportTests<ClassesPostgresSite>(site);
