using System.Net;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>
/// Sessions end everywhere at once (issue 16 item 4): sign-out kills copies of the cookie, a password change, an
/// admin's lock or temporary password and the account's deletion end her other browsers' sessions — on this
/// instance at once and on the others too.
/// </summary>
public abstract class SessionsHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Password = "hoa mai nở sáng nay";
    private static int counter = 300_000;

    private static string NewPhone() => $"0913{Interlocked.Increment(ref counter):D6}";

    /// <summary>A browser that signs in, as someone who already has the cookie would (a copy of it, another device).</summary>
    private Visitor CopyOf(Visitor visitor)
    {
        var copy = new Visitor(site);
        copy.Cookies.Add(new Uri(Origin), new Cookie("hh.auth", visitor.Cookie("hh.auth")));
        return copy;
    }

    private static async Task<bool> SignedInAsync(Visitor visitor) =>
        (await visitor.GetAsync("/cua-toi/du-lieu")).Response.StatusCode == HttpStatusCode.OK;

    private async Task<(Visitor Visitor, string Phone, string UserId)> SignedUpAsync()
    {
        var visitor = new Visitor(site);
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignUpAsync(phone, password: Password)).StatusCode);
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.UserName == phone).Select(u => u.Id).SingleAsync());
        return (visitor, phone, id);
    }

    [Fact]
    public async Task A_copy_of_the_sign_in_cookie_is_refused_after_sign_out()
    {
        var (visitor, _, _) = await SignedUpAsync();
        var copy = CopyOf(visitor);
        Assert.True(await SignedInAsync(copy));

        await visitor.SubmitAsync("/tai-khoan/dang-xuat", "sign-out", []);

        var (response, _) = await copy.GetAsync("/cua-toi/du-lieu");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", Location(response));
        Assert.Null(copy.Cookie("hh.auth")); // and the dead cookie is removed
    }

    [Fact]
    public async Task Signing_out_in_one_browser_leaves_her_other_browsers_signed_in()
    {
        var (first, phone, _) = await SignedUpAsync();
        var second = new Visitor(site);
        await second.SignInAsync(phone, Password);

        await first.SubmitAsync("/tai-khoan/dang-xuat", "sign-out", []);

        Assert.True(await SignedInAsync(second));
        Assert.False(await SignedInAsync(first));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_her_other_browsers_but_not_this_one()
    {
        var (first, phone, _) = await SignedUpAsync();
        var second = new Visitor(site);
        await second.SignInAsync(phone, Password);
        var copyOfFirst = CopyOf(first);
        Assert.True(await SignedInAsync(second));

        var (changed, _) = await first.SubmitAsync("/tai-khoan/doi-mat-khau", "change-password", Fields(
            ("Input.Current", Password), ("Input.Password", "trăng rằm tháng tám"), ("Input.Confirm", "trăng rằm tháng tám")));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await SignedInAsync(first));
        Assert.False(await SignedInAsync(second));
        Assert.False(await SignedInAsync(copyOfFirst)); // the cookie from before the change is dead as well
    }

    [Fact]
    public async Task Deleting_the_account_signs_out_her_other_browsers_and_they_get_no_error()
    {
        var (first, phone, userId) = await SignedUpAsync();
        var second = new Visitor(site);
        await second.SignInAsync(phone, Password);
        Assert.True(await SignedInAsync(second));

        var (deleted, _) = await first.SubmitAsync("/cua-toi/xoa-tai-khoan", "delete-account", Fields(("Password", Password)));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var (my, _) = await second.GetAsync("/cua-toi");
        Assert.Equal(HttpStatusCode.OK, my.StatusCode);
        var (opened, _) = await second.PostAsync("/tien-do/vneid-la-gi/mo", []);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode); // her state (nothing: she is now a reader without an account)
        var (video, _) = await second.PostAsync("/tien-do/nop-ho-so-truc-tuyen/video", Fields(("position", "10"), ("duration", "100")));
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.False(await SignedInAsync(second));
        Assert.False(await site.WithDbAsync(db => db.Set<AccountSession>().AnyAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task An_admins_lock_or_temporary_password_ends_her_sessions_at_once()
    {
        var admin = await site.AdminAsync();
        var administration = site.Services.GetRequiredService<UserAdministration>();
        var (locked, _, lockedId) = await SignedUpAsync();
        var (helped, _, helpedId) = await SignedUpAsync();
        Assert.True(await SignedInAsync(locked));
        Assert.True(await SignedInAsync(helped));

        Assert.Equal(AdminResult.Ok, await administration.LockAsync(admin.Id, lockedId, CancellationToken.None));
        Assert.IsType<AdminResult.PasswordSet>(await administration.SetTemporaryPasswordAsync(admin.Id, helpedId, CancellationToken.None));

        Assert.False(await SignedInAsync(locked));
        Assert.False(await SignedInAsync(helped));
    }
}

public sealed class SessionsHttpTestsOnSqlite(SqliteSite site) : SessionsHttpTests<SqliteSite>(site);

public sealed class SessionsHttpTestsOnPostgres(PostgresSite site) : SessionsHttpTests<PostgresSite>(site);

/// <summary>Two instances of the site on one database (and one Redis, when given): what one ends, the other refuses.</summary>
public sealed class SessionsAcrossInstancesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Postgres, false)]
    [InlineData(DatabaseProvider.Postgres, true)]
    public async Task A_session_ended_on_one_instance_is_refused_by_the_other(DatabaseProvider provider, bool redis)
    {
        if (redis)
            TestEnvironment.RequireRedis();
        await using var first = new Instance(provider, redis, null);
        first.EnsureAvailable();
        first.Client(); // started: the database exists and is migrated
        await using var second = new Instance(provider, redis, first);
        var visitor = new Visitor(first);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignUpAsync("0914000001")).StatusCode);
        var cookie = visitor.Cookie("hh.auth")!;
        Assert.True(await AcceptedAsync(second, cookie)); // checked there, and now in its cache

        await visitor.SubmitAsync("/tai-khoan/dang-xuat", "sign-out", []);

        // Without Redis the other instance polls every 0.2 s here (2 s by default); with Redis it polls once a minute
        // here, so only the pub/sub message can end the session in time. Bounded wait, not a timing assertion.
        var refused = false;
        for (var i = 0; i < 100 && !refused; i++)
        {
            refused = !await AcceptedAsync(second, cookie);
            if (!refused)
                await Task.Delay(100);
        }
        Assert.True(refused, "the other instance still accepts the signed-out session after 10 s");
    }

    private static async Task<bool> AcceptedAsync(SiteFactory site, string cookie)
    {
        var browser = new Visitor(site);
        browser.Cookies.Add(new Uri(Origin), new Cookie("hh.auth", cookie));
        return (await browser.GetAsync("/cua-toi/du-lieu")).Response.StatusCode == HttpStatusCode.OK;
    }

    private sealed class Instance(DatabaseProvider provider, bool redis, Instance? first)
        : SiteFactory(provider, first?.ContentDirectory ?? TestEnvironment.NewTempDirectory("hh-empty"))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("App:Sessions:PollSeconds", redis ? "60" : "0.2");
            if (redis)
                builder.UseSetting("ConnectionStrings:Redis", TestEnvironment.RedisServer);
            if (first is null)
                return;
            builder.UseSetting("App:DataDirectory", first.DataDirectory);
            if (first.PostgresConnectionString is { } postgres)
                builder.UseSetting("ConnectionStrings:Postgres", postgres);
        }
    }
}
