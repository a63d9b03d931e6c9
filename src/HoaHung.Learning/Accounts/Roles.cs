namespace HoaHung.Learning.Accounts;

/// <summary>The roles of docs/architecture.md §6. Every account is a Learner; staff roles add to it.</summary>
public static class Roles
{
    public const string Learner = "Learner";
    public const string Author = "Author";
    public const string Reviewer = "Reviewer";
    public const string Trainer = "Trainer";
    public const string Admin = "Admin";

    /// <summary>A ward official ("Cán bộ phường"): reads the ward's figures and reports, never a person (issue 22).</summary>
    public const string Official = "Official";

    public static readonly IReadOnlyList<string> All = [Learner, Author, Reviewer, Trainer, Admin, Official];

    /// <summary>The canonical spelling of a role name typed in any case, or null.</summary>
    public static string? Parse(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
