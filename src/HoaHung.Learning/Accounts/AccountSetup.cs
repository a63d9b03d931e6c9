using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// Run at start: the five roles exist, and when no admin exists yet and <c>App:Admin:UserName</c> and
/// <c>App:Admin:Password</c> are set, that admin is created. There is no default password anywhere.
/// </summary>
public sealed class AccountSetup(RoleManager<IdentityRole> roles, UserManager<AppUser> users, AccountRegistration registration,
    IOptions<AdminBootstrapOptions> bootstrap, ILogger<AccountSetup> log)
{
    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public async Task BootstrapAdminAsync(CancellationToken ct)
    {
        var o = bootstrap.Value;
        if (string.IsNullOrWhiteSpace(o.UserName) || string.IsNullOrEmpty(o.Password))
            return;
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            return; // read once: an admin exists, the settings are ignored (and can be removed)
        var result = await registration.RegisterAsync(new SignUpRequest(o.UserName, o.UserName, o.Password), [Roles.Admin], ct);
        if (result is RegistrationResult.Refused refused)
            log.LogError("App:Admin was not created: {Errors}", string.Join(", ", refused.Errors.Select(e => $"{e.Key}: {e.Value}")));
        else
            log.LogWarning("First admin {UserName} created from App:Admin; remove App:Admin:Password from the configuration", o.UserName);
    }
}
