using HoaHung.Learning.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Xapi;

/// <summary>
/// One xAPI statement waiting to be sent, written in the same transaction as the event it records. Its id is the
/// statement's id, fixed at creation, so a POST repeated after a lost answer is idempotent at the LRS. Removed once
/// the LRS accepted it; kept with <see cref="ParkReason"/> when the LRS refused it (docs/architecture.md §9, "xAPI").
/// </summary>
public sealed class XapiOutboxRow
{
    public const int MaxReason = 500;

    public Guid Id { get; set; }

    /// <summary>Whose record it is, so her pending statements go with her account; never sent (the statement holds a pseudonym).</summary>
    public required string UserId { get; set; }

    /// <summary>The statement as sent (JSON).</summary>
    public required string Statement { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Failed tries so far (network errors, 5xx, 429).</summary>
    public int Attempts { get; set; }

    /// <summary>Not tried before this time (back-off).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The sender that holds it now, until <see cref="ClaimedUntil"/> (a lease: a dead sender's claim runs out).</summary>
    public Guid? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Set when the LRS refused it for good (a 4xx other than 409 and 429): never tried again.</summary>
    public DateTime? ParkedAt { get; set; }
    public string? ParkReason { get; set; }
}

/// <summary>The server's secret that turns a user id into the actor's stable opaque name. One row, made on first use.</summary>
public sealed class XapiSecret
{
    public int Id { get; set; }
    public required byte[] Key { get; set; }
}

internal sealed class XapiOutboxRowConfiguration : IEntityTypeConfiguration<XapiOutboxRow>
{
    public void Configure(EntityTypeBuilder<XapiOutboxRow> b)
    {
        b.ToTable("XapiOutbox");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Statement).HasMaxLength(8000);
        b.Property(r => r.ParkReason).HasMaxLength(XapiOutboxRow.MaxReason);
        b.HasIndex(r => new { r.ParkedAt, r.NextAttemptAt });
        b.HasIndex(r => r.ClaimedBy);
        b.HasIndex(r => r.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class XapiSecretConfiguration : IEntityTypeConfiguration<XapiSecret>
{
    public void Configure(EntityTypeBuilder<XapiSecret> b)
    {
        b.ToTable("XapiSecrets");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Key).HasMaxLength(64);
    }
}
