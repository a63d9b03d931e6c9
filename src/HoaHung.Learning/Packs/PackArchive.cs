using System.IO.Compression;
using HoaHung.Learning.ContentPacks;

namespace HoaHung.Learning.Packs;

/// <summary>What a pack may hold; a pack over any of them is refused whole (docs/architecture.md §8).</summary>
public sealed record PackLimits(int MaxEntries = 2_000, long MaxUnpackedBytes = 1L << 30, int MaxRatio = 100)
{
    public static readonly PackLimits Default = new();

    /// <summary>Below this size an entry's ratio is not judged: a short text of repeated letters compresses very well.</summary>
    public const long RatioFloorBytes = 64 * 1024;
}

/// <summary>
/// Unpacks an untrusted lesson pack (.zip) into an empty folder, streaming entry by entry and refusing the whole pack at
/// the first entry that is not a plain file of the <c>content/</c> layout: a path outside the pack, an absolute path, a
/// symbolic link or other special file (by the zip's Unix mode bits), an encrypted entry, a duplicate, an unknown file
/// type; more entries than allowed; more bytes than allowed or a compression ratio above the limit, counted on the
/// bytes actually decompressed (the sizes the headers claim are never trusted). The caller deletes the folder.
/// </summary>
public static class PackArchive
{
    private const int BufferSize = 81920;
    private const int UnixTypeMask = 0xF000, UnixRegular = 0x8000, UnixDirectory = 0x4000, UnixLink = 0xA000;

    private static readonly string PictureExtensions = string.Join("/", ContentNames.PictureExtensions);
    private static readonly string[] LessonFileExtensions = [.. ContentNames.PictureExtensions, .. ContentNames.VideoExtensions, ".vtt"];

