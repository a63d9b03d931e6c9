using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Classes;

internal sealed class ClassroomConfiguration : IEntityTypeConfiguration<Classroom>
{
    public void Configure(EntityTypeBuilder<Classroom> b)
    {
        b.ToTable("Classes");
        b.Property(c => c.Name).HasMaxLength(Classroom.MaxName);
        b.Property(c => c.Neighbourhood).HasMaxLength(100);
        b.Property(c => c.Place).HasMaxLength(Classroom.MaxPlace);
        b.Property(c => c.JoinCode).HasMaxLength(JoinCodes.Length);
        b.Property(c => c.AttendanceSecret).HasMaxLength(32);
        b.Property(c => c.Version).IsConcurrencyToken();
        // Unique, so a code always names one class; a generated code that collides is drawn again.
        b.HasIndex(c => c.JoinCode).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(c => c.Trainers).WithOne().HasForeignKey(t => t.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Groups).WithOne().HasForeignKey(g => g.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.ClassId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClassTrainerConfiguration : IEntityTypeConfiguration<ClassTrainer>
{
    public void Configure(EntityTypeBuilder<ClassTrainer> b)
    {
        b.ToTable("ClassTrainers");
        b.HasKey(t => new { t.ClassId, t.UserId });
        b.HasIndex(t => t.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClassSessionConfiguration : IEntityTypeConfiguration<ClassSession>
{
    public void Configure(EntityTypeBuilder<ClassSession> b)
    {
        b.ToTable("ClassSessions");
        b.Property(s => s.Topic).HasMaxLength(ClassSession.MaxTopic);
        b.HasIndex(s => new { s.ClassId, s.StartsAt });
    }
}

internal sealed class ClassGroupConfiguration : IEntityTypeConfiguration<ClassGroup>
{
    public void Configure(EntityTypeBuilder<ClassGroup> b)
    {
        b.ToTable("ClassGroups");
        b.Property(g => g.Name).HasMaxLength(ClassGroup.MaxName);
        b.HasIndex(g => g.ClassId);
    }
}

internal sealed class ClassMemberConfiguration : IEntityTypeConfiguration<ClassMember>
{
    public void Configure(EntityTypeBuilder<ClassMember> b)
    {
        b.ToTable("ClassMembers");
        // The unique index is what makes joining idempotent under a race (30 residents scanning at once).
        b.HasIndex(m => new { m.ClassId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.AddedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<ClassGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ClassAssignmentConfiguration : IEntityTypeConfiguration<ClassAssignment>
{
    public void Configure(EntityTypeBuilder<ClassAssignment> b)
    {
        b.ToTable("ClassAssignments");
        b.HasIndex(a => new { a.ClassId, a.Position });
        b.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LearningPath>().WithMany().HasForeignKey(a => a.PathId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ClassGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceMarkConfiguration : IEntityTypeConfiguration<AttendanceMark>
{
    public void Configure(EntityTypeBuilder<AttendanceMark> b)
    {
        b.ToTable("AttendanceMarks");
        b.Property(a => a.Note).HasMaxLength(AttendanceMark.MaxNote);
        b.HasIndex(a => new { a.SessionId, a.UserId }).IsUnique();
        b.HasIndex(a => a.UserId);
        b.HasOne<ClassSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.MarkedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AttendancePassUseConfiguration : IEntityTypeConfiguration<AttendancePassUse>
{
    public void Configure(EntityTypeBuilder<AttendancePassUse> b)
    {
        b.ToTable("AttendancePassUses");
        b.HasKey(p => p.PassId);
        b.Property(p => p.PassId).HasMaxLength(AttendancePassUse.IdLength);
        b.HasOne<ClassSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
