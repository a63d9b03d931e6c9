using System.Net;
using System.Text;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>The classes' pages and endpoints over HTTP, with real forms and no JavaScript, on each database provider.</summary>
public abstract class ClassesHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ClassesSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    private Task<string> CodeAsync(int classId) =>
        site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == classId).Select(c => c.JoinCode).FirstAsync());

    private async Task<int> SessionAsync(AppUser trainer, int classId) =>
        Assert.IsType<ClassResult.Created>(await site.Get<ClassSchedule>().AddSessionAsync(trainer.Id, classId,
            new SessionForm(WardTime.Today(TimeProvider.System), TimeOnly.FromDateTime(WardTime.ToWard(DateTime.UtcNow))), None)).Id;

    /// <summary>
    /// Every class route × anonymous, a learner (a member of the class), another trainer, the class's trainer and an
    /// admin: the status each gets. 302→in is the sign-in page, 302→no is the access-denied page.
    /// </summary>
    [Fact]
    public async Task Authorization_matrix_of_every_class_route()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var session = await SessionAsync(hoa, id);
        var code = await CodeAsync(id);
        var member = await site.MemberAsync(id);
        var roles = new (string Name, AppUser? User)[]
        {
            ("anonymous", null), ("learner", member), ("other trainer", await site.TrainerAsync("Anh Minh")), ("trainer", hoa), ("admin", await site.AdminAsync()),
        };
        var qr = Assert.IsType<ClassRead<AttendanceQr>.Found>(await site.Get<ClassAttendance>().QrAsync(hoa.Id, session, None)).Value.Code;
        //                                                 anonymous   learner     other      trainer  admin
        var expected = new (string Route, string[] Answers)[]
        {
            ("/lop-hoc",                                   ["302→in", "302→no", "200",     "200",   "200"]),
            ("/lop-hoc/moi",                               ["302→in", "302→no", "200",     "200",   "200"]),
            ($"/lop-hoc/{id}",                             ["302→in", "302→no", "403",     "200",   "200"]),
            ($"/lop-hoc/{int.MaxValue}",                   ["302→in", "302→no", "404",     "404",   "404"]),
            ($"/lop-hoc/{id}/ap-phich",                    ["302→in", "302→no", "403",     "200",   "200"]),
            ($"/lop-hoc/{id}/bao-cao.csv",                 ["302→in", "302→no", "302→no",  "200",   "200"]),
            ($"/lop-hoc/{id}/bao-cao.xlsx",                ["302→in", "302→no", "302→no",  "200",   "200"]),
            ($"/lop-hoc/buoi/{session}/diem-danh",         ["302→in", "302→no", "403",     "200",   "200"]),
            ("/tham-gia",                                  ["200",    "200",    "200",     "200",   "200"]),
            ($"/tham-gia/{code}",                          ["200",    "200",    "200",     "200",   "200"]),
            ("/tham-gia/ZZZZZZ",                           ["200",    "200",    "200",     "200",   "200"]),
            ($"/diem-danh/{session}/{qr}",                 ["200",    "200",    "200",     "200",   "200"]),
        };

        var actual = new List<string>();
        var visitors = new List<Visitor>();
        foreach (var (_, user) in roles)
            visitors.Add(await site.VisitorAsync(user));
        foreach (var (route, answers) in expected)
        {
            for (var r = 0; r < roles.Length; r++)
            {
                var (response, _) = await visitors[r].GetAsync(route);
                var got = (int)response.StatusCode == 302
                    ? "302→" + (Visitor.Location(response).StartsWith("/tai-khoan/dang-nhap") ? "in" : Visitor.Location(response).StartsWith("/tai-khoan/khong-co-quyen") ? "no" : Visitor.Location(response))
                    : ((int)response.StatusCode).ToString();
                if (got != answers[r])
                    actual.Add($"{route} as {roles[r].Name}: expected {answers[r]}, got {got}");
            }
        }
        Assert.Empty(actual);
    }

    [Fact]
    public async Task A_resident_without_JavaScript_signs_in_on_the_way_and_lands_back_in_the_class()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        await site.AssignAsync(hoa, id, AssignmentKind.Lesson, ClassesSite.LessonA, due: new DateOnly(2099, 1, 31));
        var code = await CodeAsync(id);
        var phone = AccountSeed.UniquePhone();
        var lan = await site.UserAsync(phone, "Bà Lan");
        var visitor = new Visitor(site);

        var (typed, _) = await visitor.GetAsync($"/tham-gia?ma={Uri.EscapeDataString(JoinCodes.Format(code).ToLowerInvariant())}");
        Assert.Equal($"/tham-gia/{code}", Visitor.Location(typed));
        var (page, doc) = await visitor.GetAsync($"/tham-gia/{code}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("VNeID mức 2 — Khu phố 5 — sáng thứ Bảy", doc.Text("h1"));
        Assert.Empty(doc.QuerySelectorAll("script[src*=blazor]")); // static SSR: no circuit, no framework script
        var signIn = doc.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Đăng nhập").GetAttribute("href")!;
        Assert.Equal($"/tai-khoan/dang-nhap?ReturnUrl={Uri.EscapeDataString($"/tham-gia/{code}")}", signIn);

        // Signing in from the join page joins the class at once (issue 27), and the page says so.
        var (signedIn, _) = await visitor.SubmitAsync(signIn, "sign-in", Visitor.Fields(("Input.Name", phone), ("Input.Password", AccountSeed.Password)));
        Assert.Equal($"/tham-gia/{code}?xong=1", Visitor.Location(signedIn));
        var (_, welcome) = await visitor.GetAsync($"/tham-gia/{code}?xong=1");
        Assert.Contains("Bạn đã vào lớp", welcome.Text(".alert--success"));
        Assert.Contains("Bài một", welcome.Text(".my-class"));
        Assert.Contains("hạn 31/01", welcome.Text(".my-class"));
        Assert.Empty(welcome.QuerySelectorAll(".join form[method=post]")); // nothing more to tap

        // Twice changes nothing; "Của tôi" shows the class.
        var (again, _) = await visitor.PostAsync($"/tham-gia/{code}", [new("_handler", "join")]);
        Assert.NotEqual(HttpStatusCode.InternalServerError, again.StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<ClassMember>().CountAsync(m => m.ClassId == id && m.UserId == lan.Id)));
        var (_, mine) = await visitor.GetAsync("/cua-toi");
        Assert.Equal("Lớp của tôi", mine.Text("#classes-heading"));
        Assert.Contains("VNeID mức 2", mine.Text(".my-classes"));

        // Taken out of the class by her trainer: gone from "Của tôi" at once.
        Assert.IsType<ClassResult.Done>(await site.Get<ClassSchedule>().RemoveMemberAsync(hoa.Id, id, lan.Id, CancellationToken.None));
        var (_, after) = await visitor.GetAsync("/cua-toi");
        Assert.Null(after.QuerySelector("#classes-heading"));
    }

    [Fact]
    public async Task Signing_up_from_a_join_link_joins_the_class_at_once_and_says_so()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var code = await CodeAsync(id);
        var phone = AccountSeed.UniquePhone();
        var visitor = new Visitor(site);
        var (_, doc) = await visitor.GetAsync($"/tham-gia/{code}");
        var signUp = doc.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Tạo tài khoản").GetAttribute("href")!;

        var (created, _) = await visitor.SubmitAsync(signUp, "sign-up", Visitor.Fields(("Input.Name", phone), ("Input.DisplayName", "Bà Tám"),
            ("Input.Password", AccountSeed.Password), ("Input.Confirm", AccountSeed.Password), ("Input.Consent", "true")));

        Assert.Equal($"/tham-gia/{code}?xong=1", Visitor.Location(created));
        var (_, welcome) = await visitor.GetAsync($"/tham-gia/{code}?xong=1");
        Assert.Contains("Bạn đã vào lớp", welcome.Text(".alert--success"));
        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.UserName == phone).Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<ClassMember>().CountAsync(m => m.ClassId == id && m.UserId == userId)));
    }

    [Fact]
    public async Task Closed_and_unknown_codes_say_so_in_Vietnamese()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var code = await CodeAsync(id);
        await site.Get<Classrooms>().SetJoiningAsync(hoa.Id, id, open: false, None);
        var visitor = await site.VisitorAsync(await site.LearnerAsync());

        var (closed, doc) = await visitor.GetAsync($"/tham-gia/{code}");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains("Lớp này đã đóng", doc.Text(".alert--error"));
        Assert.Empty(doc.QuerySelectorAll("form[method=post]"));

        var (unknown, doc2) = await visitor.GetAsync("/tham-gia/ZZZ222");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.NotNull(doc2.QuerySelector("form.join-form input[name=ma]"));
        Assert.Contains("Không tìm thấy lớp có mã này", doc2.Text(".alert--error"));
        var (bad, doc3) = await visitor.GetAsync("/tham-gia?ma=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Mã lớp gồm 6 chữ và số", doc3.Text(".alert--error"));
    }

    [Fact]
    public async Task Scanning_the_session_QR_signed_out_keeps_a_pass_through_sign_in_and_an_old_code_is_refused()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var session = await SessionAsync(hoa, id);
        var phone = AccountSeed.UniquePhone();
        var lan = await site.UserAsync(phone, "Bà Lan");
        Assert.IsType<JoinResult.Joined>(await site.Get<ClassJoining>().JoinAsync(lan.Id, await CodeAsync(id), None));
        var code = Assert.IsType<ClassRead<AttendanceQr>.Found>(await site.Get<ClassAttendance>().QrAsync(hoa.Id, session, None)).Value.Code;
        var visitor = new Visitor(site);

        var (_, scanned) = await visitor.GetAsync($"/diem-danh/{session}/{code}");
        var signIn = scanned.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Đăng nhập").GetAttribute("href")!;
        Assert.StartsWith($"/tai-khoan/dang-nhap?ReturnUrl={Uri.EscapeDataString($"/diem-danh/{session}?ve=")}", signIn);
        var (signedIn, _) = await visitor.SubmitAsync(signIn, "sign-in", Visitor.Fields(("Input.Name", phone), ("Input.Password", AccountSeed.Password)));
        var (_, marked) = await visitor.GetAsync(Visitor.Location(signedIn));
        Assert.Contains("Đã điểm danh", marked.Text(".alert--success"));
        Assert.Equal(AttendanceStatus.Present, await site.WithDbAsync(db => db.Set<AttendanceMark>().Where(a => a.SessionId == session && a.UserId == lan.Id).Select(a => a.Status).FirstAsync()));

        var (_, forged) = await visitor.GetAsync($"/diem-danh/{session}?ve=AAAA");
        Assert.Contains("Mã điểm danh đã hết hạn", forged.Text(".alert--error"));
        var (_, wrong) = await visitor.GetAsync($"/diem-danh/{session}/ABCDEFGH");
        Assert.Contains("Mã điểm danh đã hết hạn", wrong.Text(".alert--error"));
    }

    /// <summary>
    /// Issue 26 item 3: one scan, three other learners opened the forwarded pass URL at home — all three were marked.
    /// Now the pass works only in the browser that scanned (its cookie), marks one account once, and anyone else is
    /// told kindly why nothing happened.
    /// </summary>
    [Fact]
    public async Task An_attendance_pass_marks_only_whoever_scanned_in_that_browser_and_only_once()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var session = await SessionAsync(hoa, id);
        var lan = await site.MemberAsync(id, "Bà Lan");
        var others = new[] { await site.MemberAsync(id, "Bà Mai"), await site.MemberAsync(id, "Ông Tư"), await site.MemberAsync(id, "Chú Hùng") };
        var code = Assert.IsType<ClassRead<AttendanceQr>.Found>(await site.Get<ClassAttendance>().QrAsync(hoa.Id, session, None)).Value.Code;
        var phone = new Visitor(site);
        var (_, scanned) = await phone.GetAsync($"/diem-danh/{session}/{code}");
        var signIn = scanned.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Đăng nhập").GetAttribute("href")!;
        var passUrl = Uri.UnescapeDataString(signIn[(signIn.IndexOf("ReturnUrl=", StringComparison.Ordinal) + "ReturnUrl=".Length)..]);
        Assert.StartsWith($"/diem-danh/{session}?ve=", passUrl);

        // Forwarded: opened at home, signed in or not, it marks nobody and says why.
        foreach (var other in others)
        {
            var (response, page) = await (await site.VisitorAsync(other)).GetAsync(passUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("chỉ dùng được trên điện thoại đã quét mã", page.Text(".alert--error"));
        }
        var (_, stranger) = await new Visitor(site).GetAsync(passUrl);
        Assert.Contains("chỉ dùng được trên điện thoại đã quét mã", stranger.Text(".alert--error"));
        Assert.DoesNotContain(stranger.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Đăng nhập");
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<AttendanceMark>().CountAsync(a => a.SessionId == session)));

        // On the phone that scanned, Lan signs in: she is marked; opening it again shows her mark.
        await SignInOnAsync(phone, lan);
        var (_, marked) = await phone.GetAsync(passUrl);
        Assert.Contains("Đã điểm danh", marked.Text(".alert--success"));
        var (_, again) = await phone.GetAsync(passUrl);
        Assert.Contains("Đã điểm danh", again.Text(".alert--success"));

        // Used once: Mai signs in on that same phone (a shared phone) and opens it: not marked.
        await SignInOnAsync(phone, others[0]);
        var (_, used) = await phone.GetAsync(passUrl);
        Assert.Contains("đã được dùng để điểm danh cho người khác", used.Text(".alert--error"));
        Assert.Equal([lan.Id], await site.WithDbAsync(db => db.Set<AttendanceMark>().Where(a => a.SessionId == session).Select(a => a.UserId).ToListAsync()));
    }

    /// <summary>Signs <paramref name="user"/> in on the browser, keeping its other cookies (the test door of <see cref="ClassesSite"/>).</summary>
    private async Task SignInOnAsync(Visitor browser, AppUser user)
    {
        var signedIn = await site.VisitorAsync(user);
        foreach (System.Net.Cookie cookie in signedIn.Cookies.GetAllCookies())
            browser.Cookies.Add(new Uri(Visitor.Origin), new System.Net.Cookie(cookie.Name, cookie.Value));
    }

    [Fact]
    public async Task The_trainer_downloads_the_report_as_csv_and_xlsx_with_ascii_names()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        await site.AssignAsync(hoa, id, AssignmentKind.Lesson, ClassesSite.LessonA);
        var tu = await site.MemberAsync(id, "=Bác Tư");
        await site.CompleteAsync(tu, ClassesSite.LessonA);
        var visitor = await site.VisitorAsync(hoa);

        var (csv, _) = await visitor.GetAsync($"/lop-hoc/{id}/bao-cao.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var fileName = csv.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.Matches("^lop-vneid-muc-2-khu-pho-5-sang-thu-bay-[0-9]{8}\\.csv$", fileName);
        Assert.Contains("no-store", csv.Headers.CacheControl!.ToString());
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["Họ tên", "Tên đăng nhập", "Nhóm", "Số buổi có mặt", "Bài một", "Cần giúp", "Khu phố"], rows[0]);
        Assert.Equal(["'=Bác Tư", tu.UserName!, "", "0", "Xong", "", ""], rows[1]);

        var (xlsx, _) = await visitor.GetAsync($"/lop-hoc/{id}/bao-cao.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(HoaHung.Learning.Classes.ReportFiles.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Equal("'=Bác Tư", sheet[1][0]);
        Assert.Equal("Xong", sheet[1][4]);
    }
}

public sealed class ClassesHttpTestsOnSqlite(ClassesSqliteSite site) : ClassesHttpTests<ClassesSqliteSite>(site);

public sealed class ClassesHttpTestsOnPostgres(ClassesPostgresSite site) : ClassesHttpTests<ClassesPostgresSite>(site);
