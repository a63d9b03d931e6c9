using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Assistant;

/// <summary>Which Zalo OA messages were already taken (<see cref="ZaloReceivedEvent"/>): the first delivery wins, by a unique key.</summary>
public sealed class ZaloDeliveries(LearningDbContext db, TimeProvider clock)
{
    /// <summary>True the first time <paramref name="messageKey"/> is seen, by any instance; false for a repeat.</summary>
    public async Task<bool> FirstTimeAsync(string messageKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<ZaloReceivedEvent>().AsNoTracking().AnyAsync(e => e.MessageKey == messageKey, ct))
            return false;
        db.Set<ZaloReceivedEvent>().Add(new ZaloReceivedEvent { MessageKey = messageKey, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // the same delivery taken a moment ago, here or on another instance
        }
        if (Random.Shared.Next(100) == 0)
            await db.Set<ZaloReceivedEvent>().Where(e => e.ReceivedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        return true;
    }
}
