using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.ContentPacks;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>The ward admin's user administration, on each database provider.</summary>
public abstract class UserAdministrationTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, new()
{
    private static readonly CancellationToken None = CancellationToken.None;

    private UserAdministration Admin()
    {
        site.EnsureAvailable();
        return site.Services.GetRequiredService<UserAdministration>();
    }

    [Theory]
    [InlineData("+84 {0} {1} {2}")]
    [InlineData("0{0}.{1}.{2}")]
    [InlineData("0{0}{1}{2}")]
    public async Task Search_finds_a_phone_number_typed_in_another_format(string format)
    {
        var admin = Admin();
        var phone = AccountSeed.UniquePhone();
        var user = await site.UserAsync(phone, "Bà Tư");
        var typed = string.Format(format, phone[1..4], phone[4..7], phone[7..]);

        var page = await admin.ListAsync(new UserQuery(typed), None);

        var row = Assert.Single(page.Users);
        Assert.Equal(user.Id, row.Id);
        Assert.Equal(phone, row.UserName);
        Assert.True(row.IsPhone);
    }

    [Fact]
    public async Task Search_finds_a_name_typed_without_diacritics_and_a_username_in_any_case()
    {
        var admin = Admin();
        var tag = AccountSeed.UniqueName("x")[1..9];
        var user = await site.UserAsync(displayName: $"Trần Thị Ánh Đào {tag}");

        Assert.Equal(user.Id, Assert.Single((await admin.ListAsync(new UserQuery($"tran thi anh dao {tag}"), None)).Users).Id);
        Assert.Equal(user.Id, Assert.Single((await admin.ListAsync(new UserQuery($"ĐÀO {tag.ToUpperInvariant()}"), None)).Users).Id);
        Assert.Equal(user.Id, Assert.Single((await admin.ListAsync(new UserQuery(user.UserName!.ToUpperInvariant()), None)).Users).Id);
        Assert.Empty((await admin.ListAsync(new UserQuery($"tran thi anh dao {tag}zz"), None)).Users);
    }

    [Fact]
    public async Task List_filters_by_role_and_neighbourhood_newest_first_with_each_users_roles()
    {
        var admin = Admin();
        var area = $"Khu phố {AccountSeed.UniqueName("k")}";
        var t0 = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var older = await site.UserAsync(neighbourhood: area, createdAt: t0, roles: Roles.Trainer);
        var newer = await site.UserAsync(neighbourhood: area, createdAt: t0.AddDays(1), roles: [Roles.Author, Roles.Reviewer]);
        var learner = await site.UserAsync(neighbourhood: area, createdAt: t0.AddDays(2));

        var all = await admin.ListAsync(new UserQuery(Neighbourhood: area), None);
        Assert.Equal(3, all.Total);
        Assert.Equal([learner.Id, newer.Id, older.Id], all.Users.Select(u => u.Id));
        Assert.Equal([Roles.Learner, Roles.Author, Roles.Reviewer], all.Users[1].Roles);
        Assert.Equal([Roles.Learner], all.Users[0].Roles);

        var trainers = await admin.ListAsync(new UserQuery(Role: Roles.Trainer, Neighbourhood: area), None);
        Assert.Equal(older.Id, Assert.Single(trainers.Users).Id);

        var second = await admin.ListAsync(new UserQuery(Neighbourhood: area, Page: 1, PageSize: 2), None);
        Assert.Equal(3, second.Total);
        Assert.Equal(older.Id, Assert.Single(second.Users).Id);
    }

    [Fact]
    public async Task Changing_roles_always_keeps_Learner()
    {
        var admin = Admin();
        var me = await site.AdminAsync();
        var user = await site.UserAsync();

        Assert.IsType<AdminResult.Done>(await admin.SetRolesAsync(me.Id, user.Id, [Roles.Author, "trainer"], None));
        Assert.Equal([Roles.Author, Roles.Learner, Roles.Trainer], (await site.RolesOfAsync(user)).Order());

        Assert.IsType<AdminResult.Done>(await admin.SetRolesAsync(me.Id, user.Id, [], None));
        Assert.Equal([Roles.Learner], await site.RolesOfAsync(user));

        var refused = await admin.SetRolesAsync(me.Id, user.Id, ["Superuser"], None);
        Assert.Equal(AdminReasons.UnknownRole, Assert.IsType<AdminResult.Refused>(refused).ReasonKey);
    }

