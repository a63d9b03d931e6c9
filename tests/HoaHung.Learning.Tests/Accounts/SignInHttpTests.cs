using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>
/// Signing in through the real form (issue 16 items 5 and 6): the same answer after the same work for an unknown
/// name, a wrong password and a locked account; wrong passwords slow the place they come from and never lock the
/// resident out; passwords in either Unicode form; display names without invisible characters.
/// </summary>
public abstract class SignInHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CountingSite
{
    private const string Password = "hoa mai nở sáng nay";
    private static int counter = 400_000;

    private static string NewPhone() => $"0915{Interlocked.Increment(ref counter):D6}";

    private static string NewPeer() => $"198.51.{Interlocked.Increment(ref counter) % 250}.{counter / 250 % 250}";

    private async Task<string> ResidentAsync(string password = Password)
    {
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.Redirect, (await new Visitor(site, peer: NewPeer()).SignUpAsync(phone, password: password)).StatusCode);
        return phone;
    }

    private async Task<(HttpResponseMessage Response, string Alert, int Checks)> TryAsync(Visitor visitor, string name, string password)
    {
        var before = site.Checks.Count;
        var (response, doc) = await visitor.SignInAsync(name, password);
        return (response, doc.QuerySelector(".alert")?.TextContent.Trim() ?? "", site.Checks.Count - before);
    }

    [Fact]
    public async Task Unknown_name_wrong_password_and_locked_account_get_the_same_answer_after_the_same_work()
    {
        var resident = await ResidentAsync();
        var locked = await ResidentAsync();
        var admin = await site.AdminAsync();
        var lockedId = (await site.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == locked)))).Id;
        Assert.Equal(AdminResult.Ok, await site.Services.GetRequiredService<UserAdministration>().LockAsync(admin.Id, lockedId, CancellationToken.None));

        var unknown = await TryAsync(new Visitor(site, peer: NewPeer()), NewPhone(), "không phải mật khẩu");
        var wrong = await TryAsync(new Visitor(site, peer: NewPeer()), resident, "không phải mật khẩu");
        var lockedWrong = await TryAsync(new Visitor(site, peer: NewPeer()), locked, "không phải mật khẩu");

        Assert.All(new[] { unknown, wrong, lockedWrong }, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode);
            Assert.Equal(unknown.Alert, r.Alert);
            Assert.Equal(1, r.Checks); // one password check each: against a throwaway hash when there is no account
        });
        Assert.DoesNotContain("khóa", unknown.Alert);
        // Only someone who knows the password learns that the account is locked.
        var lockedRight = await TryAsync(new Visitor(site, peer: NewPeer()), locked, Password);
        Assert.Contains("đang bị khóa", lockedRight.Alert);
        Assert.Equal(1, lockedRight.Checks);
    }

    [Fact]
    public async Task Wrong_passwords_from_one_browser_make_it_wait_but_never_lock_the_account()
    {
        var resident = await ResidentAsync();
        var guesser = new Visitor(site, peer: NewPeer());
        for (var i = 0; i < 5; i++)
            Assert.Contains("chưa đúng", (await TryAsync(guesser, resident, $"sai mật khẩu lần {i}")).Alert);
        // Past five, each try waits 1 s, 2 s, 4 s… after the one before; a few more (some told to wait) and the
        // next wait is longer than a test request can take.
        for (var i = 0; i < 6; i++)
            Assert.Matches("chưa đúng|Hãy đợi", (await TryAsync(guesser, resident, $"sai nữa lần {i}")).Alert);

        var (response, alert, checks) = await TryAsync(guesser, resident, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hãy đợi", alert);
        Assert.Equal(0, checks); // a try that must wait checks no password
        Assert.Null(guesser.Cookie("hh.auth"));
        Assert.Null((await site.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == resident)))).LockoutEnd);
    }

    [Fact]
    public async Task A_stranger_who_knows_her_number_cannot_lock_her_out()
    {
        var resident = await ResidentAsync();
        var herPhone = new Visitor(site, peer: "192.0.2.44");
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(herPhone, resident, Password)).Response.StatusCode);
        var device = new CookieContainer();
        device.Add(new Uri(Origin), new Cookie("hh.device", herPhone.Cookie("hh.device")));
        var stranger = new Visitor(site, peer: "203.0.113.66");
        for (var i = 0; i < 25; i++)
            await TryAsync(stranger, resident, $"đoán mò {i}");
        Assert.Contains("Hãy đợi", (await TryAsync(stranger, resident, $"đoán nữa")).Alert);

        // On the phone she signed in with before (its device cookie), even behind the stranger's own address.
        var sameWifi = new Visitor(site, device, peer: "203.0.113.66");
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(sameWifi, resident, Password)).Response.StatusCode);
        // And from a browser she never used, at the ward's counter: her first try goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(new Visitor(site, peer: "192.0.2.200"), resident, Password)).Response.StatusCode);
    }

    [Fact]
    public async Task A_Vietnamese_password_set_in_NFC_signs_in_when_typed_in_NFD_and_a_legacy_NFD_hash_too()
    {
        var resident = await ResidentAsync("Bánh xèo Hòa Hưng");
        Assert.Equal(HttpStatusCode.Redirect,
            (await TryAsync(new Visitor(site, peer: NewPeer()), resident, "Bánh xèo Hòa Hưng".Normalize(NormalizationForm.FormD))).Response.StatusCode);

        // An account whose password was hashed, before this change, exactly as an NFD keyboard sent it.
        var legacy = await ResidentAsync();
        var legacyPassword = "Cơm tấm sườn bì chả".Normalize(NormalizationForm.FormD);
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(legacy))!;
            user.PasswordHash = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions())).HashPassword(user, legacyPassword);
            await users.UpdateAsync(user);
        }
        Assert.Equal(HttpStatusCode.Redirect,
            (await TryAsync(new Visitor(site, peer: NewPeer()), legacy, legacyPassword.Normalize(NormalizationForm.FormC))).Response.StatusCode);
        var renewed = (await site.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == legacy)))).PasswordHash!;
        // Renewed in NFC, with the site's own rounds (the test environment lowers them).
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>(site.Services.GetRequiredService<IOptions<PasswordHasherOptions>>())
            .VerifyHashedPassword(new AppUser(), renewed, legacyPassword.Normalize(NormalizationForm.FormC)));
    }

    [Fact]
    public async Task Sign_up_strips_invisible_characters_from_the_name_and_wants_letters()
    {
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.Redirect, (await new Visitor(site, peer: NewPeer()).SignUpAsync(phone, "\u202eabc.exe\u202c")).StatusCode);
        Assert.Equal("abc.exe", (await site.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == phone)))).DisplayName);

        var (response, doc) = await new Visitor(site, peer: NewPeer()).SubmitAsync("/tai-khoan/dang-ky", "sign-up", Fields(
            ("Input.Name", NewPhone()), ("Input.DisplayName", "\u200b\u200c\u200d\ufeff"), ("Input.Password", Password),
            ("Input.Confirm", Password), ("Input.Consent", "true")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("họ và tên", doc.Text("#display-name-error"));
        var (_, digits) = await new Visitor(site, peer: NewPeer()).SubmitAsync("/tai-khoan/dang-ky", "sign-up", Fields(
            ("Input.Name", NewPhone()), ("Input.DisplayName", "0912345678"), ("Input.Password", Password),
            ("Input.Confirm", Password), ("Input.Consent", "true")));
        Assert.Contains("chữ cái", digits.Text("#display-name-error"));
    }
}

/// <summary>The roles site with its password hasher counted, so tests can compare the work of each sign-in.</summary>
public abstract class CountingSite(DatabaseProvider provider) : RolesSite(provider)
{
    public ConcurrentQueue<string> Checks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddScoped<IPasswordHasher<AppUser>>(sp =>
            new CountingHasher(new NfcPasswordHasher(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Checks)));
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner, ConcurrentQueue<string> checks) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            checks.Enqueue(user.UserName ?? "");
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SqliteCountingSite() : CountingSite(DatabaseProvider.Sqlite);

public sealed class PostgresCountingSite() : CountingSite(DatabaseProvider.Postgres);

public sealed class SignInHttpTestsOnSqlite(SqliteCountingSite site) : SignInHttpTests<SqliteCountingSite>(site);

public sealed class SignInHttpTestsOnPostgres(PostgresCountingSite site) : SignInHttpTests<PostgresCountingSite>(site);
