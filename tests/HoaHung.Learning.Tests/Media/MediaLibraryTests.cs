using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static HoaHung.Learning.Tests.Media.TestImages;

namespace HoaHung.Learning.Tests.Media;

public sealed class MediaLibraryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(Now);
    private readonly ListLogger<MediaLibrary> log = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private readonly MediaOptions options;
    private readonly SqliteLearningDbContext db;
    private readonly FileSystemMediaStore store;
    private readonly VipsImageProcessor processor;

    public MediaLibraryTests()
    {
        connection.Open();
        db = NewContext();
        db.Database.EnsureCreated();
        // Fake videos (right first bytes, random rest): the ffmpeg decode check is tested in VideoRenditionsTests.
        options = new MediaOptions { Root = folder.Path, MakeRenditions = false };
        store = new FileSystemMediaStore(Options.Create(options));
        processor = VipsImageProcessorTests.Create(options);
    }

    public void Dispose()
    {
        processor.Dispose();
        db.Dispose();
        connection.Dispose();
        folder.Dispose();
    }

    private SqliteLearningDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteLearningDbContext>().UseSqlite(connection).Options);

    private MediaLibrary Library(IImageProcessor? images = null) =>
        new(db, images ?? processor, store, Options.Create(options), clock, log);

    private string[] StoredFiles() =>
        Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToArray()!;

    private async Task<List<MediaAsset>> RowsAsync()
    {
        await using var fresh = NewContext();
        return await fresh.MediaAssets.AsNoTracking().ToListAsync(ct);
    }

    [Fact]
    public async Task Image_is_stored_as_webp_renditions_and_a_fallback_under_a_random_key()
    {
        var source = Jpeg(1000, 500);

        var asset = Assert.IsType<MediaResult.Stored>(await Library().AddImageAsync(source, ct)).Asset;

        Assert.Equal(MediaKind.Image, asset.Kind);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(source)), asset.Sha256);
        Assert.True(MediaFileNames.IsValid(asset.StorageKey + ".jpg"));
        Assert.DoesNotContain(asset.StorageKey, asset.Sha256);
        Assert.Equal(("360,720", "jpg", "image/jpeg", 720, 360), (asset.Renditions, asset.FallbackExtension, asset.ContentType, asset.Width, asset.Height));
        Assert.Equal(Now.UtcDateTime, asset.CreatedAt);
        var key = asset.StorageKey;
        Assert.Equal(new[] { $"{key}-360.webp", $"{key}-720.webp", $"{key}.jpg" }.Order(), StoredFiles());
        Assert.Equal(new FileInfo(store.PhysicalPath($"{key}.jpg")).Length, asset.Bytes);
        Assert.Equal(asset.Id, Assert.Single(await RowsAsync()).Id);
    }

    [Fact]
    public async Task Same_image_uploaded_twice_is_stored_once()
    {
        var source = Png(800, 600);
        var first = Assert.IsType<MediaResult.Stored>(await Library().AddImageAsync(source, ct)).Asset;
        var files = StoredFiles();

        var second = Assert.IsType<MediaResult.Stored>(await Library().AddImageAsync(source, ct)).Asset;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(files, StoredFiles());
        Assert.Single(await RowsAsync());
    }

    [Fact]
    public async Task Refused_image_leaves_no_row_and_no_file_and_is_logged()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var result = await Library().AddImageAsync(svg, ct);

        Assert.Equal(new MediaResult.Rejected(MediaReasons.ImageUnsupportedFormat), result);
        Assert.Empty(StoredFiles());
        Assert.Empty(await RowsAsync());
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains(MediaReasons.ImageUnsupportedFormat, entry.Message);
    }

    [Fact]
    public async Task Two_people_uploading_the_same_image_at_once_get_one_asset_and_no_orphaned_files()
    {
        var source = Jpeg(900, 600);
        var winner = new MediaAsset
        {
            Id = Guid.NewGuid(),
            Kind = MediaKind.Image,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(source)),
            StorageKey = MediaFileNames.NewKey(),
            ContentType = "image/jpeg",
            FallbackExtension = "jpg",
            Renditions = "360,720",
        };
        // The other upload commits its row while this one is still encoding.
        var racing = new RacingProcessor(processor, async () =>
        {
            await using var other = NewContext();
            other.MediaAssets.Add(winner);
            await other.SaveChangesAsync(ct);
        });

        var result = await Library(racing).AddImageAsync(source, ct);

        Assert.Equal(winner.Id, Assert.IsType<MediaResult.Stored>(result).Asset.Id);
        Assert.Empty(StoredFiles());
        Assert.Single(await RowsAsync());
    }

    [Fact]
    public async Task Video_is_streamed_to_disk_and_stored_once()
    {
        var video = VideoProbeTests.Mp4("mp42").Concat(RandomNumberGenerator.GetBytes(300_000)).ToArray();

        var first = Assert.IsType<MediaResult.Stored>(await Library().AddVideoAsync(new TrickleStream(video), ct)).Asset;
        var second = Assert.IsType<MediaResult.Stored>(await Library().AddVideoAsync(new TrickleStream(video), ct)).Asset;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal((MediaKind.Video, "video/mp4", (long)video.Length), (first.Kind, first.ContentType, first.Bytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(video)), first.Sha256);
        Assert.Equal([$"{first.StorageKey}.mp4"], StoredFiles());
        Assert.Equal(video, await File.ReadAllBytesAsync(store.PhysicalPath($"{first.StorageKey}.mp4"), ct));
    }

    [Fact]
    public async Task Webm_video_is_stored_with_its_own_extension()
    {
        var asset = Assert.IsType<MediaResult.Stored>(
            await Library().AddVideoAsync(new MemoryStream(VideoProbeTests.Ebml("webm")), ct)).Asset;

        Assert.Equal("video/webm", asset.ContentType);
        Assert.Equal($"/media/{asset.StorageKey}.webm", MediaUrls.FileUrl(asset));
        Assert.True(store.Exists($"{asset.StorageKey}.webm"));
    }

    [Fact]
    public async Task Executable_renamed_to_mp4_is_refused_after_its_first_bytes()
    {
        var exe = new byte[2_000_000];
        "MZ"u8.CopyTo(exe);
        var stream = new TrickleStream(exe);

        var result = await Library().AddVideoAsync(stream, ct);

        Assert.Equal(new MediaResult.Rejected(MediaReasons.VideoUnsupportedFormat), result);
        Assert.True(stream.Position < 100_000, $"read {stream.Position} bytes of a file already known to be wrong");
        Assert.Empty(StoredFiles());
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Video_over_the_size_limit_is_refused_and_nothing_is_kept()
    {
        options.MaxVideoBytes = 50_000;
        var video = VideoProbeTests.Mp4().Concat(new byte[100_000]).ToArray();

        var result = await Library().AddVideoAsync(new TrickleStream(video), ct);

        Assert.Equal(new MediaResult.Rejected(MediaReasons.VideoTooLarge), result);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Captions_are_stored_rewritten_and_once()
    {
        var source = Encoding.UTF8.GetBytes("WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<script>x()</script>Xin chào\r\n");

        var asset = Assert.IsType<MediaResult.Stored>(await Library().AddCaptionsAsync(source, ct)).Asset;
        var again = Assert.IsType<MediaResult.Stored>(await Library().AddCaptionsAsync(source, ct)).Asset;

        Assert.Equal(asset.Id, again.Id);
        Assert.Equal((MediaKind.Captions, "text/vtt"), (asset.Kind, asset.ContentType));
        var stored = await File.ReadAllBytesAsync(store.PhysicalPath($"{asset.StorageKey}.vtt"), ct);
        Assert.Equal("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx()Xin chào\n", Encoding.UTF8.GetString(stored));
        Assert.Equal(stored.Length, asset.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(source)), asset.Sha256);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task Captions_without_header_are_refused()
    {
        var result = await Library().AddCaptionsAsync("00:00:01.000 --> 00:00:02.000\nHello"u8.ToArray(), ct);

        Assert.Equal(new MediaResult.Rejected(MediaReasons.CaptionsMissingHeader), result);
        Assert.Empty(StoredFiles());
        Assert.Equal(LogLevel.Warning, Assert.Single(log.Entries).Level);
    }

    private sealed class RacingProcessor(IImageProcessor inner, Func<Task> meanwhile) : IImageProcessor
    {
        public async Task<ImageProcessingResult> ProcessAsync(byte[] bytes, CancellationToken ct)
        {
            var result = await inner.ProcessAsync(bytes, ct);
            await meanwhile();
            return result;
        }
    }

    /// <summary>A non-seekable stream that hands out at most 1000 bytes per read, like a slow upload.</summary>
    private sealed class TrickleStream(byte[] content) : Stream
    {
        private readonly MemoryStream inner = new(content);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}
