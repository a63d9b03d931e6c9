using System.Diagnostics;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Studio;

[CollectionDefinition(nameof(UploadMemory), DisableParallelization = true)]
public sealed class UploadMemory;

/// <summary>
/// A 200 MB video goes to disk through a small buffer: the memory it costs does not grow with its size. Runs alone
/// (no other test allocating at the same time), because the figures are the process's.
/// </summary>
[Collection(nameof(UploadMemory))]
public sealed class UploadMemoryTests(StudioSqliteSite site, ITestOutputHelper output) : IClassFixture<StudioSqliteSite>
{
    private const long Size = 200L * 1024 * 1024;

    [Fact]
    public async Task A_200_MB_video_is_streamed_to_disk_by_the_media_service_in_flat_memory()
    {
        var (author, lessonId) = await LessonAsync();
        await MeasureAsync("service", async () =>
            Assert.IsType<LibraryResult.Done>(await site.Media.AddVideoAsync(author.Id, lessonId, new GeneratedVideo(Size), "bai-giang.mp4",
                CancellationToken.None)).Item!);
    }

    [Fact]
    public async Task A_200_MB_video_is_streamed_through_the_upload_endpoint_in_flat_memory()
    {
        var (author, lessonId) = await LessonAsync();
        await MeasureAsync("endpoint", async () =>
        {
            using var response = await site.UploadAsync(author, $"/soan-bai/tai-len/{lessonId}/video", new StreamContent(new GeneratedVideo(Size), 81920), "bai-giang-dai.mp4");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<LibraryItem>(response.Content))!;
        });
    }

    private async Task<(HoaHung.Learning.Accounts.AppUser Author, int LessonId)> LessonAsync()
    {
        site.EnsureAvailable();
        var author = await site.AuthorAsync();
        var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.CreateAsync(author.Id,
            new LessonContent { Title = "Bài có video dài", Summary = "Tóm tắt.", Topic = "dien-thoai" }, CancellationToken.None)).Draft;
        await site.Media.ListAsync(author.Id, draft.LessonId, CancellationToken.None); // warm up the code paths
        return (author, draft.LessonId);
    }

    private async Task MeasureAsync(string path, Func<Task<LibraryItem>> upload)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        long heapPeak = heapBefore, workingSetPeak = workingSetBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                process.Refresh();
                workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });

        var watch = Stopwatch.StartNew();
        var item = await upload();
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal((MediaKind.Video, Size), (item.Kind, item.Bytes));
        Assert.Equal(Size, new FileInfo(Path.Combine(site.MediaDirectory, item.Url[MediaUrls.Prefix.Length..])).Length);
        var figures = $"200 MB upload through the {path}: {watch.Elapsed.TotalSeconds:F1} s; managed allocations {allocated / 1024.0 / 1024:F1} MB; "
            + $"managed heap {heapBefore / 1024.0 / 1024:F1} → peak {heapPeak / 1024.0 / 1024:F1} MB; "
            + $"working set {workingSetBefore / 1024.0 / 1024:F0} → peak {workingSetPeak / 1024.0 / 1024:F0} MB";
        output.WriteLine(figures);
        Directory.CreateDirectory(Path.Combine(TestEnvironment.RepoRoot, "TestResults"));
        await File.AppendAllTextAsync(Path.Combine(TestEnvironment.RepoRoot, "TestResults", "studio-upload-memory.txt"), figures + "\n");
        // Bounds far above what a streamed copy costs (an 80 KB buffer) and far below the file's size.
        Assert.True(allocated < 48L * 1024 * 1024, figures);
        Assert.True(heapPeak - heapBefore < 48L * 1024 * 1024, figures);
    }

    /// <summary>An MP4 header followed by zeros, produced as it is read: the test holds none of it in memory either.</summary>
    private sealed class GeneratedVideo(long length) : Stream
    {
        private static readonly byte[] Head = TestMedia.Mp4()[..32];
        private long position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            buffer[..n].Clear();
            for (var i = 0; i < n && position + i < Head.Length; i++)
                buffer[i] = Head[position + i];
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
