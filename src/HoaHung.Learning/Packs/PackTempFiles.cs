using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Packs;

/// <summary>
/// The temporary files and folders of pack uploads, imports and exports, named in one place so that what a killed
/// import leaves behind can be found again: <c>hh-upload-{guid}.zip</c>, <c>hh-pack-{guid}/</c>, <c>hh-export-{guid}.zip</c>
/// in the system temp folder.
/// </summary>
public static partial class PackTempFiles
{
    /// <summary>Older than this, a leftover belongs to no running import: the longest import takes minutes.</summary>
    public static readonly TimeSpan SafeAge = TimeSpan.FromHours(1);

    public static string NewUpload() => Path.Combine(Path.GetTempPath(), $"hh-upload-{Guid.NewGuid():N}.zip");

    public static string NewUnpackFolder() => Path.Combine(Path.GetTempPath(), $"hh-pack-{Guid.NewGuid():N}");

    public static string NewExport() => Path.Combine(Path.GetTempPath(), $"hh-export-{Guid.NewGuid():N}.zip");

    [GeneratedRegex("^hh-(upload|export)-[0-9a-f]{32}\\.zip$|^hh-pack-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex OurName();

    /// <summary>
    /// Deletes our leftovers in <paramref name="directory"/> last written before <paramref name="now"/> minus
    /// <paramref name="olderThan"/>, and logs each; anything else, and anything younger, is left alone. Never throws for
    /// a file another process removes or holds. Returns how many were removed.
    /// </summary>
    public static int Sweep(string directory, DateTimeOffset now, TimeSpan olderThan, ILogger log)
    {
        var removed = 0;
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().Where(e => OurName().IsMatch(e.Name)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Could not list {Directory} for leftover pack files", directory);
            return 0;
        }
        foreach (var entry in entries)
        {
            if (entry.LastWriteTimeUtc > now.UtcDateTime - olderThan || entry.LinkTarget is not null)
                continue;
            try
            {
                if (entry is DirectoryInfo folder)
                    folder.Delete(recursive: true);
                else
                    entry.Delete();
                removed++;
                log.LogInformation("Removed leftover pack temporary {Path} (last written {LastWrite:u})", entry.FullName, entry.LastWriteTimeUtc);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "Could not remove leftover pack temporary {Path}", entry.FullName);
            }
        }
        return removed;
    }
}
