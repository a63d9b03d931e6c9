using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// One signed-in browser (docs/architecture.md §6). The sign-in cookie carries the session's id; a request is
/// signed in only while its row exists and the account's security stamp is the one the cookie was issued with.
/// Signing out deletes the row, so a copy of the cookie is dead too; a password change, an admin's lock and the
/// account's deletion delete all her rows.
/// </summary>
public sealed class AccountSession
{
    public const int IdLength = 22;

    /// <summary>16 random bytes, base64url: unguessable, and never derived from the account.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Refreshed at most once a day, so that sessions whose cookies have long expired can be removed.</summary>
    public DateTime LastSeenAt { get; set; }
}

/// <summary>
/// Bumped whenever a session ends: while the change feed is not shared (no Redis, or Redis unreachable) every instance
/// compares it every few seconds and forgets the sessions it had checked, so an ended session ends on every instance
/// even without Redis (docs/architecture.md §7).
/// </summary>
public sealed class SessionsVersion
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Value { get; set; }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>, IEntityTypeConfiguration<SessionsVersion>
{
    public void Configure(EntityTypeBuilder<AccountSession> b)
    {
        b.Property(s => s.Id).HasMaxLength(32);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.LastSeenAt);
    }

    public void Configure(EntityTypeBuilder<SessionsVersion> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new SessionsVersion { Id = SessionsVersion.SingletonId, Value = 1 });
    }
}
