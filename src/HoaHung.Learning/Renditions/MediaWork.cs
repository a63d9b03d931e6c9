using System.Collections.Concurrent;
using System.Threading.Channels;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.ReadAloud;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Renditions;

/// <summary>One file to make: a part of a lesson read aloud, or a rendition of a stored video.</summary>
public sealed record RenditionJob(string Key, RenditionKind Kind, string? Say, Guid? SourceAssetId, string? SourceFile);

/// <summary>
/// Makes read-aloud audio and light videos in the background (docs/architecture.md §10). Every catalog change (an import,
/// a publish, another instance's change) only drops a signal into a channel of one (<see cref="CatalogChangedAsync"/>
/// never waits), so imports and publishing stay as fast as before. A planner then lists what the published lessons
/// need and is missing, and feeds a bounded queue (<see cref="MediaOptions.RenditionQueueLength"/>) that one worker
/// empties, one program at a time: on a 2-core server, ffmpeg on a phone video must not starve the pages. Files are
/// keyed by content (<see cref="MediaRendition.Key"/>): what exists is never made again; a changed step has a new key.
/// What was made is announced as a catalog change (cached pages pick the files up) when the queue empties, and every
/// <see cref="AnnounceEvery"/> meanwhile: a lesson's read-aloud reaches its page in seconds, not after the last phone video.
/// A missing espeak-ng or ffmpeg is logged once and only means those files are not made.
/// Files no published lesson needs any more (a step reworded, a video replaced, a lesson taken down) are swept once
/// they have been unneeded for <see cref="SweepAfter"/> — long enough for every cached page and every open lesson that
/// still points at them — by the planner's rounds, which also run every <see cref="SweepEvery"/>.
/// </summary>
public sealed class MediaWork(IServiceScopeFactory scopes, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaWork> log)
    : BackgroundService, ICatalogChanged
{
    private readonly MediaOptions settings = options.Value;
    // Wait mode: TryWrite answers false when a signal is already waiting (DropWrite would answer true and drop it).
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<string, string> failed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> queued = new(StringComparer.Ordinal);
    // Since when each made file has been unneeded, as this process saw it (a restart only starts the wait again).
    private readonly ConcurrentDictionary<string, DateTimeOffset> unneededSince = new(StringComparer.Ordinal);

    /// <summary>How long a made file stays after the last published lesson stops needing it.</summary>
    public static readonly TimeSpan SweepAfter = TimeSpan.FromDays(1);

    /// <summary>How often the planner looks again without a catalog change (to sweep).</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    /// <summary>Files swept in this process (for tests and the log).</summary>
    public int Swept => Volatile.Read(ref swept);
    private int swept;
    private Channel<RenditionJob>? jobs;
    private int pending;
    private int made;
    private DateTimeOffset lastAnnounced = DateTimeOffset.MinValue;

    /// <summary>The longest a made file waits to be announced while more are still being made.</summary>
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(15);
    private bool? hasEspeak, hasFfmpeg;

    public ValueTask CatalogChangedAsync(CancellationToken ct)
    {
        if (settings.MakeRenditions)
            Signal();
        return ValueTask.CompletedTask;
    }

    /// <summary>Keys that could not be made in this process, with the reason (logged too); they are not tried again until restart.</summary>
    public IReadOnlyDictionary<string, string> Failures => failed;

    /// <summary>Waits until nothing is planned, queued or being made (for tests and the admin command line).</summary>
    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (Volatile.Read(ref pending) > 0)
            await Task.Delay(100, ct);
    }

    private void Signal()
    {
        Interlocked.Increment(ref pending);
        if (!signals.Writer.TryWrite(true))
            Interlocked.Decrement(ref pending); // one is already waiting: it will see this change too
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.MakeRenditions)
            return;
        jobs = Channel.CreateBounded<RenditionJob>(new BoundedChannelOptions(settings.RenditionQueueLength) { SingleReader = true, SingleWriter = true });
        hasEspeak = (await MediaTools.RunAsync(MediaTools.Espeak, ["--version"], TimeSpan.FromSeconds(20), stoppingToken)).Succeeded;
        hasFfmpeg = (await MediaTools.RunAsync(MediaTools.Ffmpeg, ["-version"], TimeSpan.FromSeconds(20), stoppingToken)).Succeeded;
        if (hasEspeak != true)
            log.LogWarning("espeak-ng is not installed: lessons get no server read-aloud audio (phones with a Vietnamese voice still read aloud)");
        if (hasFfmpeg != true)
            log.LogWarning("ffmpeg is not installed: no read-aloud audio and no light videos are made; videos are served as uploaded");
        Signal(); // what the last run left undone
        await Task.WhenAll(PlanAsync(jobs.Writer, stoppingToken), WorkAsync(jobs.Reader, stoppingToken), RemindAsync(stoppingToken));
    }

    /// <summary>A planner round every <see cref="SweepEvery"/>, so unneeded files are swept on a site nobody edits.</summary>
    private async Task RemindAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(SweepEvery, clock, ct);
                Signal();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Asks for a planner round now (tests; the admin command line): what is missing is queued, what is unneeded swept.</summary>
    public void Plan()
    {
        if (settings.MakeRenditions)
            Signal();
    }

    private async Task PlanAsync(ChannelWriter<RenditionJob> queue, CancellationToken ct)
    {
        try
        {
            await foreach (var _ in signals.Reader.ReadAllAsync(ct))
            {
                try
                {
                    var (missing, unneeded) = await MissingAsync(ct);
                    await SweepAsync(unneeded, ct);
                    foreach (var job in missing)
                    {
                        if (!queued.TryAdd(job.Key, 0))
                            continue;
                        Interlocked.Increment(ref pending);
                        await queue.WriteAsync(job, ct); // bounded: waits here, in the background, while the queue is full
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Planning read-aloud audio and video renditions failed; the next catalog change tries again");
                }
                finally
                {
                    Interlocked.Decrement(ref pending);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>What the published lessons need and nobody made yet; and the made files none of them needs.</summary>
    private async Task<(List<RenditionJob> Missing, List<MediaRendition> Unneeded)> MissingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<LessonCatalog>();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.Status == LessonStatus.Published && l.PublishedRevisionId != null)
            .OrderBy(l => l.Id)
            .Select(l => new { l.Slug, l.PublishedRevision!.VideoMediaId })
            .ToListAsync(ct);
        var made = await db.MediaRenditions.AsNoTracking().ToListAsync(ct);
        var existing = made.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var videoIds = lessons.Where(l => l.VideoMediaId != null).Select(l => l.VideoMediaId!.Value).Distinct().ToList();
        var videos = await db.MediaAssets.AsNoTracking().Where(a => videoIds.Contains(a.Id) && a.Kind == MediaKind.Video).ToListAsync(ct);
        var wanted = new List<RenditionJob>();
        bool Missing(string key) => !existing.Contains(key) && !failed.ContainsKey(key) && !queued.ContainsKey(key);

        if (hasEspeak == true && hasFfmpeg == true)
            foreach (var lesson in lessons)
                if (await catalog.LessonAsync(lesson.Slug, ct) is { Listening: { } listening })
                {
                    needed.UnionWith(listening.Parts.Select(p => p.Key));
                    wanted.AddRange(listening.Parts.Where(p => p.Say.Length > 0 && Missing(p.Key))
                        .DistinctBy(p => p.Key)
                        .Select(p => new RenditionJob(p.Key, RenditionKind.Speech, p.Say, null, null)));
                }
        if (hasFfmpeg == true)
            foreach (var video in videos)
                foreach (var kind in VideoRenditions.Kinds)
                {
                    var key = VideoRenditions.Key(video.Sha256, kind);
                    needed.Add(key);
                    if (Missing(key) && store.Exists(MediaFileNames.MainFile(video)))
                        wanted.Add(new RenditionJob(key, kind, null, video.Id, store.PhysicalPath(MediaFileNames.MainFile(video))));
                }
        // A kind is swept only when this round could list what is needed of it (with its program installed).
        var unneeded = made.Where(r => !needed.Contains(r.Key)
            && (r.Kind == RenditionKind.Speech ? hasEspeak == true && hasFfmpeg == true : hasFfmpeg == true)).ToList();
        // Speech first: it takes a fraction of a second a file; a phone video can take minutes.
        return (wanted.DistinctBy(j => j.Key).ToList(), unneeded);
    }

    /// <summary>
    /// Deletes the files unneeded for <see cref="SweepAfter"/> (row first, then file: a page never points at a row
    /// whose file is gone for longer than the round takes). Another instance sweeping the same row finds nothing to do.
    /// </summary>
    private async Task SweepAsync(List<MediaRendition> unneeded, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = unneeded.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in unneededSince.Keys.Where(k => !keys.Contains(k)))
            unneededSince.TryRemove(key, out _); // needed again (a lesson republished as it was)
        var due = unneeded.Where(r => now - unneededSince.GetOrAdd(r.Key, now) >= SweepAfter).ToList();
        if (due.Count == 0)
            return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        long bytes = 0;
        foreach (var rendition in due)
        {
            var deleted = await db.MediaRenditions.Where(r => r.Id == rendition.Id).ExecuteDeleteAsync(ct);
            try
            {
                store.Delete(rendition.FileName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "Could not delete the unneeded file {Name}", rendition.FileName);
            }
            unneededSince.TryRemove(rendition.Key, out _);
            if (deleted > 0)
            {
                Interlocked.Increment(ref swept);
                bytes += rendition.Bytes;
            }
        }
        log.LogInformation("Swept {Count} read-aloud and video files no published lesson has needed for {Days} day(s) ({Bytes} bytes)",
            due.Count, SweepAfter.TotalDays, bytes);
    }

    private async Task WorkAsync(ChannelReader<RenditionJob> queue, CancellationToken ct)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(ct))
            {
                try
                {
                    if (await MakeAsync(job, ct))
                        Interlocked.Increment(ref made);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed[job.Key] = e.Message;
                    log.LogError(e, "Could not make {Kind} {Key}", job.Kind, job.Key);
                }
                finally
                {
                    queued.TryRemove(job.Key, out _);
                    if ((queue.Count == 0 || clock.GetUtcNow() - lastAnnounced >= AnnounceEvery) && Interlocked.Exchange(ref made, 0) > 0)
                    {
                        lastAnnounced = clock.GetUtcNow();
                        await AnnounceAsync(ct);
                    }
                    Interlocked.Decrement(ref pending);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Cached pages and other instances learn of the new files; the planner, told too, finds nothing left to do.</summary>
    private async Task AnnounceAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CatalogChanges>().PublishedAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not announce new read-aloud audio and video renditions");
        }
    }

    private async Task<bool> MakeAsync(RenditionJob job, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("hh-rendition-").FullName;
        try
        {
            var extension = job.Kind == RenditionKind.Speech ? "opus" : VideoRenditions.Extension(job.Kind);
            var output = Path.Combine(folder, "out." + extension);
            if (job.Kind == RenditionKind.Speech)
            {
                if (await SpeechAudio.MakeAsync(job.Say!, folder, output, settings.Niceness, ct) is { } failure)
                    return Fail(job, failure.Output);
            }
            else
            {
                if (job.Kind == RenditionKind.AudioOnly && !await VideoRenditions.HasAudioAsync(job.SourceFile!, ct))
                    return Fail(job, "The video has no sound track.", warn: false);
                var run = await MediaTools.RunAsync(MediaTools.Ffmpeg, VideoRenditions.Arguments(job.Kind, job.SourceFile!, output),
                    TimeSpan.FromMinutes(30), ct, settings.Niceness);
                if (!run.Succeeded)
                    return Fail(job, run.Output);
            }
            var seconds = await MediaTools.DurationAsync(output, ct) ?? 0;
            return await StoreAsync(job, output, extension, seconds, ct);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException e) { log.LogWarning(e, "Could not remove {Folder}", folder); }
        }
    }

    private bool Fail(RenditionJob job, string reason, bool warn = true)
    {
        failed[job.Key] = reason;
        if (warn)
            log.LogWarning("Could not make {Kind} {Key} (source {Source}): {Reason}", job.Kind, job.Key, job.SourceAssetId, reason);
        return false;
    }

    private async Task<bool> StoreAsync(RenditionJob job, string file, string extension, double seconds, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var name = MediaFileNames.WithExtension(MediaFileNames.NewKey(), extension);
        long bytes;
        await using (var upload = store.BeginUpload())
        {
            await using (var source = File.OpenRead(file))
                await source.CopyToAsync(upload.Content, ct);
            bytes = upload.Content.Length;
            await upload.CommitAsync(name, ct);
        }
        db.MediaRenditions.Add(new MediaRendition
        {
            Id = Guid.NewGuid(),
            Key = job.Key,
            Kind = job.Kind,
            SourceAssetId = job.SourceAssetId,
            FileName = name,
            ContentType = job.Kind == RenditionKind.Speech ? MediaContentTypes.Opus : VideoRenditions.ContentType(job.Kind),
            Bytes = bytes,
            DurationMs = (int)Math.Round(seconds * 1000),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance made the same file first (unique key): keep theirs.
            store.Delete(name);
            return false;
        }
    }
}
