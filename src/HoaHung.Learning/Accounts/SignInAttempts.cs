using HoaHung.Learning.Text;
using Microsoft.AspNetCore.Identity;

namespace HoaHung.Learning.Accounts;

/// <summary>What a person typed to sign in, where from, and which accounts this browser signed in to before.</summary>
public sealed record SignInRequest(string? Name, string? Password, string Address, string? DeviceId, IReadOnlyCollection<string> DeviceAccounts);

public abstract record SignInOutcome
{
    public sealed record Succeeded(AppUser User) : SignInOutcome;

    /// <summary>Wrong name or password: the same answer whether the account exists, and whether it is locked.</summary>
    public sealed record Refused : SignInOutcome;

    /// <summary>Too many wrong passwords from here for this account: try again after <paramref name="For"/>.</summary>
    public sealed record Wait(TimeSpan For) : SignInOutcome;

    /// <summary>The password was right but staff locked the account (told only to someone who knows the password).</summary>
    public sealed record Locked : SignInOutcome;
}

/// <summary>
/// Checks a sign-in (docs/architecture.md §6). The same work whatever the account: one lookup by name and one
/// password check — against a throwaway hash when there is no such account — so neither the answer nor its time
/// tells whether an account exists or is locked. Wrong passwords are slowed by <see cref="SignInThrottle"/>, never
/// answered by locking the account.
/// </summary>
public sealed class SignInAttempts(UserManager<AppUser> users, SignInThrottle throttle, TimeProvider clock)
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? nobodyHash;

    public async Task<SignInOutcome> CheckAsync(SignInRequest request, CancellationToken ct)
    {
        var (name, _, _) = SignInNames.Normalize(request.Name);
        var account = name ?? "?" + TextCleaning.Truncate(TextCleaning.OneLine(request.Name).ToLowerInvariant(), SignInNames.MaxInputLength);
        var trusted = name is not null && request.DeviceId is not null && request.DeviceAccounts.Contains(name) ? request.DeviceId : null;
        var attempt = new SignInAttempt(account, request.Address, trusted);
        if (await throttle.TryBeginAsync(attempt) is var wait && wait > TimeSpan.Zero)
            return new SignInOutcome.Wait(wait);

        ct.ThrowIfCancellationRequested();
        var user = name is null ? null : await users.FindByNameAsync(name);
        var password = request.Password ?? "";
        bool right;
        if (user?.PasswordHash is not null)
        {
            right = await users.CheckPasswordAsync(user, password);
        }
        else
        {
            nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(Nobody, nobodyHash, password);
            right = false;
        }
        if (!right)
            return new SignInOutcome.Refused();
        if (user!.LockoutEnd > clock.GetUtcNow())
            return new SignInOutcome.Locked();
        await throttle.SucceededAsync(attempt);
        return new SignInOutcome.Succeeded(user);
    }
}
