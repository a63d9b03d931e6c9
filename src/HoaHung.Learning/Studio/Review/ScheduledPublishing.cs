using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio.Review;

/// <summary>
/// Publishes scheduled lessons once their time has come (<see cref="Reviews.ScheduleAsync"/>), checking every
/// <see cref="Interval"/> on the <see cref="TimeProvider"/>. Every instance runs it; publishing the same revision twice
/// changes nothing a reader sees, and the row's schedule is cleared by whoever publishes first. An archived lesson is
/// never published by a schedule: archiving cancels it, and the status is checked again inside the publication.
/// </summary>
public sealed class ScheduledPublishing(IDbContextFactory<LearningDbContext> contexts, LessonPublisher publisher, TimeProvider clock,
    ILogger<ScheduledPublishing> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Publishes every lesson whose scheduled time is not after now; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(int LessonId, int RevisionId, string By)> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            due = (await db.LessonReviews().AsNoTracking()
                    .Where(r => r.ScheduledFor != null && r.ScheduledFor <= now && r.ScheduledRevisionId != null)
                    .OrderBy(r => r.ScheduledFor).Select(r => new { r.LessonId, Revision = r.ScheduledRevisionId!.Value, r.ScheduledBy })
                    .ToListAsync(ct))
                .Select(r => (r.LessonId, r.Revision, r.ScheduledBy ?? "schedule")).ToList();
        }
        var published = 0;
        foreach (var (lessonId, revisionId, by) in due)
        {
            // Published only if still scheduled and not archived, checked again inside the publication itself.
            if (await publisher.PublishScheduledAsync(lessonId, revisionId, by, ct))
                published++;
            else
                await DropAsync(lessonId, revisionId, ct);
        }
        return published;
    }

    /// <summary>
    /// The revision or its topic is gone, the lesson was archived, or the schedule changed meanwhile: what remains of
    /// this schedule is dropped (and said in the log) rather than tried forever.
    /// </summary>
    private async Task DropAsync(int lessonId, int revisionId, CancellationToken ct)
    {
        log.LogWarning("Scheduled publication of lesson {LessonId} (revision {RevisionId}) could not be done; the schedule is dropped", lessonId, revisionId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.LessonReviews().Where(r => r.LessonId == lessonId && r.ScheduledRevisionId == revisionId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ScheduledFor, (DateTime?)null).SetProperty(r => r.ScheduledRevisionId, (int?)null), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Scheduled publication failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
