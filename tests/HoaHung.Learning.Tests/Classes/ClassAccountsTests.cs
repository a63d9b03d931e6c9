using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Tests.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>Learner accounts a trainer creates for residents without a phone or e-mail, on each database provider.</summary>
public abstract class ClassAccountsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ClassesSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<SignInResult> SignInAsync(string userName, string password)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CheckPasswordSignInAsync(user!, password, lockoutOnFailure: false);
    }

    [Fact]
    public async Task Pasted_names_become_learners_of_the_class_who_sign_in_once_with_a_temporary_password()
    {
        var accounts = site.Get<ClassAccounts>();
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var tag = AccountSeed.UniqueName("x")[1..7];
        var phone = AccountSeed.UniquePhone();

        var result = await accounts.CreateLearnersAsync(hoa.Id, id, $"Nguyễn Văn Tư{tag}\nLê Thị Bảy{tag}, {phone}\nNguyễn Văn Tư{tag}\n", None);

        var created = Assert.IsType<BulkResult.Created>(result).Learners;
        Assert.Equal(3, created.Count);
        var baseName = LearnerList.BaseUserName($"Nguyễn Văn Tư{tag}");
        // A phone number given for her is her username; everyone takes the class's khu phố.
        Assert.Equal([baseName, phone, baseName + "2"], created.Select(c => c.UserName));
        Assert.All(created, c => Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", c.TemporaryPassword));
        Assert.DoesNotContain(created[0].TemporaryPassword, created[0].ToString());

        foreach (var learner in created)
        {
            Assert.True((await SignInAsync(learner.UserName, learner.TemporaryPassword)).Succeeded);
            var stored = await site.ReloadAsync(new AppUser { Id = learner.UserId });
            Assert.True(stored.MustChangePassword);
            Assert.Equal([Roles.Learner], await site.RolesOfAsync(stored));
        }
        Assert.Equal(phone, (await site.ReloadAsync(new AppUser { Id = created[1].UserId })).PhoneNumber);
        foreach (var learner in created)
            Assert.Equal("Khu phố 5", (await site.ReloadAsync(new AppUser { Id = learner.UserId })).Neighbourhood);
        var members = await site.WithDbAsync(db => db.Set<ClassMember>().Where(m => m.ClassId == id).ToListAsync());
        Assert.Equal(created.Select(c => c.UserId).Order(), members.Select(m => m.UserId).Order());
        Assert.All(members, m => Assert.Equal(hoa.Id, m.AddedById));
    }

    [Fact]
    public async Task A_list_with_a_bad_line_creates_nothing_and_says_which_line()
    {
        var accounts = site.Get<ClassAccounts>();
        var hoa = await site.TrainerAsync();
        var other = await site.TrainerAsync("Anh Minh");
        var id = await site.ClassAsync(hoa);
        var before = await site.WithDbAsync(db => db.Users.CountAsync());

        var result = await accounts.CreateLearnersAsync(hoa.Id, id, "Bà Tư\nÔng Sáu, 123\n", None);

        Assert.Equal((2, LearnerList.PhoneInvalid), Assert.Single(Assert.IsType<BulkResult.Invalid>(result).Problems) is var p ? (p.Line, p.ReasonKey) : default);
        Assert.Equal(before, await site.WithDbAsync(db => db.Users.CountAsync()));
        // Another trainer is refused before the list is even looked at.
        Assert.Equal(ClassReasons.NotAllowed, Assert.IsType<BulkResult.Refused>(await accounts.CreateLearnersAsync(other.Id, id, "Bà Tư", None)).ReasonKey);
        Assert.Equal(before, await site.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_trainer_resets_passwords_only_of_learners_in_her_own_classes()
    {
        var accounts = site.Get<ClassAccounts>();
        var hoa = await site.TrainerAsync();
        var minh = await site.TrainerAsync("Anh Minh");
        var mine = await site.ClassAsync(hoa);
        var his = await site.ClassAsync(minh);
        // Lan's account was made by the class's bulk accounts and she has not taken it over yet: the trainer may reset it.
        var made = Assert.Single(Assert.IsType<BulkResult.Created>(await accounts.CreateLearnersAsync(hoa.Id, mine, "Bà Lan", None)).Learners);
        var lan = await site.ReloadAsync(new AppUser { Id = made.UserId });
        var ba = await site.MemberAsync(his, "Chị Ba");
        var author = await site.UserAsync(AccountSeed.UniqueName("au"), "Tác giả", roles: Roles.Author);
        Assert.IsType<JoinResult.Joined>(await site.Get<ClassJoining>().JoinAsync(author.Id,
            await site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == mine).Select(c => c.JoinCode).FirstAsync()), None));

        var (result, reset) = await accounts.ResetPasswordAsync(hoa.Id, mine, lan.Id, None);
        Assert.IsType<ClassResult.Done>(result);
        Assert.True((await SignInAsync(lan.UserName!, reset!.TemporaryPassword)).Succeeded);
        Assert.False((await SignInAsync(lan.UserName!, made.TemporaryPassword)).Succeeded);
        Assert.True((await site.ReloadAsync(lan)).MustChangePassword);
        Assert.DoesNotContain(reset.TemporaryPassword, reset.ToString());

        // Not in her class (even through her own class id), staff, herself, or another trainer's class: refused.
        Assert.Equal(ClassReasons.NotAMember, Reason(await accounts.ResetPasswordAsync(hoa.Id, mine, ba.Id, None)));
        Assert.Equal(ClassReasons.NotAllowed, Reason(await accounts.ResetPasswordAsync(hoa.Id, his, ba.Id, None)));
        Assert.Equal(ClassReasons.StaffAccount, Reason(await accounts.ResetPasswordAsync(hoa.Id, mine, author.Id, None)));
        Assert.Equal(ClassReasons.NotAllowed, Reason(await accounts.ResetPasswordAsync(lan.Id, mine, lan.Id, None)));
        Assert.True((await SignInAsync(ba.UserName!, AccountSeed.Password)).Succeeded);
        Assert.True((await SignInAsync(author.UserName!, AccountSeed.Password)).Succeeded);
        Assert.False((await site.ReloadAsync(ba)).MustChangePassword);
    }

    /// <summary>
    /// Issue 26 item 7: a trainer resets only accounts her class's bulk accounts made and their owner has not claimed
    /// (chosen her own password); a resident's own phone account, or one she took over, is refused — its password
    /// unchanged, her sessions kept — and the class page shows the trainer how the resident resets it herself.
    /// </summary>
    [Fact]
    public async Task A_trainer_cannot_reset_a_residents_own_account_only_one_her_class_made_and_nobody_claimed()
    {
        var accounts = site.Get<ClassAccounts>();
        var hoa = await site.TrainerAsync();
        var mine = await site.ClassAsync(hoa);
        var other = await site.ClassAsync(await site.TrainerAsync("Anh Minh"));
        var tag = AccountSeed.UniqueName("x")[1..6];
        var made = Assert.IsType<BulkResult.Created>(await accounts.CreateLearnersAsync(hoa.Id, mine, $"Bà Tư{tag}\nÔng Sáu{tag}", None)).Learners;
        var (tu, sau) = (made[0], made[1]);
        // Her own phone account, joined with the class code: hers from the start.
        var phone = AccountSeed.UniquePhone();
        var lan = await site.UserAsync(phone, "Bà Lan");
        Assert.IsType<JoinResult.Joined>(await site.Get<ClassJoining>().JoinAsync(lan.Id,
            await site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == mine).Select(c => c.JoinCode).FirstAsync()), None));
        Assert.Equal(ClassReasons.OwnAccount, Reason(await accounts.ResetPasswordAsync(hoa.Id, mine, lan.Id, None)));
        Assert.True((await SignInAsync(phone, AccountSeed.Password)).Succeeded);
        Assert.False((await site.ReloadAsync(lan)).MustChangePassword);

        // Bà Tư signs in with her card and chooses her own password (the page she is sent to): the account is hers now.
        var browser = new Infrastructure.Visitor(site);
        var (signedIn, _) = await browser.SignInAsync(tu.UserName, tu.TemporaryPassword);
        Assert.StartsWith("/tai-khoan/doi-mat-khau", Infrastructure.Visitor.Location(signedIn));
        const string hers = "hoa sen nở trong đầm";
        var (changed, _) = await browser.SubmitAsync("/tai-khoan/doi-mat-khau", "change-password",
            Infrastructure.Visitor.Fields(("Input.Password", hers), ("Input.Confirm", hers)));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, changed.StatusCode);
        Assert.NotNull((await site.ReloadAsync(new AppUser { Id = tu.UserId })).ClaimedAt);
        Assert.Equal(ClassReasons.OwnAccount, Reason(await accounts.ResetPasswordAsync(hoa.Id, mine, tu.UserId, None)));
        Assert.True((await SignInAsync(tu.UserName, hers)).Succeeded);
        var (home, _) = await browser.GetAsync("/cua-toi");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode); // still signed in: nothing ended her session

        // Ông Sáu has not taken his over: his class's trainer may give it a new temporary password — and only her class's.
        var page = Assert.IsType<ClassRead<ClassPage>.Found>(await site.Get<Classrooms>().PageAsync(hoa.Id, mine, None)).Value;
        Assert.Equal([(tu.UserId, false), (sau.UserId, true), (lan.Id, false)],
            new[] { tu.UserId, sau.UserId, lan.Id }.Select(id => (id, page.Members.Single(m => m.UserId == id).TrainerMayReset)));
        Assert.IsType<ClassResult.Done>((await accounts.ResetPasswordAsync(hoa.Id, mine, sau.UserId, None)).Result);
        Assert.IsType<JoinResult.Joined>(await site.Get<ClassJoining>().JoinAsync(sau.UserId,
            await site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == other).Select(c => c.JoinCode).FirstAsync()), None));
        var minh = await site.WithDbAsync(db => db.Set<ClassTrainer>().Where(t => t.ClassId == other).Select(t => t.UserId).FirstAsync());
        Assert.Equal(ClassReasons.OwnAccount, Reason(await accounts.ResetPasswordAsync(minh, other, sau.UserId, None)));
    }

    private static string Reason((ClassResult Result, PasswordReset? Reset) r)
    {
        Assert.Null(r.Reset);
        return Assert.IsType<ClassResult.Refused>(r.Result).ReasonKey;
    }

    [Fact]
    public async Task A_phone_number_that_already_has_an_account_or_is_given_twice_creates_nothing()
    {
        var accounts = site.Get<ClassAccounts>();
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var phone = AccountSeed.UniquePhone();
        await site.UserAsync(phone, "Bà Ba");
        var other = AccountSeed.UniquePhone();

        var taken = Assert.IsType<BulkResult.Invalid>(await accounts.CreateLearnersAsync(hoa.Id, id, $"Bà Tư\nÔng Sáu, {phone}\n", None));
        Assert.Equal([(2, LearnerList.PhoneTaken)], taken.Problems.Select(p => (p.Line, p.ReasonKey)));
        var twice = Assert.IsType<BulkResult.Invalid>(await accounts.CreateLearnersAsync(hoa.Id, id, $"Bà Tư, {other}\nÔng Sáu, {other}\n", None));
        Assert.Equal([(2, LearnerList.PhoneTwice)], twice.Problems.Select(p => (p.Line, p.ReasonKey)));
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<ClassMember>().CountAsync(m => m.ClassId == id)));
    }

    [Fact]
    public async Task Printing_the_cards_again_gives_new_passwords_to_those_who_never_signed_in_and_the_old_ones_stop_working()
    {
        var accounts = site.Get<ClassAccounts>();
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var tag = AccountSeed.UniqueName("x")[1..7];
        var first = Assert.IsType<BulkResult.Created>(await accounts.CreateLearnersAsync(hoa.Id, id, $"Bà Tư{tag}\nÔng Sáu{tag}\n", None)).Learners;
        // Ông Sáu signed in with his card (and chose his own password); a resident who joined by herself is left alone too.
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == first[1].UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, DateTime.UnixEpoch).SetProperty(u => u.MustChangePassword, false)));
        var lan = await site.LearnerAsync();
        await site.WithDbAsync(async db => { db.Add(new ClassMember { ClassId = id, UserId = lan.Id, JoinedAt = DateTime.UnixEpoch }); return await db.SaveChangesAsync(); });

        var (result, cards) = await accounts.ReissueCardsAsync(hoa.Id, id, None);

        Assert.IsNotType<ClassResult.Refused>(result);
        var card = Assert.Single(cards);
        Assert.Equal((first[0].UserId, first[0].UserName), (card.UserId, card.UserName));
        Assert.NotEqual(first[0].TemporaryPassword, card.TemporaryPassword);
        Assert.False((await SignInAsync(card.UserName, first[0].TemporaryPassword)).Succeeded);
        Assert.True((await SignInAsync(card.UserName, card.TemporaryPassword)).Succeeded);
        Assert.True((await site.ReloadAsync(new AppUser { Id = card.UserId })).MustChangePassword);
        Assert.True((await SignInAsync(first[1].UserName, first[1].TemporaryPassword)).Succeeded); // his was not changed
        // Another trainer cannot.
        var other = await site.TrainerAsync("Anh Minh");
        Assert.IsType<ClassResult.Refused>((await accounts.ReissueCardsAsync(other.Id, id, None)).Result);
    }
}

public sealed class ClassAccountsTestsOnSqlite(ClassesSqliteSite site) : ClassAccountsTests<ClassesSqliteSite>(site);

public sealed class ClassAccountsTestsOnPostgres(ClassesPostgresSite site) : ClassAccountsTests<ClassesPostgresSite>(site);
