using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Gains;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.Gains;

/// <summary>
/// Issue 22 item 3 over real HTTP on each provider: learners take a path's entry test from the path page before they
/// start, finish the path, take it again; the dashboard and the class report show how many took both and the medians,
/// and only "&lt;5" for a path that fewer than five took.
/// </summary>
public abstract class GainsHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : GainsSite
{
    /// <summary>Takes the test from its start page through every question (the first <paramref name="right"/> answered "Đúng") to its result.</summary>
    private static async Task<IDocument> TakeTestAsync(Visitor learner, string test, int right)
    {
        var (start, _) = await learner.SubmitAsync($"/bai-hoc/{test}/kiem-tra", "quiz-start", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var attempt = Location(start).Split('/')[4];
        for (var p = 1; p <= GainsSite.Questions; p++)
        {
            var (answered, _) = await learner.SubmitAsync($"/bai-hoc/{test}/kiem-tra/{attempt}/{p}", "answer",
                Fields(("choice", p <= right ? "0" : "1")));
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }
        var (finished, _) = await learner.SubmitAsync($"/bai-hoc/{test}/kiem-tra/{attempt}/{GainsSite.Questions}", "finish", []);
        Assert.Equal($"/bai-hoc/{test}/kiem-tra/ket-qua/{attempt}", Location(finished));
        var (result, page) = await learner.GetAsync(Location(finished));
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        return page;
    }

    private static async Task<IDocument> PathPageAsync(Visitor learner, string path)
    {
        var (response, page) = await learner.GetAsync($"/lo-trinh/{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static IElement? LinkNamed(IDocument page, string name) =>
        page.QuerySelectorAll("main a").FirstOrDefault(a => a.TextContent.Trim() == name);

    /// <summary>One learner's whole story: the test before, every lesson, the test after.</summary>
    private static async Task LearnAsync(Visitor learner, string path, string test, string[] lessons, int before, int after)
    {
        var offer = LinkNamed(await PathPageAsync(learner, path), "Làm bài kiểm tra đầu vào");
        Assert.Equal($"/bai-hoc/{test}/kiem-tra", offer?.GetAttribute("href"));
        await TakeTestAsync(learner, test, before);
        foreach (var lesson in lessons)
            Assert.Equal(HttpStatusCode.Redirect, (await learner.CompleteAsync(lesson)).StatusCode);
        var again = LinkNamed(await PathPageAsync(learner, path), "Làm bài kiểm tra cuối lộ trình");
        Assert.Equal($"/bai-hoc/{test}/kiem-tra", again?.GetAttribute("href"));
        await TakeTestAsync(learner, test, after);
    }

    private static string Cell(IDocument page, string table, string row, string column)
    {
        var headers = page.QuerySelectorAll($"#{table} thead th").Select(h => h.TextContent.Trim()).ToList();
        var index = headers.IndexOf(column);
        Assert.True(index > 0, $"no column '{column}' in {string.Join(" | ", headers)}");
        var tr = page.QuerySelectorAll($"#{table} tbody tr").FirstOrDefault(r => r.QuerySelector("th")?.TextContent.Trim() == row)
            ?? throw new Xunit.Sdk.XunitException($"no row '{row}' in #{table}");
        return tr.Children[index].TextContent.Trim();
    }

    [Fact]
    public async Task Six_learners_who_take_the_entry_test_before_and_after_show_their_medians_and_three_show_only_under_5()
    {
        site.EnsureAvailable();
        var trainer = await site.UserAsync(AccountSeed.UniqueName("tr"), "Chị Hoa", roles: Roles.Trainer);
        var created = await site.Services.GetRequiredService<Classrooms>().CreateAsync(trainer.Id, new ClassForm("Lớp điện thoại", "Khu phố 5"), default);
        var classId = Assert.IsType<ClassResult.Created>(created).Id;
        var code = await site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == classId).Select(c => c.JoinCode).FirstAsync());
        async Task<Visitor> MemberAsync(string name)
        {
            var (user, browser) = await site.LearnerAsync(name);
            Assert.IsType<JoinResult.Joined>(await site.Services.GetRequiredService<ClassJoining>().JoinAsync(user.Id, code, default));
            return browser;
        }

        // Six take the test before (0, 1, 1, 2, 2, 3 right of 4) and after (2, 3, 3, 4, 4, 4): each gains 50 points but the last, 25.
        int[] before = [0, 1, 1, 2, 2, 3], after = [2, 3, 3, 4, 4, 4];
        for (var i = 0; i < before.Length; i++)
            await LearnAsync(await MemberAsync($"Học viên {i}"), GainsSite.Path, GainsSite.Test, GainsSite.Lessons, before[i], after[i]);
        // Three take the small path's test both times: too few to show anything but "<5".
        for (var i = 0; i < 3; i++)
            await LearnAsync(await MemberAsync($"Người nhỏ {i}"), GainsSite.SmallPath, GainsSite.SmallTest, GainsSite.SmallLessons, 1, 3);
        // One took it before and is still learning; one began the path first and is offered nothing: neither counts.
        var (_, learning) = await site.LearnerAsync("Đang học");
        await TakeTestAsync(learning, GainsSite.Test, 4);
        var (_, late) = await site.LearnerAsync("Học trước");
        Assert.Equal(HttpStatusCode.Redirect, (await late.CompleteAsync(GainsSite.Lessons[0])).StatusCode);
        Assert.Null(LinkNamed(await PathPageAsync(late, GainsSite.Path), "Làm bài kiểm tra đầu vào"));
        await TakeTestAsync(late, GainsSite.Test, 4);

        var rows = await site.WithDbAsync(db => db.Set<PathGain>().AsNoTracking()
            .Where(g => db.LearningPaths.Any(p => p.Id == g.PathId && p.Slug == GainsSite.Path)).ToListAsync());
        Assert.Equal(7, rows.Count); // six pairs and the one still learning; the late one has none
        Assert.Equal([0, 25, 25, 50, 50, 75, 100], rows.Select(r => r.BeforePercent).Order());
        Assert.Equal(6, rows.Count(r => r.AfterPercent is not null));

        // The dashboard, read by an official: no names, the count and the medians; "<5" and no medians for three.
        var official = await site.BrowserOfAsync(await site.UserAsync(AccountSeed.UniqueName("cb"), "Cán bộ Thu", roles: Roles.Official));
        var (response, dashboard) = await official.GetAsync("/quan-tri/tong-quan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("6", Cell(dashboard, "bang-tien-bo", GainsSite.PathTitle, "Số người làm cả hai lần"));
        Assert.Equal("37,5%", Cell(dashboard, "bang-tien-bo", GainsSite.PathTitle, "Điểm trước khi học (trung vị)"));
        Assert.Equal("87,5%", Cell(dashboard, "bang-tien-bo", GainsSite.PathTitle, "Điểm sau khi học (trung vị)"));
        Assert.Equal("+50 điểm", Cell(dashboard, "bang-tien-bo", GainsSite.PathTitle, "Mức tăng (trung vị)"));
        Assert.Equal("<5", Cell(dashboard, "bang-tien-bo", GainsSite.SmallPathTitle, "Số người làm cả hai lần"));
        foreach (var column in new[] { "Điểm trước khi học (trung vị)", "Điểm sau khi học (trung vị)", "Mức tăng (trung vị)" })
            Assert.Equal("—", Cell(dashboard, "bang-tien-bo", GainsSite.SmallPathTitle, column));
        Assert.DoesNotContain("Học viên", dashboard.Body!.TextContent);

        // The class report's workbook: the same figures over the class's members.
        var (xlsx, _) = await (await site.BrowserOfAsync(trainer)).GetAsync($"/lop-hoc/{classId}/bao-cao.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = (await stream.QueryAsync(useHeaderRow: false, sheetName: "Tiến bộ")).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
        Assert.Equal(["Lộ trình", "Số người làm cả hai lần (dưới 5 ghi <5)", "Điểm trước khi học (trung vị, %)",
            "Điểm sau khi học (trung vị, %)", "Mức tăng (trung vị, điểm)"], sheet[0]);
        Assert.Equal([GainsSite.PathTitle, "6", "37.5", "87.5", "50"], sheet.Single(r => r[0] == GainsSite.PathTitle));
        Assert.Equal([GainsSite.SmallPathTitle, "<5", "", "", ""], sheet.Single(r => r[0] == GainsSite.SmallPathTitle));
    }

    [Fact]
    public async Task The_path_page_and_the_result_page_tell_a_learner_where_she_stands_before_and_after()
    {
        site.EnsureAvailable();
        // On the small path, whose figures stay "<5" with her (three others take it in the other test of this class).
        // Anonymous readers share the cached page: the offer leads through signing in to the test.
        var (_, anonymous) = await new Visitor(site).GetAsync($"/lo-trinh/{GainsSite.SmallPath}");
        Assert.StartsWith("/tai-khoan/dang-nhap?", LinkNamed(anonymous, "Làm bài kiểm tra đầu vào")?.GetAttribute("href"));

        var (user, learner) = await site.LearnerAsync("Bà Tư");
        var result = await TakeTestAsync(learner, GainsSite.SmallTest, 1);
        Assert.Contains("Điểm của bạn trước khi học: 25%.", result.QuerySelector("main")!.TextContent);
        Assert.Contains("Còn 2 bài nữa.", result.QuerySelector("main")!.TextContent);
        var page = await PathPageAsync(learner, GainsSite.SmallPath);
        Assert.Null(LinkNamed(page, "Làm bài kiểm tra đầu vào"));
        Assert.Equal("Điểm của bạn trước khi học: 25%.", page.QuerySelector(".entry-test__scores")?.TextContent.Trim());

        // Trying again half-way changes nothing: the first try before starting stands.
        Assert.Equal(HttpStatusCode.Redirect, (await learner.CompleteAsync(GainsSite.SmallLessons[0])).StatusCode);
        await TakeTestAsync(learner, GainsSite.SmallTest, 4);
        Assert.Null(LinkNamed(await PathPageAsync(learner, GainsSite.SmallPath), "Làm bài kiểm tra cuối lộ trình"));

        Assert.Equal(HttpStatusCode.Redirect, (await learner.CompleteAsync(GainsSite.SmallLessons[1])).StatusCode);
        Assert.NotNull(LinkNamed(await PathPageAsync(learner, GainsSite.SmallPath), "Làm bài kiểm tra cuối lộ trình"));
        result = await TakeTestAsync(learner, GainsSite.SmallTest, 3);
        Assert.Contains("Trước khi học: 25% · Sau khi học: 75% (tăng 50 điểm).", result.QuerySelector("main")!.TextContent);
        page = await PathPageAsync(learner, GainsSite.SmallPath);
        Assert.Equal("Trước khi học: 25% · Sau khi học: 75% (tăng 50 điểm).", page.QuerySelector(".entry-test__scores")?.TextContent.Trim());
        Assert.Null(LinkNamed(page, "Làm bài kiểm tra cuối lộ trình"));

        // A later try moves nothing either; her scores are in her data export.
        await TakeTestAsync(learner, GainsSite.SmallTest, 0);
        var row = await site.WithDbAsync(db => db.Set<PathGain>().AsNoTracking().SingleAsync(g => g.UserId == user.Id));
        Assert.Equal((25, (int?)75), (row.BeforePercent, row.AfterPercent));
        var (export, _) = await learner.GetAsync("/cua-toi/du-lieu");
        Assert.Contains("\"entryTests\"", await export.Content.ReadAsStringAsync());
    }
}

public sealed class GainsHttpTestsOnSqlite(SqliteGainsSite site) : GainsHttpTests<SqliteGainsSite>(site);

public sealed class GainsHttpTestsOnPostgres(PostgresGainsSite site) : GainsHttpTests<PostgresGainsSite>(site);
