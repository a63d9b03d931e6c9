using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Gains;

/// <summary>
/// One learner's scores on a learning path's entry test (docs/architecture.md §9, "Gains"): her first finished attempt
/// before she finished any lesson of the path, and her first finished attempt once she had finished them all. Written
/// in the transaction that scores the attempt; the ward's and a class's medians are read from these rows only, never
/// from progress or attempts.
/// </summary>
public sealed class PathGain
{
    public int PathId { get; set; }
    public required string UserId { get; set; }

    public int BeforePercent { get; set; }
    public DateTime BeforeAt { get; set; }
    public Guid BeforeAttemptId { get; set; }

    /// <summary>Null until she takes the test again after finishing the path's lessons.</summary>
    public int? AfterPercent { get; set; }
    public DateTime? AfterAt { get; set; }
    public Guid? AfterAttemptId { get; set; }
}

internal sealed class PathGainConfiguration : IEntityTypeConfiguration<PathGain>
{
    public void Configure(EntityTypeBuilder<PathGain> b)
    {
        b.ToTable("PathGains");
        // One row per learner per path: the key also makes a racing second "before" fail instead of counting twice.
        b.HasKey(g => new { g.PathId, g.UserId });
        b.HasIndex(g => g.UserId);
        b.HasOne<LearningPath>().WithMany().HasForeignKey(g => g.PathId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
