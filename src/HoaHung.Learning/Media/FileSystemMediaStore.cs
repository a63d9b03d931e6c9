using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Media;

/// <summary>
/// Files in one folder (<see cref="MediaOptions.Root"/>). Uploads are written to <c>Root/.incoming</c> — the same
/// file system, so the final rename is atomic — and moved into place only when complete and flushed.
/// </summary>
public sealed class FileSystemMediaStore : IMediaStore
{
    private const string IncomingFolder = ".incoming";
    private readonly string root;
    private readonly string incoming;

    public FileSystemMediaStore(IOptions<MediaOptions> options)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.Root));
        incoming = Path.Combine(root, IncomingFolder);
        Directory.CreateDirectory(incoming);
    }

    public async Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        _ = PhysicalPath(name); // refuse a bad name before writing anything
        await using var upload = BeginUpload();
        await upload.Content.WriteAsync(content, ct).ConfigureAwait(false);
        await upload.CommitAsync(name, ct).ConfigureAwait(false);
    }

    public IMediaUpload BeginUpload() =>
        new Upload(this, Path.Combine(incoming, $"{Guid.NewGuid():N}.part"));

    public Stream OpenRead(string name) =>
        new FileStream(PhysicalPath(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
            bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public bool Exists(string name) => MediaFileNames.IsValid(name) && File.Exists(PhysicalPath(name));

    public void Delete(string name) => File.Delete(PhysicalPath(name));

    public string PhysicalPath(string name)
    {
        if (!MediaFileNames.IsValid(name))
            throw new ArgumentException($"'{name}' is not a valid media file name.", nameof(name));
        // The name pattern already excludes separators and dots in the key; this is the second wall.
        var path = Path.Combine(root, name);
        if (!string.Equals(Path.GetDirectoryName(path), root, StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' does not resolve inside the media folder.", nameof(name));
        return path;
    }

    private sealed class Upload(FileSystemMediaStore store, string tempPath) : IMediaUpload
    {
        private readonly FileStream stream = new(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None,
            bufferSize: 64 * 1024, FileOptions.Asynchronous);
        private bool committed;

        public Stream Content => stream;

        public async Task CommitAsync(string name, CancellationToken ct)
        {
            var target = store.PhysicalPath(name);
            await stream.FlushAsync(ct).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync().ConfigureAwait(false);
            File.Move(tempPath, target, overwrite: false);
            committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException) when (!committed)
            {
                // Closing flushes what is buffered, which fails again on a full disk: the part is thrown away anyway.
            }
            finally
            {
                if (!committed)
                    File.Delete(tempPath);
            }
        }
    }
}
