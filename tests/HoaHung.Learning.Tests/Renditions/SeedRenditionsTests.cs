using System.Globalization;
using System.Text;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Renditions;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Renditions;

/// <summary>The seed library with the background work on (off in other suites: appsettings.Testing.json).</summary>
public sealed class RenditionsSite() : SiteFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:Media:MakeRenditions", "true");
        // The suite waits for these files: at the site's priority they are made in minutes, not starved by the tests beside them.
        builder.UseSetting("App:Media:Niceness", "0");
    }

    /// <summary>Starts the site and waits until every file the seed library needs is made (a few minutes on 2 busy cores).</summary>
    public async Task ReadyAsync()
    {
        MediaRenditionsTools.Require();
        using var client = CreateClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(20));
        await Services.GetRequiredService<MediaWork>().WhenIdleAsync(limit.Token);
    }
}

/// <summary>ffmpeg and espeak-ng are Debian packages tests/run.sh installs: skipped locally without them, failed in CI.</summary>
public static class MediaRenditionsTools
{
    public static void Require()
    {
        foreach (var program in new[] { MediaTools.Ffmpeg, MediaTools.Ffprobe, MediaTools.Espeak })
        {
            var run = MediaTools.RunAsync(program, [program == MediaTools.Espeak ? "--version" : "-version"], TimeSpan.FromSeconds(20), CancellationToken.None).GetAwaiter().GetResult();
            if (run.Succeeded)
                continue;
            var message = $"{program} is missing: `bash tests/run.sh` installs ffmpeg and espeak-ng.";
            if (TestEnvironment.IsCi)
                Assert.Fail(message);
            Assert.Skip(message);
        }
    }
}

public sealed class SeedRenditionsTests(RenditionsSite site) : IClassFixture<RenditionsSite>
{
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_seed_lesson_has_read_aloud_audio_for_every_part_with_a_duration_fitting_its_words()
    {
        await site.ReadyAsync();
        var report = new StringBuilder("lesson\tparts\taudio bytes\tseconds\tKB per minute\tseconds per step\n");
        long allBytes = 0;
        double allSeconds = 0;
        foreach (var slug in await PublishedSlugsAsync())
        {
            var view = await LessonAsync(slug);
            var listening = Assert.IsType<ListeningView>(view.Listening);
            Assert.True(listening.Parts.Count >= 2, $"{slug}: title and summary, then the steps or the body");
            long bytes = 0;
            double seconds = 0;
            foreach (var part in listening.Parts)
            {
                var file = Assert.Contains(part.Number, listening.Audio);
                var path = site.Services.GetRequiredService<IMediaStore>().PhysicalPath(file.Url[MediaUrls.Prefix.Length..]);
                var duration = await MediaTools.DurationAsync(path, ct) ?? 0;
                // espeak-ng at 150 words a minute says 2–3 Vietnamese syllables a second; numbers in words and pauses at full stops vary it.
                var words = part.Say.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                Assert.InRange(duration, words / 5.0, words / 1.2 + 2);
                Assert.Equal(new FileInfo(path).Length, file.Bytes);
                bytes += file.Bytes;
                seconds += duration;
            }
            var perMinute = bytes / 1000.0 / (seconds / 60);
            Assert.True(perMinute <= 30, $"{slug}: {perMinute:0.0} KB a minute");
            report.Append(CultureInfo.InvariantCulture, $"{slug}\t{listening.Parts.Count}\t{bytes}\t{seconds:0.0}\t{perMinute:0.0}\t{seconds / listening.Parts.Count:0.0}\n");
            allBytes += bytes;
            allSeconds += seconds;
        }
        report.Append(CultureInfo.InvariantCulture, $"all\t\t{allBytes}\t{allSeconds:0.0}\t{allBytes / 1000.0 / (allSeconds / 60):0.0}\n");
        await Measurements.WriteAsync("read-aloud.tsv", report.ToString(), ct);
    }

