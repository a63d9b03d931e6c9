using HoaHung.Learning.Progress;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// A learner's rights over her data (Decree 13/2023 on personal data protection): a copy of all of it, and
/// deletion of her account, after which only anonymous aggregates remain.
/// </summary>
public sealed class PersonalData(UserManager<AppUser> users, IEnumerable<IPersonalDataOwner> owners, AccountSessions sessions,
    TimeProvider clock, ILogger<PersonalData> log)
{
    /// <summary>Everything the site holds about her, as one JSON-ready object.</summary>
    public async Task<Dictionary<string, object?>> ExportAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No such user");
        var export = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime,
            ["account"] = new
            {
                userName = user.UserName,
                phoneNumber = user.PhoneNumber,
                email = user.Email,
                displayName = user.DisplayName,
                neighbourhood = user.Neighbourhood,
                team = user.Team,
                createdAt = user.CreatedAt,
                lastSignInAt = user.LastSignInAt,
                roles = await users.GetRolesAsync(user),
            },
        };
        foreach (var owner in owners)
            export[owner.ExportKey] = await owner.ExportAsync(userId, ct);
        return export;
    }

    /// <summary>Deletes her account after she confirmed with her password; false when the password is wrong.</summary>
    public async Task<bool> DeleteAsync(string userId, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
            return false;
        foreach (var owner in owners)
            await owner.DeleteAsync(userId, ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not delete {userId}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
        // Her other browsers are signed out on every instance (their rows went with the account).
        await sessions.EndAllAsync(userId, ct);
        log.LogInformation("Account {UserId} deleted by its owner", userId);
        return true;
    }
}
