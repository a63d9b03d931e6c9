using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Kiosk;

/// <summary>
/// A kiosk visit waiting to be carried onto a phone ("Học tiếp trên điện thoại"): the lesson and the visit's anonymous
/// progress, under a short code shown as a QR on the kiosk, valid <see cref="KioskHandoffs.Lifetime"/> and usable once.
/// Only the code's SHA-256 is stored; the progress is emptied when the code is used.
/// </summary>
public sealed class KioskHandoff
{
    public Guid Id { get; set; }
    public string CodeHash { get; set; } = "";
    public string LessonSlug { get; set; } = "";

    /// <summary>The visit's anonymous progress (<c>AnonymousProgress.ToBytes</c>): lessons opened and done, and the id its quiz attempts are kept under.</summary>
    public byte[] Progress { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class KioskHandoffConfiguration : IEntityTypeConfiguration<KioskHandoff>
{
    public void Configure(EntityTypeBuilder<KioskHandoff> b)
    {
        b.ToTable("KioskHandoffs");
        b.HasKey(h => h.Id);
        b.Property(h => h.CodeHash).HasMaxLength(64).IsRequired();
        b.HasIndex(h => h.CodeHash).IsUnique();
        b.Property(h => h.LessonSlug).HasMaxLength(200).IsRequired();
        b.Property(h => h.Progress).HasMaxLength(4096).IsRequired();
        b.HasIndex(h => h.CreatedAt);
    }
}