    [Fact]
    public async Task Every_seed_video_has_its_240p_360p_and_audio_only_renditions_and_the_player_starts_at_360p()
    {
        await site.ReadyAsync();
        var report = new StringBuilder("lesson\toriginal\tVideo240\tVideo360\tAudioOnly\n");
        var videos = await site.WithDbAsync(db => db.Lessons.AsNoTracking()
            .Where(l => l.Status == LessonStatus.Published && l.PublishedRevision!.VideoMediaId != null)
            .Select(l => new { l.Slug, Asset = db.MediaAssets.First(a => a.Id == l.PublishedRevision!.VideoMediaId) })
            .ToListAsync(ct));
        Assert.Equal(6, videos.Count);
        foreach (var video in videos)
        {
            var versions = Assert.IsType<ListeningView>((await LessonAsync(video.Slug)).Listening).VideoVersions;
            Assert.Equal([RenditionKind.Video240, RenditionKind.Video360, RenditionKind.AudioOnly], versions.Select(v => v.Kind));
            var store = site.Services.GetRequiredService<IMediaStore>();
            foreach (var version in versions.Where(v => v.Kind != RenditionKind.AudioOnly))
            {
                var probe = await MediaTools.RunAsync(MediaTools.Ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries",
                    "stream=codec_name,width,height", "-of", "csv=p=0", store.PhysicalPath(version.File.Url[MediaUrls.Prefix.Length..])], TimeSpan.FromSeconds(30), ct);
                var fields = probe.Output.Trim().Split(',');
                Assert.Equal("h264", fields[0]);
                var shortSide = Math.Min(int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
                Assert.Equal(version.Kind == RenditionKind.Video240 ? 240 : 360, shortSide);
            }
            var (_, page) = await new Visitor(site).GetAsync("/bai-hoc/" + video.Slug);
            Assert.Equal(versions[1].File.Url, page.QuerySelector(".lesson__video video")!.GetAttribute("src"));
            Assert.NotNull(page.QuerySelector(".lesson__video video track[kind=captions]"));
            report.Append(CultureInfo.InvariantCulture,
                $"{video.Slug}\t{video.Asset.Bytes}\t{string.Join('\t', versions.Select(v => v.File.Bytes))}\n");
        }
        await Measurements.WriteAsync("video-renditions.tsv", report.ToString(), ct);
    }

    [Fact]
    public async Task Without_javascript_each_step_has_its_plain_audio_player_and_the_listed_video_sizes_are_true()
    {
        await site.ReadyAsync();
        var visitor = new Visitor(site);
        var (_, page) = await visitor.GetAsync("/bai-hoc/bat-tat-du-lieu-di-dong");
        var steps = page.QuerySelectorAll(".steps > ol > li");
        Assert.Equal(6, steps.Length);
        foreach (var step in steps)
        {
            var audio = Assert.Single(step.QuerySelectorAll(":scope > audio"));
            Assert.True(audio.HasAttribute("controls"));
            Assert.Equal("none", audio.GetAttribute("preload"));
            Assert.StartsWith("/media/", audio.GetAttribute("src"));
            Assert.StartsWith("Bước ", step.GetAttribute("data-say"));
        }
        Assert.NotNull(page.QuerySelector("header[data-part='0'] > audio[controls][preload=none]"));
        Assert.Equal("Nghe bài", page.QuerySelector("[data-listen]")!.TextContent.Replace("🔊", "").Trim());

        var (_, video) = await visitor.GetAsync("/bai-hoc/quet-ma-vietqr");
        using var media = site.Client();
        Assert.Equal("Tải video", video.QuerySelector("#video-download-heading")!.TextContent);
        var links = video.QuerySelectorAll(".video-download a");
        Assert.Equal(3, links.Length);
        Assert.StartsWith("Nhẹ 240p · ", links[0].TextContent.Replace("⬇", "").Trim());
        foreach (var link in links)
        {
            var bytes = (await media.GetByteArrayAsync(link.GetAttribute("href"), ct)).LongLength;
            Assert.EndsWith(Web.Catalog.FileSizes.Format(bytes, CultureInfo.GetCultureInfo("vi")), link.TextContent.Trim());
            Assert.Equal(bytes.ToString(CultureInfo.InvariantCulture), link.GetAttribute("data-bytes"));
        }
    }

