using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Accounts;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Neighbourhood).HasMaxLength(100);
        b.Property(u => u.Team).HasMaxLength(100);
        b.HasIndex(u => u.PhoneNumber);
    }
}
