using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Xapi;

/// <summary>
/// The actor's opaque name: HMAC-SHA256 of the user id under the server's own secret (<see cref="XapiSecret"/>, one row
/// in the database, shared by every instance, never sent or shown), cut to 128 bits in hex. Stable for an account,
/// unlinkable to her phone, name or user id without the secret.
/// </summary>
public sealed class XapiActors
{
    private const int SecretId = 1;
    private volatile byte[]? key;

    /// <summary>Makes the secret once for the database (the first instance to start wins) and remembers it.</summary>
    public async Task EnsureSecretAsync(DbContext db, CancellationToken ct) => key = await ReadOrMakeAsync(db, ct);

    public async Task<string> NameAsync(DbContext db, string userId, CancellationToken ct)
    {
        var secret = key ??= await ReadOrMakeAsync(db, ct);
        return Name(secret, userId);
    }

    internal static string Name(byte[] secret, string userId)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("xapi-actor:" + userId));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    private static async Task<byte[]> ReadOrMakeAsync(DbContext db, CancellationToken ct)
    {
        var stored = await db.Set<XapiSecret>().AsNoTracking().Where(s => s.Id == SecretId).Select(s => s.Key).FirstOrDefaultAsync(ct);
        if (stored is not null)
            return stored;
        // Same SQL on both providers; a racing instance's row wins and is read back.
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "XapiSecrets" ("Id", "Key") VALUES ({0}, {1}) ON CONFLICT ("Id") DO NOTHING""",
            [SecretId, RandomNumberGenerator.GetBytes(32)], ct);
        return await db.Set<XapiSecret>().AsNoTracking().Where(s => s.Id == SecretId).Select(s => s.Key).FirstAsync(ct);
    }
}

