using System.Net;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Layout;

/// <summary>
/// Issue 27, item 1: every page a staff member sees carries her tools in the header, by role; learners see none, and
/// a learner's lesson page is still served from its shell without anyone's links in it.
/// </summary>
public abstract class StaffToolLinksTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    private static readonly Dictionary<Role, string[]> Expected = new()
    {
        [Role.Learner] = [],
        [Role.Author] = ["/soan-bai"],
        [Role.Reviewer] = ["/soan-bai", "/soan-bai/cho-duyet"],
        [Role.Trainer] = ["/lop-hoc"],
        [Role.Admin] = ["/soan-bai", "/soan-bai/cho-duyet", "/lop-hoc", "/quan-tri/tong-quan", "/quan-tri"],
        [Role.Official] = ["/quan-tri/tong-quan"],
    };

    private static readonly Dictionary<string, string> Names = new()
    {
        ["/soan-bai"] = "Soạn bài", ["/soan-bai/cho-duyet"] = "Chờ duyệt", ["/lop-hoc"] = "Lớp học", ["/quan-tri"] = "Quản trị", ["/quan-tri/tong-quan"] = "Tổng quan",
    };

    private async Task<string[]> ToolLinksAsync(Role role, string url)
    {
        var cookie = await site.CookieAsync(role);
        var (response, doc) = await site.Client(followRedirects: false).GetPageAsync(url, r => r.Headers.Add("Cookie", cookie!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var navs = doc.QuerySelectorAll("nav[aria-label='Công cụ của bạn']");
        if (navs.Length == 0)
            return [];
        var nav = Assert.Single(navs);
        var links = nav.QuerySelectorAll("a").ToList();
        foreach (var a in links)
            Assert.StartsWith(Names[a.GetAttribute("href")!], a.TextContent.Trim());
        return [.. links.Select(a => a.GetAttribute("href")!)];
    }

    [Fact]
    public async Task Each_role_sees_its_tools_on_learner_pages_and_a_learner_sees_none_even_from_a_shell_kept_before_or_after()
    {
        await site.EnsurePeopleAsync();
        string[] learnerPages = ["/", $"/bai-hoc/{RolesSite.Tutorial}", $"/chu-de/{RolesSite.Topic}", "/cua-toi", "/tim-kiem?q=VNeID"];
        foreach (var page in learnerPages)
        {
            // The learner first (her shell kept), then every staff role, then the learner again from the same shell.
            Assert.Empty(await ToolLinksAsync(Role.Learner, page));
            foreach (var (role, links) in Expected)
                Assert.Equal(links, await ToolLinksAsync(role, page));
            Assert.Empty(await ToolLinksAsync(Role.Learner, page));
        }
    }

    [Theory]
    [InlineData(Role.Author, "/soan-bai")]
    [InlineData(Role.Reviewer, "/soan-bai/cho-duyet")]
    [InlineData(Role.Trainer, "/lop-hoc")]
    [InlineData(Role.Admin, "/quan-tri")]
    [InlineData(Role.Official, "/quan-tri/tong-quan")]
    public async Task Staff_pages_carry_the_same_tools_in_their_header(Role role, string page) =>
        Assert.Equal(Expected[role], await ToolLinksAsync(role, page));

    [Fact]
    public async Task Chờ_duyệt_says_how_many_lessons_wait()
    {
        await site.EnsurePeopleAsync();
        var waiting = await site.WithDbAsync(db => Task.FromResult(db.Set<HoaHung.Learning.Studio.LessonDraft>()
            .Count(d => d.State == HoaHung.Learning.Studio.ReviewState.InReview && d.SubmittedRevisionId != null)));
        var cookie = await site.CookieAsync(Role.Reviewer);
        var (_, doc) = await site.Client().GetPageAsync("/", r => r.Headers.Add("Cookie", cookie!));
        var link = doc.QuerySelectorAll("nav[aria-label='Công cụ của bạn'] a").Single(a => a.GetAttribute("href") == "/soan-bai/cho-duyet");
        Assert.Equal($"Chờ duyệt ({waiting})", link.TextContent.Trim());
    }

    [Theory]
    [InlineData(null, "/cua-toi")]
    [InlineData(Roles.Author, "/soan-bai")]
    [InlineData(Roles.Reviewer, "/soan-bai/cho-duyet")]
    [InlineData(Roles.Trainer, "/lop-hoc")]
    [InlineData(Roles.Admin, "/quan-tri")]
    [InlineData(Roles.Official, "/quan-tri/tong-quan")]
    public async Task After_signing_in_staff_land_where_their_work_is(string? role, string landing)
    {
        site.EnsureAvailable();
        var name = AccountSeed.UniqueName("land");
        await site.UserAsync(name, "Người đăng nhập", roles: role is null ? [] : [role]);
        var visitor = new Visitor(site);
        var (response, _) = await visitor.SignInAsync(name, AccountSeed.Password);
        Assert.Equal(landing, Visitor.Location(response));

        // A return address still wins.
        var again = new Visitor(site);
        var (back, _) = await again.SubmitAsync("/tai-khoan/dang-nhap?ReturnUrl=%2Fchu-de%2Fchu-de", "sign-in",
            Visitor.Fields(("Input.Name", name), ("Input.Password", AccountSeed.Password)));
        Assert.Equal("/chu-de/chu-de", Visitor.Location(back));
    }
}

public sealed class StaffToolLinksTestsOnSqlite(SqliteRolesSite site) : StaffToolLinksTests<SqliteRolesSite>(site);

public sealed class StaffToolLinksTestsOnPostgres(PostgresRolesSite site) : StaffToolLinksTests<PostgresRolesSite>(site);
