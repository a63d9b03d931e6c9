using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Text;
using static HoaHung.Learning.ContentPacks.FileKinds;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// Reading the files of a content folder (issue 16): only regular files, checked before they are opened (a symlink,
/// device or FIFO is refused); sizes enforced by reading at most the limit plus one byte, never by trusting the
/// reported length; text strict UTF-8. Any failure to read one file becomes a <see cref="ContentProblem"/> for it.
/// </summary>
internal static class ContentFiles
{
    private const int BufferSize = 81920;

    /// <summary>Why <paramref name="path"/> cannot be used as a file of the content folder, or null when it can.</summary>
    public static Reason? Refusal(string path) => FileKinds.Of(path) switch
    {
        FileKind.Regular => null,
        FileKind.Missing => new(ContentReasons.FileMissing),
        FileKind.SymbolicLink => new(ContentReasons.FileIsLink),
        FileKind.Directory => new(ContentReasons.FileIsFolder),
        _ => new(ContentReasons.FileNotRegular),
    };

    /// <summary>True for a real folder; a missing one is false, anything else (a symlink to a folder) a problem too.</summary>
    public static bool IsFolder(string path, List<ContentProblem> problems)
    {
        var kind = FileKinds.Of(path);
        if (kind is not (FileKind.Directory or FileKind.Missing))
            problems.Add(new(path, kind == FileKind.SymbolicLink ? ContentReasons.FolderIsLink : ContentReasons.NotFolder));
        return kind == FileKind.Directory;
    }

    /// <summary>Opens a regular file for reading; refuses anything else before opening it.</summary>
    public static FileStream OpenRegular(string path)
    {
        if (Refusal(path) is { } refusal)
            throw new ContentFileException(refusal);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        if (!stream.CanSeek) // replaced by a pipe or a device since it was checked
        {
            stream.Dispose();
            throw new ContentFileException(new Reason(ContentReasons.NotRegularNow));
        }
        return stream;
    }

    /// <summary>At most <paramref name="cap"/> bytes of <paramref name="stream"/>; null when there are more.</summary>
    public static (byte[]? Bytes, bool TooLarge) ReadAtMost(Stream stream, long cap)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[BufferSize];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, cap + 1 - memory.Length))) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > cap)
                return (null, true);
        }
        return (memory.ToArray(), false);
    }

    public static byte[]? ReadBytes(string file, long cap, List<ContentProblem> problems)
    {
        if (Refusal(file) is { } refusal)
        {
            problems.Add(new(file, refusal));
            return null;
        }
        using var stream = OpenRegular(file);
        var (bytes, tooLarge) = ReadAtMost(stream, cap);
        if (tooLarge)
            problems.Add(new(file, ContentReasons.FileTooLarge, cap / 1024));
        return bytes;
    }

    /// <summary>A text file of the folder (Markdown, YAML) as bytes and strict UTF-8 text, or null with a problem.</summary>
    public static (string Text, byte[] Bytes)? ReadText(string file, List<ContentProblem> problems)
    {
        if (ReadBytes(file, ContentReader.MaxMarkdownBytes, problems) is not { } bytes)
            return null;
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(file, ContentReasons.NotUtf8));
            return null;
        }
    }

    /// <summary>
    /// Runs the reading of one file or folder; whatever it throws becomes a problem for <paramref name="path"/>, so
    /// nothing in one file can stop the rest of the library from being read.
    /// </summary>
    public static T? Guard<T>(string path, List<ContentProblem> problems, Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            problems.Add(new(path, ContentReasons.Unreadable, ContentFileException.Describe(e)));
            return null;
        }
    }

    /// <summary>SHA-256 over index.md, quiz.yml and every referenced file: a lesson whose files hash the same is unchanged.</summary>
    public static string HashLesson(byte[] index, IReadOnlyDictionary<string, string> files, byte[]? quiz)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(index);
        if (quiz is not null)
        {
            // A changed quiz is a changed lesson: a new revision. Lessons without a quiz keep their old hash.
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + QuizFile.FileName + "\n"));
            hash.AppendData(quiz);
        }
        var buffer = new byte[BufferSize];
        foreach (var (name, full) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + name + "\n"));
            using var stream = OpenRegular(full);
            long total = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                if ((total += read) > ContentReader.MaxReferencedFileBytes)
                    throw new ContentFileException(new Reason(ContentReasons.NamedFileTooLarge, name));
                hash.AppendData(buffer, 0, read);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string HashText(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
