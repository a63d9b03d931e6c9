using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Accounts;

/// <summary>What a person fills in to get an account. Everything is untrusted.</summary>
public sealed record SignUpRequest(string? Name, string? DisplayName, string? Password, string? Neighbourhood = null);

public abstract record RegistrationResult
{
    public sealed record Created(AppUser User) : RegistrationResult;

    /// <summary>Reason keys (localized by the page) per form field: Name, DisplayName, Password, Neighbourhood.</summary>
    public sealed record Refused(IReadOnlyDictionary<string, string> Errors) : RegistrationResult;
}

/// <summary>Creates accounts: residents signing up, and staff added by the <c>users add</c> command.</summary>
public sealed class AccountRegistration(UserManager<AppUser> users, IOptions<AccountsOptions> options, TimeProvider clock,
    ILogger<AccountRegistration> log)
{
    public const int MaxDisplayName = DisplayNames.MaxLength;

    /// <summary>Every problem with the request, by form field; empty when an account can be created.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(SignUpRequest request)
    {
        var errors = new Dictionary<string, string>();
        var (name, isPhone, nameError) = SignInNames.Normalize(request.Name);
        if (nameError is not null)
            errors["Name"] = nameError;
        else if (await users.FindByNameAsync(name!) is not null)
            errors["Name"] = isPhone ? "Account.PhoneTaken" : "Account.UserNameTaken";
        var (displayName, displayNameError) = DisplayNames.Normalize(request.DisplayName);
        if (displayNameError is not null)
            errors["DisplayName"] = displayNameError;
        var neighbourhood = request.Neighbourhood?.Trim();
        if (!string.IsNullOrEmpty(neighbourhood) && !options.Value.Neighbourhoods.Contains(neighbourhood))
            errors["Neighbourhood"] = "Account.NeighbourhoodInvalid";
        if (PasswordRules.Check(request.Password, name, displayName) is { } passwordError)
            errors["Password"] = passwordError;
        return errors;
    }

    public async Task<RegistrationResult> RegisterAsync(SignUpRequest request, IReadOnlyCollection<string> extraRoles, CancellationToken ct)
    {
        var errors = await ValidateAsync(request);
        if (errors.Count > 0)
            return new RegistrationResult.Refused(errors);
        var (name, isPhone, _) = SignInNames.Normalize(request.Name);
        var displayName = DisplayNames.Normalize(request.DisplayName).Name!;
        var neighbourhood = string.IsNullOrWhiteSpace(request.Neighbourhood) ? null : request.Neighbourhood.Trim();

        ct.ThrowIfCancellationRequested();
        var user = new AppUser
        {
            UserName = name,
            PhoneNumber = isPhone ? name : null,
            DisplayName = displayName,
            Neighbourhood = neighbourhood,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.ClaimedAt = user.CreatedAt; // her own password from the start
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            // A concurrent sign-up with the same number wins the unique index; anything else is a password rule.
            var duplicate = created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName));
            return new RegistrationResult.Refused(new Dictionary<string, string>
            {
                [duplicate ? "Name" : "Password"] = duplicate ? (isPhone ? "Account.PhoneTaken" : "Account.UserNameTaken") : "Password.TooCommon",
            });
        }
        var roles = extraRoles.Append(Roles.Learner).Distinct().ToList();
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
            throw new InvalidOperationException($"Could not add roles to {user.Id}: {string.Join(", ", added.Errors.Select(e => e.Code))}");
        log.LogInformation("Account {UserId} created with roles {Roles}", user.Id, string.Join(",", roles));
        return new RegistrationResult.Created(user);
    }
}
