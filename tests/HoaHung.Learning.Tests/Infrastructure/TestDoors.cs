using System.Net;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>
/// Test-only doors, registered by test sites and never in the product: <c>/__test/sign-in/{userId}</c> signs a
/// session in (the real sign-in pages are tested on their own), and the header <c>X-Test-Peer</c> sets the client
/// address the connection comes from (in memory there is no socket), in front of everything the site does.
/// </summary>
public sealed class TestDoors : IStartupFilter
{
    public const string SignInPath = "/__test/sign-in";
    public const string PeerHeader = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
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

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestDoors>();
}

public static class TestDoorsExtensions
{
    /// <summary>The cookie header of a new session signed in as this user (the site must register <see cref="TestDoors"/>).</summary>
    public static async Task<string> SignInAsync(this SiteFactory site, AppUser user)
    {
        var response = await site.Client(followRedirects: false).GetAsync($"{TestDoors.SignInPath}/{user.Id}");
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
