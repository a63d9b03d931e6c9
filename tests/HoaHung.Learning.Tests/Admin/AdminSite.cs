using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Admin;

/// <summary>
/// The site with an empty library (or the given one) and a test-only sign-in door (<c>/__test/sign-in/{userId}</c>), registered
/// here and never in the product: the real sign-in pages are built separately and are not what these tests test.
/// </summary>
public abstract class AdminSite(DatabaseProvider provider, string? contentDirectory = null)
    : SiteFactory(provider, contentDirectory ?? TestEnvironment.NewTempDirectory("hh-empty"))
{
    public const string SignInPath = "/__test/sign-in";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestSignIn>());
    }

    /// <summary>The cookie header of a session signed in as this user.</summary>
    public async Task<string> SignInAsync(AppUser user)
    {
        var response = await Client(followRedirects: false).GetAsync($"{SignInPath}/{user.Id}");
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private sealed class TestSignIn : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(SignInPath, door => door.Run(async context =>
            {
                var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                var user = await signIn.UserManager.FindByIdAsync(context.Request.Path.Value!.Trim('/'));
                if (user is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await signIn.SignInAsync(user, isPersistent: false);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }));
            next(app);
        };
    }
}

public sealed class SqliteAdminSite() : AdminSite(DatabaseProvider.Sqlite);

public sealed class PostgresAdminSite() : AdminSite(DatabaseProvider.Postgres);
