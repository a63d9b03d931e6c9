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
/// When a round made something, the catalog change is announced, so cached pages pick the files up.
/// A missing espeak-ng or ffmpeg is logged once and only means those files are not made.
/// </summary>
public sealed class MediaWork(IServiceScopeFactory scopes, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaWork> log)
    : BackgroundService, ICatalogChanged
{
    private readonly MediaOptions settings = options.Value;
    // Wait mode: TryWrite answers false when a signal is already waiting (DropWrite would answer true and drop it).
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<string, string> failed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> queued = new(StringComparer.Ordinal);
    private Channel<RenditionJob>? jobs;
    private int pending;
    private int made;
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
        await Task.WhenAll(PlanAsync(jobs.Writer, stoppingToken), WorkAsync(jobs.Reader, stoppingToken));
    }

    private async Task PlanAsync(ChannelWriter<RenditionJob> queue, CancellationToken ct)
    {
        try
        {
            await foreach (var _ in signals.Reader.ReadAllAsync(ct))
            {
                try
                {
                    foreach (var job in await MissingAsync(ct))
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

    /// <summary>What the published lessons need and nobody made yet.</summary>
    private async Task<List<RenditionJob>> MissingAsync(CancellationToken ct)
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
        var existing = (await db.MediaRenditions.AsNoTracking().Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var videoIds = lessons.Where(l => l.VideoMediaId != null).Select(l => l.VideoMediaId!.Value).Distinct().ToList();
        var videos = await db.MediaAssets.AsNoTracking().Where(a => videoIds.Contains(a.Id) && a.Kind == MediaKind.Video).ToListAsync(ct);
        var wanted = new List<RenditionJob>();
        bool Missing(string key) => !existing.Contains(key) && !failed.ContainsKey(key) && !queued.ContainsKey(key);

        if (hasEspeak == true && hasFfmpeg == true)
            foreach (var lesson in lessons)
                if (await catalog.LessonAsync(lesson.Slug, ct) is { Listening: { } listening })
                    wanted.AddRange(listening.Parts.Where(p => p.Say.Length > 0 && Missing(p.Key))
                        .DistinctBy(p => p.Key)
                        .Select(p => new RenditionJob(p.Key, RenditionKind.Speech, p.Say, null, null)));
        if (hasFfmpeg == true)
            foreach (var video in videos)
                foreach (var kind in VideoRenditions.Kinds)
                {
                    var key = VideoRenditions.Key(video.Sha256, kind);
                    if (Missing(key) && store.Exists(MediaFileNames.MainFile(video)))
                        wanted.Add(new RenditionJob(key, kind, null, video.Id, store.PhysicalPath(MediaFileNames.MainFile(video))));
                }
        // Speech first: it takes a fraction of a second a file; a phone video can take minutes.
        return wanted.DistinctBy(j => j.Key).ToList();
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
                    if (queue.Count == 0 && Interlocked.Exchange(ref made, 0) > 0)
                        await AnnounceAsync(ct);
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
                if (await SpeechAudio.MakeAsync(job.Say!, folder, output, ct) is { } failure)
                    return Fail(job, failure.Output);
            }
            else
            {
                if (job.Kind == RenditionKind.AudioOnly && !await VideoRenditions.HasAudioAsync(job.SourceFile!, ct))
                    return Fail(job, "The video has no sound track.", warn: false);
                var run = await MediaTools.RunAsync(MediaTools.Ffmpeg, VideoRenditions.Arguments(job.Kind, job.SourceFile!, output),
                    TimeSpan.FromMinutes(30), ct);
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
