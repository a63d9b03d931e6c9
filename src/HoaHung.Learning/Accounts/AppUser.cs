using Microsoft.AspNetCore.Identity;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// A person with an account. <see cref="IdentityUser.UserName"/> is either a username (starts with a letter)
/// or a Vietnamese mobile number normalized to <c>0xxxxxxxxx</c>, so one number in any format is one account
/// (see <see cref="SignInNames"/>). E-mail is optional: many residents have none.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>The khu phố she lives in, one of <see cref="AccountsOptions.Neighbourhoods"/>; optional.</summary>
    public string? Neighbourhood { get; set; }

    /// <summary>
    /// Staff only: the khu phố tech team ("Tổ công nghệ số cộng đồng") she writes for, one of
    /// <see cref="AccountsOptions.Neighbourhoods"/> (each khu phố has one team). An author edits her own lessons and
    /// her team's (Studio.StudioAccess); set by an admin.
    /// </summary>
    public string? Team { get; set; }

    /// <summary>Set when staff gave her a temporary password: she must choose her own at next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// When she first chose her own password (signing up, or replacing the temporary one she was given): from then on
    /// the account is hers, "claimed", and a trainer can no longer give it a temporary password (Classes.ClassAccounts).
    /// Null for an account made by a trainer's bulk accounts that its owner has not yet taken over.
    /// </summary>
    public DateTime? ClaimedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}
