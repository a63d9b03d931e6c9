namespace HoaHung.Learning.Accounts;

/// <summary>What the admin asks the user list for. <see cref="Page"/> counts from 0.</summary>
public sealed record UserQuery(string? Search = null, string? Role = null, string? Neighbourhood = null, int Page = 0, int PageSize = 25,
    string? Team = null)
{
    public const int MaxPageSize = 100;
}

/// <summary>One row of the admin's user list.</summary>
public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string? Neighbourhood,
    IReadOnlyList<string> Roles,
    bool IsLocked,
    bool MustChangePassword,
    DateTime CreatedAt,
    DateTime? LastSignInAt,
    string? Team = null)
{
    public bool IsPhone => UserName.Length > 0 && char.IsAsciiDigit(UserName[0]);
}

public sealed record UserPage(IReadOnlyList<UserRow> Users, int Total);

/// <summary>The outcome of an admin action; a refusal carries a localization key (<c>Admin.*</c>).</summary>
public abstract record AdminResult
{
    private AdminResult() { }

    public sealed record Done : AdminResult;

    /// <summary>A temporary password to show once to the admin, who reads it to the resident.</summary>
    public sealed record PasswordSet(string TemporaryPassword) : AdminResult
    {
        // Results get logged and printed in test output; the password must not be.
        public override string ToString() => "PasswordSet { TemporaryPassword = *** }";
    }

    public sealed record Refused(string ReasonKey) : AdminResult;

    public static readonly AdminResult Ok = new Done();
}

/// <summary>The reasons an admin action is refused: localization keys.</summary>
public static class AdminReasons
{
    public const string NotAllowed = "Admin.Refused.NotAllowed";
    public const string UserNotFound = "Admin.Refused.UserNotFound";
    public const string UnknownRole = "Admin.Refused.UnknownRole";
    public const string LastAdmin = "Admin.Refused.LastAdmin";
    public const string OwnAdminRole = "Admin.Refused.OwnAdminRole";
    public const string LockSelf = "Admin.Refused.LockSelf";
    public const string OwnPassword = "Admin.Refused.OwnPassword";
    public const string Failed = "Admin.Refused.Failed";
    public const string UnknownTeam = "Admin.Refused.UnknownTeam";
}
