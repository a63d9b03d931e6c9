namespace HoaHung.Learning.Classes;

/// <summary>
/// A class a trainer runs for residents: a name, where it meets, its sessions, trainers, members and assignments.
/// Residents join with <see cref="JoinCode"/> (see <see cref="JoinCodes"/>), unless the trainer closed joining.
/// </summary>
public sealed class Classroom
{
    public const int MaxName = 150;
    public const int MaxPlace = 200;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The khu phố it serves, one of the ward's neighbourhoods; optional.</summary>
    public string? Neighbourhood { get; set; }
    public string? Place { get; set; }

    /// <summary>Six characters from <see cref="JoinCodes.Alphabet"/>, unique; kept when joining is closed so the
    /// code can say "closed" instead of "unknown".</summary>
    public required string JoinCode { get; set; }
    public bool JoinClosed { get; set; }
    public bool Archived { get; set; }

    /// <summary>Keys the rotating attendance codes of this class's sessions (HMAC-SHA256, 32 random bytes).</summary>
    public required byte[] AttendanceSecret { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    /// <summary>
    /// When and how many times the trainers (or joining residents) changed the class: with the learners' own
    /// timestamps the count makes the class activity version the live grid polls (<see cref="ClassActivity"/>).
    /// </summary>
    public DateTime ChangedAt { get; set; }
    public long Changes { get; set; }

    /// <summary>Optimistic concurrency token for the class's own fields (two trainers editing at once).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ClassTrainer> Trainers { get; set; } = [];
    public List<ClassSession> Sessions { get; set; } = [];
    public List<ClassGroup> Groups { get; set; } = [];
    public List<ClassMember> Members { get; set; } = [];
    public List<ClassAssignment> Assignments { get; set; } = [];
}

/// <summary>A trainer of a class (the creator and any co-trainers).</summary>
public sealed class ClassTrainer
{
    public int ClassId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>One meeting of the class: a date and time (UTC), how long, an optional topic.</summary>
public sealed class ClassSession
{
    public const int MaxTopic = 200;

    public int Id { get; set; }
    public int ClassId { get; set; }
    public DateTime StartsAt { get; set; }
    public int Minutes { get; set; } = 90;
    public string? Topic { get; set; }
}

/// <summary>A group within a class (a table, a level); assignments can target it.</summary>
public sealed class ClassGroup
{
    public const int MaxName = 80;

    public int Id { get; set; }
    public int ClassId { get; set; }
    public required string Name { get; set; }
}

/// <summary>A learner in a class. Unique per class and user: joining twice changes nothing.</summary>
public sealed class ClassMember
{
    public long Id { get; set; }
    public int ClassId { get; set; }
    public required string UserId { get; set; }

    /// <summary>Her group in this class, if any (one at most).</summary>
    public int? GroupId { get; set; }
    public DateTime JoinedAt { get; set; }

    /// <summary>The trainer who added her (bulk accounts), or null when she joined with the code.</summary>
    public string? AddedById { get; set; }
}

public enum AssignmentKind
{
    Lesson,
    Path,
    Quiz,
}

/// <summary>
/// A lesson, a learning path or a quiz (a lesson with a quiz) given to the whole class or to one group, with an
/// optional due date (a day in the ward's calendar).
/// </summary>
public sealed class ClassAssignment
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    public AssignmentKind Kind { get; set; }
    public int? LessonId { get; set; }
    public int? PathId { get; set; }

    /// <summary>Null for the whole class.</summary>
    public int? GroupId { get; set; }
    public DateOnly? DueOn { get; set; }
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Moodle Attendance's four marks.</summary>
public enum AttendanceStatus
{
    Present,
    Late,
    Excused,
    Absent,
}

/// <summary>A learner's attendance at one session, with the trainer's note. Unique per session and learner.</summary>
public sealed class AttendanceMark
{
    public const int MaxNote = 200;

    public long Id { get; set; }
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public AttendanceStatus Status { get; set; }
    public string? Note { get; set; }
    public DateTime MarkedAt { get; set; }

    /// <summary>The trainer who marked her, or null when she marked herself with the session's QR code.</summary>
    public string? MarkedById { get; set; }
}

/// <summary>
/// An attendance pass that has marked someone (<see cref="ClassAttendance.SelfMarkScannedAsync"/>): a pass is used once,
/// so the same pass cannot mark a second account. Its id is the random one the web layer put in the pass.
/// </summary>
public sealed class AttendancePassUse
{
    public const int IdLength = 32;

    public required string PassId { get; set; }
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public DateTime UsedAt { get; set; }
}
