using HoaHung.Learning.Catalog;
namespace HoaHung.Learning.Studio;

/// <summary>
/// What the editor's browser kept of the typing (localStorage, written on every change): the content, the version it
/// was based on and the editor session it came from. It outlives a dropped connection, a reload, a sleeping laptop and
/// a server restart.
/// </summary>
public sealed record LocalCopy(long BasedOn, string? Session, LessonContent Content);

public enum Recovery
{
    /// <summary>The browser holds nothing the server does not (or nothing at all).</summary>
    Nothing,

    /// <summary>The browser holds typing the server never got, on top of what the server has: put it back and save it.</summary>
    RestoreLocal,

    /// <summary>Someone else saved since the browser's copy was based: the person chooses (both are shown).</summary>
    Ask,
}

/// <summary>Decides what happens to a browser's copy when an editor opens (after any interruption).</summary>
public static class DraftRecovery
{
    /// <param name="serverVersion">The stored version of the working copy (0 for a lesson not created yet).</param>
    /// <param name="serverSession">The editor session that saved it last.</param>
    public static Recovery Decide(long serverVersion, string? serverSession, LessonContent serverContent, LocalCopy? local)
    {
        if (local is null || local.Content.Clean().Content is not { } mine || mine.SameAs(serverContent))
            return Recovery.Nothing;
        if (local.BasedOn == serverVersion)
            return Recovery.RestoreLocal;
        // The same editor session saved the newer versions itself: its copy is written on every keystroke, so it
        // contains all of them and more.
        if (local.BasedOn < serverVersion && local.Session is { Length: > 0 } && local.Session == serverSession)
            return Recovery.RestoreLocal;
        return Recovery.Ask;
    }
}
