using System.Net;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>A site started with a first admin in its configuration and tight rate limits.</summary>
public sealed class ConfiguredSite() : SiteFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:Admin:UserName", "quantri");
        builder.UseSetting("App:Admin:Password", "chìa khóa của phường dài");
        builder.UseSetting("App:RateLimits:SignInPerMinute", "3");
        builder.UseSetting("App:RateLimits:SignUpPerTenMinutes", "2");
    }
}

public sealed class AccountStartupTests(ConfiguredSite site) : IClassFixture<ConfiguredSite>
{
    [Fact]
    public async Task The_first_admin_comes_from_configuration_once()
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByNameAsync("quantri");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.IsInRoleAsync(admin, Roles.Learner));

        // Read once: with an admin present, a second start changes nothing (even with other settings).
        var setup = scope.ServiceProvider.GetRequiredService<AccountSetup>();
        await setup.BootstrapAdminAsync(default);
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
    }

    [Fact]
    public async Task Every_role_exists()
    {
        using var scope = site.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            Assert.True(await roles.RoleExistsAsync(role), role);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_in_Vietnamese()
    {
        var visitor = new Visitor(site);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            // The form is read freely; only the posts count.
            (last, _) = await visitor.SubmitAsync("/tai-khoan/dang-nhap", "sign-in",
                Visitor.Fields(("Input.Name", "0900000000"), ("Input.Password", "sai rồi sai rồi")));
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter is not null || last.Headers.Contains("Retry-After"));
        var page = await last.Content.ReadAsStringAsync();
        Assert.Contains("Xin đợi một chút", page);
        Assert.Matches(@"khoảng \d+ giây", page); // a bucket refilled every 20 s here: seconds, not minutes
    }
}
