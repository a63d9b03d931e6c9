namespace HoaHung.Learning.Classes;

/// <summary>The outcome of a change to a class; a refusal carries a localization key (<c>Classes.*</c>).</summary>
public abstract record ClassResult
{
    private ClassResult() { }

    public sealed record Done : ClassResult;

    public sealed record Created(int Id) : ClassResult;

    public sealed record Refused(string ReasonKey) : ClassResult;

    public static readonly ClassResult Ok = new Done();
}

/// <summary>What a page reads: the view, or why not (not found, not hers).</summary>
public abstract record ClassRead<T>
{
    private ClassRead() { }

    public sealed record Found(T Value) : ClassRead<T>;

    public sealed record Refused(string ReasonKey) : ClassRead<T>;

    public static ClassRead<T> NotFound => new Refused(ClassReasons.NotFound);
    public static ClassRead<T> NotAllowed => new Refused(ClassReasons.NotAllowed);
}

/// <summary>Reasons a class action is refused: localization keys.</summary>
public static class ClassReasons
{
    public const string NotAllowed = "Classes.Refused.NotAllowed";
    public const string NotFound = "Classes.Refused.NotFound";
    public const string Conflict = "Classes.Refused.Conflict";
    public const string NameInvalid = "Classes.Refused.NameInvalid";
    public const string PlaceInvalid = "Classes.Refused.PlaceInvalid";
    public const string NeighbourhoodInvalid = "Classes.Refused.NeighbourhoodInvalid";
    public const string SessionInvalid = "Classes.Refused.SessionInvalid";
    public const string GroupInvalid = "Classes.Refused.GroupInvalid";
    public const string AssignmentInvalid = "Classes.Refused.AssignmentInvalid";
    public const string AlreadyAssigned = "Classes.Refused.AlreadyAssigned";
    public const string NotAMember = "Classes.Refused.NotAMember";
    public const string NotATrainer = "Classes.Refused.NotATrainer";
    public const string LastTrainer = "Classes.Refused.LastTrainer";
    public const string StaffAccount = "Classes.Refused.StaffAccount";

    /// <summary>The account is the resident's own (she made it, or chose her own password): she resets it herself.</summary>
    public const string OwnAccount = "Classes.Refused.OwnAccount";
    public const string NoteTooLong = "Classes.Refused.NoteTooLong";
    public const string Archived = "Classes.Refused.Archived";
    public const string Failed = "Classes.Refused.Failed";
}
