namespace HoaHung.Learning.Progress;

/// <summary>
/// Who is learning: a signed-in account, or an anonymous reader whose progress travels in her own signed cookie
/// (<see cref="AnonymousProgress"/>). Every progress and quiz method takes a <see cref="Learner"/> and decides
/// itself where her records live, so pages and endpoints never branch on which kind she is. Features that keep an
/// anonymous reader's work on the server (quiz attempts) key it by <see cref="AnonymousId"/> and hand it to the
/// account through <see cref="IAnonymousWorkMerger"/>.
/// </summary>
public sealed class Learner
{
    private Learner(string? userId, AnonymousProgress? anonymous)
    {
        UserId = userId;
        Anonymous = anonymous;
    }

    public static Learner Account(string userId) => new(userId ?? throw new ArgumentNullException(nameof(userId)), null);

    /// <param name="progress">Her cookie's progress, or <see cref="AnonymousProgress.New"/> for a reader who has none yet.</param>
    public static Learner Visitor(AnonymousProgress progress) => new(null, progress ?? throw new ArgumentNullException(nameof(progress)));

    /// <summary>Her account's id; null for an anonymous reader.</summary>
    public string? UserId { get; }

    /// <summary>An anonymous reader's progress, changed in place by the services; null for an account.</summary>
    public AnonymousProgress? Anonymous { get; }

    /// <summary>The random id that keys an anonymous reader's work kept on the server.</summary>
    public Guid? AnonymousId => Anonymous?.Id;

    /// <summary>
    /// True when an anonymous reader's progress changed, or work was keyed by her id, during this request: the web
    /// layer then writes her cookie back. A reader who only reads is given no cookie.
    /// </summary>
    public bool CookieChanged { get; private set; }

    /// <summary>Called by a service that changed <see cref="Anonymous"/> or stored work under <see cref="AnonymousId"/>.</summary>
    public void KeepCookie()
    {
        if (Anonymous is not null)
            CookieChanged = true;
    }
}

/// <summary>
/// Moves work an anonymous reader left on the server into her account when she signs in or up, into another
/// anonymous reader's (a kiosk visit carried onto her phone), or forgets it (a kiosk visitor who walked away).
/// </summary>
public interface IAnonymousWorkMerger
{
    Task MergeAsync(Guid anonymousId, string userId, CancellationToken ct);

    /// <summary>The same move as <see cref="MergeAsync"/>, to the anonymous reader <paramref name="intoAnonymousId"/>. Idempotent.</summary>
    Task MergeIntoVisitorAsync(Guid anonymousId, Guid intoAnonymousId, CancellationToken ct);

    /// <summary>Removes everything kept under this anonymous id.</summary>
    Task ForgetVisitorAsync(Guid anonymousId, CancellationToken ct);
}

/// <summary>
/// A feature that holds personal data about a learner (Decree 13/2023): it contributes to her data export and
/// removes her data when she deletes her account (keeping anonymous aggregates only).
/// </summary>
public interface IPersonalDataOwner
{
    /// <summary>The key under which this feature's data appears in the export.</summary>
    string ExportKey { get; }
    Task<object> ExportAsync(string userId, CancellationToken ct);
    Task DeleteAsync(string userId, CancellationToken ct);
}