    [Fact]
    public async Task A_reworded_lesson_gets_new_audio_and_its_old_file_is_swept_a_day_later_leaving_every_other_file()
    {
        await site.ReadyAsync();
        const string slug = "ket-noi-wi-fi";
        var work = site.Services.GetRequiredService<MediaWork>();
        var store = site.Services.GetRequiredService<IMediaStore>();
        string PathOf(ListeningView listening, int part) => store.PhysicalPath(listening.Audio[part].Url[MediaUrls.Prefix.Length..]);
        var before = Assert.IsType<ListeningView>((await LessonAsync(slug)).Listening);
        var oldFile = PathOf(before, 0);
        var others = new List<string>();
        foreach (var other in (await PublishedSlugsAsync()).Where(s => s != slug).Take(5))
        {
            var listening = Assert.IsType<ListeningView>((await LessonAsync(other)).Listening);
            others.AddRange(listening.Parts.Select(p => PathOf(listening, p.Number)));
        }
        var summary = await SetSummaryAsync(slug, s => s + " Hãy thử ngay ở nhà.");
        try
        {
            await WhenIdleAsync(work);
            var after = Assert.IsType<ListeningView>((await LessonAsync(slug)).Listening);
            Assert.NotEqual(before.Parts[0].Key, after.Parts[0].Key);
            Assert.True(File.Exists(PathOf(after, 0)));
            Assert.Equal(before.Parts[1].Key, after.Parts[1].Key); // the steps did not change: their files stay as they are
            Assert.Equal(PathOf(before, 1), PathOf(after, 1));
            Assert.True(File.Exists(oldFile), "a page cached a minute ago may still point at it");

            site.Clock.Advance(MediaWork.SweepAfter + TimeSpan.FromMinutes(1));
            work.Plan();
            await WhenIdleAsync(work);
            Assert.False(File.Exists(oldFile));
            Assert.False(await site.WithDbAsync(db => db.MediaRenditions.AnyAsync(r => r.Key == before.Parts[0].Key, ct)));
            Assert.True(File.Exists(PathOf(after, 0)));
            Assert.All(others, f => Assert.True(File.Exists(f), f));
            Assert.True(work.Swept >= 1);
        }
        finally
        {
            // The other tests of this class read every lesson's audio as the seed has it.
            await SetSummaryAsync(slug, _ => summary);
            await WhenIdleAsync(work);
        }
        Assert.True(File.Exists(PathOf(Assert.IsType<ListeningView>((await LessonAsync(slug)).Listening), 0)));
    }

    /// <summary>Rewrites the published summary of a lesson (what part 0 reads aloud) as a republish would; the old one.</summary>
    private async Task<string> SetSummaryAsync(string slug, Func<string, string> change)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        // Publishing writes the summary on the revision and on the lesson's card (what the page and its parts read).
        var lesson = await db.Lessons.Include(l => l.PublishedRevision).SingleAsync(l => l.Slug == slug, ct);
        var old = lesson.Summary;
        lesson.Summary = lesson.PublishedRevision!.Summary = change(old);
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<CatalogChanges>().PublishedAsync(ct);
        return old;
    }

    private async Task WhenIdleAsync(MediaWork work)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(10));
        await Task.Delay(200, ct); // the change's signal reaches the planner
        await work.WhenIdleAsync(limit.Token);
    }

    private Task<List<string>> PublishedSlugsAsync() => site.WithDbAsync(db =>
        db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published).OrderBy(l => l.Slug).Select(l => l.Slug).ToListAsync(ct));

    private async Task<LessonView> LessonAsync(string slug)
    {
        using var scope = site.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<LessonCatalog>().LessonAsync(slug, ct))!;
    }
}

internal static class Measurements
{
    /// <summary>Figures for the closing note: TestResults/measurements/NAME.</summary>
    public static async Task WriteAsync(string name, string text, CancellationToken ct)
    {
        var dir = Path.Combine(TestEnvironment.RepoRoot, "TestResults", "measurements");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, name), text, ct);
    }
}
