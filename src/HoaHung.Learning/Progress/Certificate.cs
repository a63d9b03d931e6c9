using System.Security.Cryptography;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Progress;

/// <summary>
/// Issued when a learner has completed every lesson of a learning path. The name and title are copied at
/// issue time: a certificate says what was true on the day, even if the path is renamed later.
/// </summary>
public sealed class Certificate
{
    public int Id { get; set; }

    /// <summary>The public verification code in <c>/chung-chi/{code}</c>: about 99 random bits, unguessable.</summary>
    public required string Code { get; set; }
    public required string UserId { get; set; }
    public int PathId { get; set; }
    public required string DisplayName { get; set; }
    public required string PathTitle { get; set; }
    public DateTime IssuedAt { get; set; }

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud or typed from paper

    public static string NewCode()
    {
        Span<char> code = stackalloc char[20];
        for (var i = 0; i < code.Length; i++)
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    public static bool LooksLikeCode(string? s) =>
        s is { Length: 20 } && s.All(c => Alphabet.Contains(c));
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.UserId, c.PathId }).IsUnique();
        b.Property(c => c.Code).HasMaxLength(20);
        b.Property(c => c.DisplayName).HasMaxLength(100);
        b.Property(c => c.PathTitle).HasMaxLength(200);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LearningPath>().WithMany().HasForeignKey(c => c.PathId).OnDelete(DeleteBehavior.Restrict);
    }
}
