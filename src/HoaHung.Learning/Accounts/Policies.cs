using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// Who may act, said once (docs/architecture.md §6): the named policies pages (<c>[Authorize(Policy = …)]</c>),
/// endpoints (<c>RequireAuthorization(…)</c>) and services (<see cref="Allows(string, IEnumerable{string})"/> over
/// the roles the database holds now) all use. No other file lists roles for a permission; <c>RoleLiteralTests</c>
/// greps <c>src/</c> for it.
/// </summary>
public static class Policies
{
    /// <summary>Writes lessons in the studio: authors, reviewers and admins.</summary>
    public const string CanAuthor = nameof(CanAuthor);

    /// <summary>Reviews and publishes lessons, edits every lesson: reviewers and admins.</summary>
    public const string CanReview = nameof(CanReview);

    /// <summary>Runs classes: trainers (their own classes) and admins (every class).</summary>
    public const string CanTeach = nameof(CanTeach);

    /// <summary>Administers the site and its accounts: admins.</summary>
    public const string CanAdminister = nameof(CanAdminister);

    /// <summary>Reads the ward's figures and reports, never a person: ward officials and admins (issue 22).</summary>
    public const string WardFigures = nameof(WardFigures);

    /// <summary>The roles each policy admits; having any one of them is enough.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf = new Dictionary<string, IReadOnlyList<string>>
    {
        [CanAuthor] = [Roles.Author, Roles.Reviewer, Roles.Admin],
        [CanReview] = [Roles.Reviewer, Roles.Admin],
        [CanTeach] = [Roles.Trainer, Roles.Admin],
        [CanAdminister] = [Roles.Admin],
        [WardFigures] = [Roles.Official, Roles.Admin],
    };

    /// <summary>Whether someone holding these roles (as the database says now) passes the policy.</summary>
    public static bool Allows(string policy, IEnumerable<string> roles)
    {
        var admitted = RolesOf[policy];
        return roles.Any(admitted.Contains);
    }

    /// <summary>Whether the signed-in principal's role claims pass the policy (for what a page shows, not for acting).</summary>
    public static bool Allows(string policy, ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && RolesOf[policy].Any(user.IsInRole);

    /// <summary>Registers every policy of <see cref="RolesOf"/>, once, for the whole site.</summary>
    public static IServiceCollection AddAccessPolicies(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in RolesOf)
            builder.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        return services;
    }
}
