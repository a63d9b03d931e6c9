using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>Creates accounts through the site's own UserManager, as sign-up and the admin command would.</summary>
public static class AccountSeed
{
    public const string Password = "ca-phe-sua-da-1975";

    /// <summary>A fresh username nobody else in the shared test database has.</summary>
    public static string UniqueName(string prefix = "u") => $"{prefix}{Guid.NewGuid():N}"[..16];

    /// <summary>A fresh, valid mobile number in national form (0912xxxxxx).</summary>
    public static string UniquePhone() => "0912" + Random.Shared.Next(0, 1_000_000).ToString("D6");

    public static async Task<AppUser> UserAsync(this SiteFactory site, string? userName = null, string displayName = "Cư dân",
        string? neighbourhood = null, DateTime? createdAt = null, params string[] roles)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var user = new AppUser
        {
            UserName = userName ?? UniqueName(),
            DisplayName = displayName,
            Neighbourhood = neighbourhood,
            CreatedAt = createdAt ?? DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        var all = roles.Append(Roles.Learner).Distinct().ToList();
        foreach (var role in all)
            if (!await roleManager.RoleExistsAsync(role))
                await roleManager.CreateAsync(new IdentityRole(role));
        Check(await users.AddToRolesAsync(user, all));
        return user;
    }

    public static Task<AppUser> AdminAsync(this SiteFactory site, string displayName = "Quản trị viên") =>
        site.UserAsync(UniqueName("admin"), displayName, roles: Roles.Admin);

    /// <summary>The account as stored now, read through a new scope.</summary>
    public static async Task<AppUser> ReloadAsync(this SiteFactory site, AppUser user)
    {
        using var scope = site.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id))!;
    }

    public static async Task<IList<string>> RolesOfAsync(this SiteFactory site, AppUser user)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
}