    [Fact]
    public async Task Only_an_active_admin_may_change_accounts()
    {
        var admin = Admin();
        var learner = await site.UserAsync();
        var other = await site.UserAsync();

        var refused = await admin.SetRolesAsync(learner.Id, learner.Id, [Roles.Admin], None);
        Assert.Equal(AdminReasons.NotAllowed, Assert.IsType<AdminResult.Refused>(refused).ReasonKey);
        Assert.Equal([Roles.Learner], await site.RolesOfAsync(learner));
        Assert.IsType<AdminResult.Refused>(await admin.LockAsync(learner.Id, other.Id, None));
        Assert.IsType<AdminResult.Refused>(await admin.SetTemporaryPasswordAsync(learner.Id, other.Id, None));
        Assert.False((await site.ReloadAsync(other)).MustChangePassword);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_locked_and_an_admin_keeps_her_own_access()
    {
        // A fresh site: the admins other tests create would count.
        await using var fresh = new TSite();
        fresh.EnsureAvailable();
        var admin = fresh.Services.GetRequiredService<UserAdministration>();
        var only = await fresh.AdminAsync();

        Assert.Equal(AdminReasons.LastAdmin, Reason(await admin.SetRolesAsync(only.Id, only.Id, [Roles.Trainer], None)));
        Assert.Equal(AdminReasons.LastAdmin, Reason(await admin.LockAsync(only.Id, only.Id, None)));
        Assert.Contains(Roles.Admin, await fresh.RolesOfAsync(only));

        var second = await fresh.AdminAsync();
        Assert.Equal(AdminReasons.OwnAdminRole, Reason(await admin.SetRolesAsync(only.Id, only.Id, [], None)));
        Assert.Equal(AdminReasons.LockSelf, Reason(await admin.LockAsync(only.Id, only.Id, None)));
        Assert.Equal(AdminReasons.OwnPassword, Reason(await admin.SetTemporaryPasswordAsync(only.Id, only.Id, None)));

        // A locked admin can neither act nor keep the ward running: she does not count.
        Assert.IsType<AdminResult.Done>(await admin.LockAsync(only.Id, second.Id, None));
        Assert.Equal(AdminReasons.NotAllowed, Reason(await admin.SetRolesAsync(second.Id, only.Id, [], None)));
        var third = await fresh.AdminAsync();
        Assert.IsType<AdminResult.Done>(await admin.SetRolesAsync(third.Id, only.Id, [], None));
        Assert.DoesNotContain(Roles.Admin, await fresh.RolesOfAsync(only));
        Assert.Equal(AdminReasons.LastAdmin, Reason(await admin.SetRolesAsync(third.Id, third.Id, [], None)));
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_until_unlocked()
    {
        var admin = Admin();
        var me = await site.AdminAsync();
        var user = await site.UserAsync();
        var stamp = (await site.ReloadAsync(user)).SecurityStamp;

        Assert.IsType<AdminResult.Done>(await admin.LockAsync(me.Id, user.Id, None));
        Assert.True(await SignInAsync(user, AccountSeed.Password) is { IsLockedOut: true, Succeeded: false });
        Assert.NotEqual(stamp, (await site.ReloadAsync(user)).SecurityStamp);
        Assert.True(Assert.Single((await admin.ListAsync(new UserQuery(user.UserName), None)).Users).IsLocked);

        Assert.IsType<AdminResult.Done>(await admin.UnlockAsync(me.Id, user.Id, None));
        Assert.True((await SignInAsync(user, AccountSeed.Password)).Succeeded);
        Assert.False(Assert.Single((await admin.ListAsync(new UserQuery(user.UserName), None)).Users).IsLocked);
    }

    [Fact]
    public async Task A_temporary_password_works_once_shown_must_be_changed_and_ends_other_sessions()
    {
        var admin = Admin();
        var me = await site.AdminAsync();
        var user = await site.UserAsync(AccountSeed.UniquePhone(), "Ông Sáu");
        var stamp = (await site.ReloadAsync(user)).SecurityStamp;

        var result = Assert.IsType<AdminResult.PasswordSet>(await admin.SetTemporaryPasswordAsync(me.Id, user.Id, None));

        var password = result.TemporaryPassword;
        Assert.Null(PasswordRules.Check(password, user.UserName, user.DisplayName));
        Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", password);
        Assert.DoesNotContain(password, result.ToString());
        var stored = await site.ReloadAsync(user);
        Assert.True(stored.MustChangePassword);
        Assert.NotEqual(stamp, stored.SecurityStamp);
        Assert.True((await SignInAsync(user, password)).Succeeded);
        Assert.False((await SignInAsync(user, AccountSeed.Password)).Succeeded);
        Assert.True(Assert.Single((await admin.ListAsync(new UserQuery(user.UserName), None)).Users).MustChangePassword);
    }

    private async Task<SignInResult> SignInAsync(AppUser user, string password)
    {
        using var scope = site.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var stored = (await signIn.UserManager.FindByIdAsync(user.Id))!;
        return await signIn.CheckPasswordSignInAsync(stored, password, lockoutOnFailure: false);
    }

    private static string Reason(AdminResult result) => Assert.IsType<AdminResult.Refused>(result).ReasonKey;
}

public sealed class UserAdministrationTestsOnSqlite(EmptySqliteSite site) : UserAdministrationTests<EmptySqliteSite>(site);

public sealed class UserAdministrationTestsOnPostgres(EmptyPostgresSite site) : UserAdministrationTests<EmptyPostgresSite>(site);
