namespace HoaHung.Learning.Progress;

/// <summary>
/// Who is learning: a signed-in account, or an anonymous reader known only by the random id carried in her
/// signed progress cookie. Features that keep an anonymous reader's work on the server (quiz attempts) key it
/// by <see cref="AnonymousId"/> and hand it to the account through <see cref="IAnonymousWorkMerger"/>.
/// </summary>
public readonly record struct Learner(string? UserId, Guid? AnonymousId)
{
    public static Learner Account(string userId) => new(userId, null);
    public static Learner Anonymous(Guid id) => new(null, id);
    public bool IsSignedIn => UserId is not null;
}

/// <summary>Moves work an anonymous reader left on the server into her account when she signs in or up.</summary>
public interface IAnonymousWorkMerger
{
    Task MergeAsync(Guid anonymousId, string userId, CancellationToken ct);
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
