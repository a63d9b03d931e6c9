namespace HoaHung.Learning.Media;

/// <summary>
/// Where media files live. Every name must pass <see cref="MediaFileNames.IsValid"/>; anything else is a programming
/// error and throws <see cref="ArgumentException"/>, except <see cref="Exists"/>, which answers false so an endpoint
/// can pass it a requested name directly.
/// </summary>
public interface IMediaStore
{
    /// <summary>Writes a whole file atomically: readers see the old state or the complete file, never a part.</summary>
    Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>Starts a file too large to hold in memory; it appears under its name only when committed.</summary>
    IMediaUpload BeginUpload();

    Stream OpenRead(string name);

    bool Exists(string name);

    /// <summary>Deletes the file if it exists.</summary>
    void Delete(string name);

    /// <summary>The file's path on disk, for serving with range requests (<c>Results.File</c>/<c>PhysicalFile</c>).</summary>
    string PhysicalPath(string name);
}

/// <summary>A file being written. Disposing it without <see cref="CommitAsync"/> discards what was written.</summary>
public interface IMediaUpload : IAsyncDisposable
{
    Stream Content { get; }

    /// <summary>Flushes the content to disk and gives it its final name; fails if that name is already taken.</summary>
    Task CommitAsync(string name, CancellationToken ct);
}
