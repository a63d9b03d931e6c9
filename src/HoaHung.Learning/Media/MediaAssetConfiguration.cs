using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Media;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> b)
    {
        b.HasIndex(m => m.Sha256).IsUnique();
        b.HasIndex(m => m.StorageKey).IsUnique();
        b.Property(m => m.Sha256).HasMaxLength(64);
        b.Property(m => m.StorageKey).HasMaxLength(64);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.FallbackExtension).HasMaxLength(10);
        b.Property(m => m.Renditions).HasMaxLength(100);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
