using AngleSharp.Dom;
using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.ContentPacks;
using HoaHung.Learning.Web.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Admin;

/// <summary>What the ward admin sees and does on /quan-tri/nguoi-dung, over a real SQLite test database.</summary>
public sealed class UsersPageTests(EmptySqliteSite site) : IClassFixture<EmptySqliteSite>
{
    private async Task<(StaffComponents Ctx, Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Page)> OpenAsync(AppUser? admin = null)
    {
        admin ??= await site.AdminAsync();
        var ctx = new StaffComponents(site, admin, Roles.Admin);
        return (ctx, ctx.RenderWithProviders<Users>());
    }

    private static void Search(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string text) =>
        page.Find(".admin-users__search input").Input(text);

    private static IElement RowOf(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string displayName) =>
        page.FindAll(".admin-users__table tbody tr").Single(r => r.QuerySelector(".user-row__name")?.TextContent.Trim() == displayName);

    private static IElement Button(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string text) =>
        page.FindAll(".mud-dialog button").Last(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task The_page_shows_its_title_filters_and_columns_in_Vietnamese()
    {
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;

        Assert.Equal("Người dùng", page.Find("h1").TextContent.Trim());
        Assert.Equal("Tìm theo tên, tên đăng nhập hoặc số điện thoại", page.Find(".admin-users__search label").TextContent.Trim());
        Assert.Equal(["Họ tên", "Tên đăng nhập / Số điện thoại", "Khu phố", "Vai trò", "Tổ", "Trạng thái", "Thao tác"],
            page.FindAll(".admin-users__table thead th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public async Task Typing_a_phone_number_in_another_format_finds_the_resident_with_her_roles()
    {
        var phone = AccountSeed.UniquePhone();
        await site.UserAsync(phone, "Lê Thị Hoa", "Khu phố 7", roles: Roles.Author);
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;

        Search(page, $"+84 {phone[1..4]} {phone[4..7]} {phone[7..]}");

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll(".admin-users__table tbody tr"));
            Assert.Equal("Lê Thị Hoa", row.QuerySelector(".user-row__name")!.TextContent.Trim());
            Assert.Equal(SignInNames.FormatPhone(phone), row.QuerySelector(".user-row__signin")!.TextContent.Trim());
            Assert.Equal(["Người học", "Tác giả"], row.QuerySelectorAll(".user-row__roles .mud-chip").Select(c => c.TextContent.Trim()));
        });
    }

    [Fact]
    public async Task A_temporary_password_is_shown_once_in_large_text_and_stored_as_must_change()
    {
        var user = await site.UserAsync(AccountSeed.UniquePhone(), "Nguyễn Văn Tám");
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;
        Search(page, user.UserName!);
        page.WaitForAssertion(() => RowOf(page, "Nguyễn Văn Tám"));

        Taps.Tap(() => RowOf(page, "Nguyễn Văn Tám").QuerySelector(".user-row__password"));
        page.WaitForAssertion(() => Assert.Contains("Đặt mật khẩu tạm cho Nguyễn Văn Tám", page.Find(".mud-dialog").TextContent));
        Taps.Tap(() => Button(page, "Đặt mật khẩu tạm"));

        var password = "";
        page.WaitForAssertion(() => password = page.Find(".password-dialog__password").TextContent.Trim());
        Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", password);
        Assert.Contains("Đã đặt mật khẩu tạm cho Nguyễn Văn Tám.", page.Markup);
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            Assert.True(stored.MustChangePassword);
            Assert.True(await users.CheckPasswordAsync(stored, password));
        }

        Taps.Tap(() => page.Find(".password-dialog__done"));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".password-dialog__password")));
        Assert.DoesNotContain(password, page.Markup);
        page.WaitForAssertion(() => Assert.Contains("Chờ đổi mật khẩu", RowOf(page, "Nguyễn Văn Tám").TextContent));
    }

    [Fact]
    public async Task Locking_asks_first_then_shows_the_account_locked()
    {
        var user = await site.UserAsync(displayName: "Trần Văn Khóa");
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;
        Search(page, user.UserName!);
        page.WaitForAssertion(() => RowOf(page, "Trần Văn Khóa"));

        Taps.Tap(() => RowOf(page, "Trần Văn Khóa").QuerySelector(".user-row__lock"));
        page.WaitForAssertion(() => Assert.Contains("Khóa tài khoản của Trần Văn Khóa", page.Find(".mud-dialog").TextContent));
        Assert.False((await site.ReloadAsync(user)).LockoutEnd.HasValue);
        Taps.Tap(() => Button(page, "Khóa"));

        page.WaitForAssertion(() => Assert.Contains("Đã khóa", RowOf(page, "Trần Văn Khóa").QuerySelector(".user-row__status")!.TextContent));
        Assert.Contains("Đã khóa tài khoản của Trần Văn Khóa.", page.Markup);
        Assert.NotNull(RowOf(page, "Trần Văn Khóa").QuerySelector(".user-row__unlock"));
        Assert.True((await site.ReloadAsync(user)).LockoutEnd > DateTimeOffset.UtcNow.AddYears(10));
    }

    [Fact]
    public async Task The_roles_dialog_keeps_Learner_and_saves_the_chosen_roles()
    {
        var user = await site.UserAsync(displayName: "Phạm Thị Lan");
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;
        Search(page, user.UserName!);
        page.WaitForAssertion(() => RowOf(page, "Phạm Thị Lan"));

        Taps.Tap(() => RowOf(page, "Phạm Thị Lan").QuerySelector(".user-row__roles-button"));
        page.WaitForAssertion(() => Assert.Contains("Vai trò của Phạm Thị Lan", page.Find(".mud-dialog").TextContent));
        Assert.True(page.Find(".roles-dialog__learner input").HasAttribute("disabled"));
        page.Find(".roles-dialog__trainer input").Change(true);
        Taps.Tap(() => page.Find(".roles-dialog__save"));

        page.WaitForAssertion(() => Assert.Equal(["Người học", "Hướng dẫn viên"],
            RowOf(page, "Phạm Thị Lan").QuerySelectorAll(".user-row__roles .mud-chip").Select(c => c.TextContent.Trim())));
        Assert.Contains("Đã lưu vai trò của Phạm Thị Lan.", page.Markup);
        Assert.Equal([Roles.Learner, Roles.Trainer], (await site.RolesOfAsync(user)).Order());
    }

    [Fact]
    public async Task An_admin_is_told_in_Vietnamese_why_she_cannot_drop_her_own_Admin_role()
    {
        await site.AdminAsync();
        var me = await site.AdminAsync("Võ Thị Quản Trị");
        var (ctx, page) = await OpenAsync(me);
        await using var _ = ctx;
        Search(page, me.UserName!);
        page.WaitForAssertion(() => RowOf(page, "Võ Thị Quản Trị"));
        var row = RowOf(page, "Võ Thị Quản Trị");
        Assert.Null(row.QuerySelector(".user-row__lock"));
        Assert.Null(row.QuerySelector(".user-row__password"));

        row.QuerySelector(".user-row__roles-button")!.Click();
        page.WaitForAssertion(() => page.Find(".roles-dialog__admin input").Change(false));
        Taps.Tap(() => page.Find(".roles-dialog__save"));

        page.WaitForAssertion(() => Assert.Contains("Bạn không thể tự bỏ quyền Quản trị của mình.", page.Markup));
        Assert.Contains(Roles.Admin, await site.RolesOfAsync(me));
    }

    [Fact]
    public async Task An_admin_puts_an_author_in_her_khu_pho_team_and_learners_get_no_team_choice()
    {
        var author = await site.UserAsync(AccountSeed.UniqueName("tacgia"), "Lê Văn Minh", roles: Roles.Author);
        var learner = await site.UserAsync(AccountSeed.UniqueName("hocvien"), "Trần Thị Học");
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;
        Search(page, "Lê Văn Minh");
        page.WaitForAssertion(() => RowOf(page, "Lê Văn Minh"));

        RowOf(page, "Lê Văn Minh").QuerySelector(".user-row__team-select")!.Change("Khu phố 5");

        page.WaitForAssertion(() => Assert.Contains("Đã xếp Lê Văn Minh vào tổ mới.", page.Markup));
        Assert.Equal("Khu phố 5", (await site.ReloadAsync(author)).Team);
        Search(page, "Trần Thị Học");
        page.WaitForAssertion(() => Assert.Null(RowOf(page, "Trần Thị Học").QuerySelector(".user-row__team-select")));
        Assert.Null((await site.ReloadAsync(learner)).Team);
    }
}
