using System.Globalization;
using HoaHung.Learning.Changes;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Classes;

/// <summary>
/// The shape of every trainer's change to a class: a context of its own (safe in a circuit), the access check
/// against the database, the change, then the class's <see cref="Classroom.ChangedAt"/> bumped and open views told (<see cref="ClassActivity.Channel"/>, every instance).
/// </summary>
public sealed class ClassChanges(IDbContextFactory<LearningDbContext> contexts, ChangeFeed feed, TimeProvider clock,
    ILogger<ClassChanges> log)
{
    internal TimeProvider Clock => clock;

    internal async Task<ClassResult> RunAsync(string? actorId, int classId, string action,
        Func<LearningDbContext, ClassActor, Task<ClassResult>> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, refusal) = await ClassAccess.ManageAsync(db, actorId, classId, clock.GetUtcNow(), ct);
        if (actor is null)
        {
            log.LogWarning("Refused {Action} on class {ClassId} by {ActorId}: {Reason}", action, classId, actorId, refusal);
            return new ClassResult.Refused(refusal!);
        }
        ClassResult result;
        try
        {
            result = await change(db, actor);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClassResult.Refused(ClassReasons.Conflict);
        }
        if (result is ClassResult.Refused)
            return result;
        await TouchAsync(db, classId, ct);
        log.LogInformation("{ActorId} did {Action} on class {ClassId}", actor.UserId, action, classId);
        return result;
    }

    /// <summary>Runs a change on something that belongs to a class (a session, a group, an assignment).</summary>
    internal async Task<ClassResult> RunOnAsync(string? actorId, Func<LearningDbContext, Task<int?>> classOf, string action,
        Func<LearningDbContext, ClassActor, Task<ClassResult>> change, CancellationToken ct)
    {
        int? classId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            classId = await classOf(db);
        return classId is { } id ? await RunAsync(actorId, id, action, change, ct) : new ClassResult.Refused(ClassReasons.NotFound);
    }

    /// <summary>Reads a view of a class the actor may manage.</summary>
    internal async Task<ClassRead<T>> ReadAsync<T>(string? actorId, int classId, Func<LearningDbContext, ClassActor, Task<T?>> read,
        CancellationToken ct) where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, refusal) = await ClassAccess.ManageAsync(db, actorId, classId, clock.GetUtcNow(), ct);
        if (actor is null)
            return new ClassRead<T>.Refused(refusal!);
        return await read(db, actor) is { } view ? new ClassRead<T>.Found(view) : ClassRead<T>.NotFound;
    }

    internal async Task TouchAsync(LearningDbContext db, int classId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Classroom>().Where(c => c.Id == classId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangedAt, now).SetProperty(c => c.Changes, c => c.Changes + 1), ct);
        await feed.PublishAsync(ClassActivity.Channel, classId.ToString(CultureInfo.InvariantCulture), ct);
    }
}
