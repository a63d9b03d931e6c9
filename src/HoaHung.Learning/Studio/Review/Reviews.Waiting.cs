using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Studio.Review;

public sealed partial class Reviews
{
    /// <summary>How many lessons wait for review (the header's "Chờ duyệt" link); null when she is not a reviewer or admin.</summary>
    public async Task<int?> WaitingCountAsync(string actorId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await ReviewerAsync(db, actorId, ct) is null)
            return null;
        return await db.LessonDrafts().AsNoTracking()
            .CountAsync(d => d.State == ReviewState.InReview && d.SubmittedRevisionId != null, ct);
    }
}
