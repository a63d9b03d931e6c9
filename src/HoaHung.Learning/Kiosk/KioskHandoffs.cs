using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Kiosk;

/// <summary>What became of a hand-off code typed or scanned on a phone.</summary>
public abstract record HandoffResult
{
    /// <summary>The code was good: the lesson and the kiosk visit's progress, handed over once.</summary>
    public sealed record Redeemed(string LessonSlug, byte[] Progress) : HandoffResult;
    public sealed record AlreadyUsed : HandoffResult;
    public sealed record Expired : HandoffResult;
    public sealed record Unknown : HandoffResult;
}

/// <summary>
/// Hand-off codes from a kiosk to a phone (docs/architecture.md §11): 6 characters without look-alikes (about 30 bits),
/// valid <see cref="Lifetime"/>, usable once — the first phone to use a code wins by a conditional update, so two
/// phones scanning at once cannot both take the visit. Rows older than a day are removed when a new code is made.
/// </summary>
public sealed class KioskHandoffs(LearningDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 6;

    /// <summary>Stores the visit under a new code and returns the code.</summary>
    public async Task<string> CreateAsync(string lessonSlug, byte[] progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<KioskHandoff>().Where(h => h.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var code = NewCode();
            db.Set<KioskHandoff>().Add(new KioskHandoff
            {
                Id = Guid.NewGuid(), CodeHash = Hash(code), LessonSlug = lessonSlug, Progress = progress,
                CreatedAt = now, ExpiresAt = now + Lifetime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return code;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // the same code made twice within a day: draw another
            }
        }
    }

    /// <summary>Takes the visit behind a code, once. Never throws for any text.</summary>
    public async Task<HandoffResult> RedeemAsync(string? typed, CancellationToken ct)
    {
        if (Normalize(typed) is not { } code)
            return new HandoffResult.Unknown();
        var hash = Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Set<KioskHandoff>().Where(h => h.CodeHash == hash && h.UsedAt == null && h.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.UsedAt, now), ct);
        var row = await db.Set<KioskHandoff>().AsNoTracking().Where(h => h.CodeHash == hash)
            .Select(h => new { h.LessonSlug, h.Progress, h.UsedAt, h.ExpiresAt }).FirstOrDefaultAsync(ct);
        if (row is null)
            return new HandoffResult.Unknown();
        if (taken == 0)
            return row.UsedAt is not null ? new HandoffResult.AlreadyUsed() : new HandoffResult.Expired();
        // Handed over: the server keeps no copy of the visit.
        await db.Set<KioskHandoff>().Where(h => h.CodeHash == hash).ExecuteUpdateAsync(s => s.SetProperty(h => h.Progress, Array.Empty<byte>()), ct);
        return new HandoffResult.Redeemed(row.LessonSlug, row.Progress);
    }

    /// <summary>The code as stored (upper case, no spaces or dashes), or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 32)
            return null;
        var code = new StringBuilder(CodeLength);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '.')
                continue;
            var upper = char.ToUpperInvariant(c);
            if (code.Length == CodeLength || !Alphabet.Contains(upper))
                return null;
            code.Append(upper);
        }
        return code.Length == CodeLength ? code.ToString() : null;
    }

    /// <summary>For display: <c>ABC 234</c>.</summary>
    public static string Format(string code) => code.Length == CodeLength ? $"{code[..3]} {code[3..]}" : code;

    private static string NewCode() => new(RandomNumberGenerator.GetItems<char>(Alphabet, CodeLength));

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));
}

public static class KioskModule
{
    public static IServiceCollection AddKiosk(this IServiceCollection services) => services.AddScoped<KioskHandoffs>();
}
