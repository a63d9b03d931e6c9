namespace HoaHung.Learning.Classes;

/// <summary>What a trainer types for a class. Everything is untrusted.</summary>
public sealed record ClassForm(string? Name, string? Neighbourhood = null, string? Place = null);

/// <summary>A session's day and start in the ward's time (<see cref="WardTime"/>), its length and topic.</summary>
public sealed record SessionForm(DateOnly Day, TimeOnly Start, int Minutes = 90, string? Topic = null);

/// <summary>A lesson, path or quiz (by slug) for the class or one of its groups, with an optional due day.</summary>
public sealed record AssignmentForm(AssignmentKind Kind, string? Slug, int? GroupId = null, DateOnly? DueOn = null);

/// <summary>One class in the trainer's list.</summary>
public sealed record ClassCard(int Id, string Name, string? Neighbourhood, string? Place, bool Archived, string JoinCode,
    bool JoinClosed, int Members, DateTime? NextSessionAt);

/// <summary>Everything the class page shows except the grid and the reports.</summary>
public sealed record ClassPage(
    int Id,
    string Name,
    string? Neighbourhood,
    string? Place,
    bool Archived,
    string JoinCode,
    bool JoinClosed,
    Guid Version,
    IReadOnlyList<PersonView> Trainers,
    IReadOnlyList<SessionView> Sessions,
    IReadOnlyList<GroupView> Groups,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<AssignmentView> Assignments);

public sealed record PersonView(string UserId, string DisplayName, string UserName);

/// <summary>A session; <see cref="StartsAt"/> is UTC (show it with <see cref="WardTime.ToWard"/>).</summary>
public sealed record SessionView(int Id, DateTime StartsAt, int Minutes, string? Topic);

public sealed record GroupView(int Id, string Name);

/// <param name="TrainerMayReset">
/// Her account was made by this class's bulk accounts and she has not yet chosen her own password: the class's trainers
/// may give it a temporary password (<see cref="ClassAccounts.ResetPasswordAsync"/> decides again on the server).
/// </param>
public sealed record MemberView(string UserId, string DisplayName, string UserName, int? GroupId, DateTime JoinedAt,
    bool MustChangePassword, bool AddedByTrainer, bool TrainerMayReset = false);

public sealed record AssignmentView(int Id, AssignmentKind Kind, string Slug, string Title, int? GroupId, DateOnly? DueOn, int Position);

/// <summary>What a trainer can assign: published lessons (those with a quiz can also be assigned as quizzes) and paths.</summary>
public sealed record Assignable(string Slug, string Title, AssignmentKind Kind);
