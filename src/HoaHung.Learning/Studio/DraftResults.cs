using HoaHung.Learning.Catalog;

namespace HoaHung.Learning.Studio;

/// <summary>A lesson's working copy as the editor opens it.</summary>
/// <param name="Version">Send it back with the next save: a save based on an older version is refused as a conflict.</param>
/// <param name="LastSession">The editor session that saved last (see <see cref="DraftEdit"/>), for <see cref="DraftRecovery"/>.</param>
public sealed record DraftView(int LessonId, string Slug, long Version, LessonContent Content, ReviewState State, LessonStatus PublicStatus,
    bool HasPendingChange, int? SubmittedRevisionId, DateTime UpdatedAt, string? UpdatedBy, string? LastSession = null);

/// <summary>
/// One save from an editor: the content, the version it was based on, and the editor's session (a random id the editor
/// keeps per lesson in the browser, across reloads). Within one session edits are linear — what a tab sends next
/// always contains what it sent before — so a newer stored version that this same session saved (an answer lost with a
/// dropped connection, a reload) is not someone else's work and may be overwritten; any other newer version may not.
/// </summary>
public sealed record DraftEdit(long BasedOn, LessonContent Content, string? Session = null)
{
    public const int MaxSessionLength = 64;

    internal bool Follows(LessonDraft stored, string actorId) =>
        stored.Version == BasedOn
        || (BasedOn < stored.Version && Session is { Length: > 0 and <= MaxSessionLength }
            && stored.UpdatedSession == Session && stored.UpdatedBy == actorId);
}

/// <summary>The stored working copy at some version, and who saved it (display name) when.</summary>
public sealed record DraftSnapshot(long Version, LessonContent Content, DateTime SavedAt, string? SavedBy);

public abstract record DraftResult
{
    private DraftResult() { }

    /// <summary>Stored (or already stored: a retried save changes nothing). <see cref="RevisionId"/> is set by "Lưu nháp" and "Gửi duyệt".</summary>
    public sealed record Saved(long Version, DateTime SavedAt, int? RevisionId) : DraftResult;

    /// <summary>
    /// Someone (or this editor, in another tab) saved a newer version since <c>expectedVersion</c>: nothing was
    /// overwritten. <see cref="Current"/> is what is stored, <see cref="Yours"/> what was sent, for the person to choose.
    /// </summary>
    public sealed record Conflict(DraftSnapshot Current, LessonContent Yours) : DraftResult;

    /// <summary>The text was saved as <see cref="Version"/>, but the revision or the submission was not made because of <see cref="Issues"/>.</summary>
    public sealed record Invalid(long Version, DateTime SavedAt, IReadOnlyList<LessonIssue> Issues) : DraftResult;

    /// <param name="ReasonKey">One of <see cref="StudioReasons"/>.</param>
    public sealed record Refused(string ReasonKey) : DraftResult;
}

public abstract record OpenResult
{
    private OpenResult() { }

    public sealed record Opened(DraftView Draft) : OpenResult;

    public sealed record Refused(string ReasonKey) : OpenResult;
}
