namespace HoaHung.Learning.Accounts;

/// <summary>The roles of docs/architecture.md §6. Every account is a Learner; staff roles add to it.</summary>
public static class Roles
{
    public const string Learner = "Learner";
    public const string Author = "Author";
    public const string Reviewer = "Reviewer";
    public const string Trainer = "Trainer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Learner, Author, Reviewer, Trainer, Admin];

    /// <summary>The canonical spelling of a role name typed in any case, or null.</summary>
    public static string? Parse(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