    /// <returns>Null when every entry was written under <paramref name="target"/>; otherwise why the pack is refused.</returns>
    public static PackProblem? Unpack(string zipFile, string target, PackLimits limits, CancellationToken ct)
    {
        var root = Path.GetFullPath(target);
        Directory.CreateDirectory(root);
        ZipArchive archive;
        FileStream file;
        try
        {
            file = new FileStream(zipFile, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PackProblem("", PackReasons.CannotOpen);
        }
        using (file)
        {
            // The count the end record declares, before the central directory is read into memory at all.
            if (DeclaredEntries(file) is { } declared && declared > limits.MaxEntries)
                return new PackProblem("", PackReasons.TooManyEntries, declared, limits.MaxEntries);
            file.Position = 0;
            try
            {
                archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
            {
                return new PackProblem("", PackReasons.NotZip);
            }
            using (archive)
                return UnpackEntries(archive, file.Length, root, limits, ct);
        }
    }

    private static PackProblem? UnpackEntries(ZipArchive archive, long packBytes, string root, PackLimits limits, CancellationToken ct)
    {
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = archive.Entries;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return new PackProblem("", PackReasons.BrokenDirectory);
        }
        if (entries.Count > limits.MaxEntries)
            return new PackProblem("", PackReasons.TooManyEntries, entries.Count, limits.MaxEntries);

        // A pack zipped by its folder ("goi/topics.yml", "goi/lessons/…") is read from inside that folder.
        var wrapper = Wrapper(entries);
        string Name(ZipArchiveEntry entry) => entry.FullName[wrapper.Length..];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries.Where(e => Name(e).Length > 0))
            if (Refusal(entry, Name(entry)) is { } refusal)
                return new PackProblem(Shown(entry.FullName), refusal, refusal == PackReasons.FileTypeNotAccepted ? new object[] { PictureExtensions } : []);
            else if (!names.Add(Name(entry).TrimEnd('/')))
                return new PackProblem(Shown(entry.FullName), PackReasons.DuplicateName);

        long total = 0;
        var buffer = new byte[BufferSize];
        foreach (var entry in entries.Where(e => Name(e).Length > 0))
        {
            ct.ThrowIfCancellationRequested();
            var destination = Path.GetFullPath(Path.Combine(root, Name(entry)));
            if (!destination.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return new PackProblem(Shown(entry.FullName), PackReasons.OutsidePack);
            if (Name(entry).EndsWith('/'))
            {
                Directory.CreateDirectory(destination);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                using var input = entry.Open();
                using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
                long written = 0;
                int read;
                while ((read = input.Read(buffer)) > 0)
                {
                    written += read;
                    total += read;
                    if (total > limits.MaxUnpackedBytes)
                        return new PackProblem(Shown(entry.FullName), PackReasons.TooLargeUnpacked, limits.MaxUnpackedBytes / (1024 * 1024));
                    if (written > PackLimits.RatioFloorBytes && written > limits.MaxRatio * Math.Max(entry.CompressedLength, 1))
                        return new PackProblem(Shown(entry.FullName), PackReasons.EntryRatio, limits.MaxRatio);
                    output.Write(buffer, 0, read);
                }
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
            {
                return new PackProblem(Shown(entry.FullName), PackReasons.BrokenEntry);
            }
        }
        if (total > PackLimits.RatioFloorBytes && total > limits.MaxRatio * Math.Max(packBytes, 1))
            return new PackProblem("", PackReasons.PackRatio, limits.MaxRatio);
        return null;
    }

    /// <summary>The one folder every entry is in ("goi/"), when the pack was zipped by its folder; otherwise "".</summary>
    private static string Wrapper(IReadOnlyCollection<ZipArchiveEntry> entries)
    {
        var first = entries.FirstOrDefault()?.FullName ?? "";
        var slash = first.IndexOf('/');
        if (slash <= 0)
            return "";
        var prefix = first[..(slash + 1)];
        return prefix is "lessons/" or "paths/" || prefix.StartsWith('.') || prefix is "../" or "./"
            || !entries.All(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal))
            || !entries.Any(e => e.FullName == prefix + TopicsFile.FileName || e.FullName.StartsWith(prefix + "lessons/", StringComparison.Ordinal))
            ? "" : prefix;
    }

    /// <summary>
    /// The number of entries the zip's end-of-central-directory record (or its Zip64 record) declares; null when no
    /// such record is found (the zip reader then says what is wrong).
    /// </summary>
    private static long? DeclaredEntries(FileStream file)
    {
        const int EndRecord = 0x06054b50, Zip64Locator = 0x07064b50, Zip64Record = 0x06064b50;
        var tail = (int)Math.Min(file.Length, 22 + ushort.MaxValue);
        if (tail < 22)
            return null;
        var buffer = new byte[tail];
        file.Position = file.Length - tail;
        file.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BitConverter.ToInt32(buffer, i) != EndRecord)
                continue;
            var entries = BitConverter.ToUInt16(buffer, i + 10);
            if (entries != ushort.MaxValue || i < 20 || BitConverter.ToInt32(buffer, i - 20) != Zip64Locator)
                return entries;
            var offset = BitConverter.ToInt64(buffer, i - 20 + 8);
            if (offset < 0 || offset > file.Length - 56)
                return long.MaxValue; // a Zip64 record outside the file: as hostile as too many entries
            var record = new byte[56];
            file.Position = offset;
            file.ReadExactly(record);
            return BitConverter.ToInt32(record, 0) == Zip64Record ? (long)Math.Min(BitConverter.ToUInt64(record, 32), long.MaxValue) : long.MaxValue;
        }
        return null;
    }

    /// <summary>Why an entry cannot be part of a pack (a <see cref="PackReasons"/> key), judged on its name and attributes alone; null when it can.</summary>
    private static string? Refusal(ZipArchiveEntry entry, string name)
    {
        if (name.Length is 0 or > 300 || name.Any(c => char.IsControl(c)))
            return PackReasons.BadName;
        if (name.StartsWith('/') || name.Contains('\\') || (name.Length > 1 && name[1] == ':'))
            return PackReasons.AbsolutePath;
        var parts = name.TrimEnd('/').Split('/');
        if (parts.Any(p => p is "" or "." or ".."))
            return PackReasons.DotDot;
        var type = (int)((uint)entry.ExternalAttributes >> 16) & UnixTypeMask;
        if (type == UnixLink)
            return PackReasons.SymbolicLink;
        var isFolder = name.EndsWith('/');
        if (type != 0 && type != (isFolder ? UnixDirectory : UnixRegular))
            return PackReasons.NotRegularFile;
        if (entry.IsEncrypted)
            return PackReasons.Encrypted;
        return isFolder ? FolderRefusal(parts) : FileRefusal(parts);
    }

    private static string? FolderRefusal(string[] parts) => parts switch
    {
        ["lessons"] or ["paths"] => null,
        ["lessons", var slug] when ContentNames.IsSlug(slug) => null,
        _ => PackReasons.FolderNotInFormat,
    };

    private static string? FileRefusal(string[] parts) => parts switch
    {
        [TopicsFile.FileName] => null,
        ["paths", var file] when file.EndsWith(".yml", StringComparison.Ordinal) && ContentNames.IsSlug(file[..^4]) => null,
        ["lessons", var slug, var file] when ContentNames.IsSlug(slug) && ContentNames.IsFileName(file) =>
            file is LessonFile.FileName or Quizzes.QuizFile.FileName || ContentNames.HasExtension(file, LessonFileExtensions)
                ? null
                : PackReasons.FileTypeNotAccepted,
        _ => PackReasons.FileNotInFormat,
    };

    /// <summary>An entry name as it may be shown in a report: printable, not too long.</summary>
    private static string Shown(string name)
    {
        var printable = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length <= 120 ? printable : printable[..117] + "…";
    }
}
