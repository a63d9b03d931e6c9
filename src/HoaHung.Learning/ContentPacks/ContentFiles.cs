using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Quizzes;

namespace HoaHung.Learning.ContentPacks;

/// <summary>Reading the files of a content folder: text files size-limited and strict UTF-8; a lesson's hash over all its files.</summary>
internal static class ContentFiles
{
    public static string? ReadText(string file, List<ContentProblem> problems)
    {
        var info = new FileInfo(file);
        if (info.Length > ContentReader.MaxMarkdownBytes)
        {
            problems.Add(new(file, $"tệp quá lớn ({info.Length / 1024} KB, tối đa {ContentReader.MaxMarkdownBytes / 1024} KB)"));
            return null;
        }
        var bytes = File.ReadAllBytes(file);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(file, "tệp không phải văn bản UTF-8"));
            return null;
        }
    }

    /// <summary>SHA-256 over index.md, quiz.yml and every referenced file: a lesson whose files hash the same is unchanged.</summary>
    public static string HashLesson(string index, IReadOnlyDictionary<string, string> files, string? quizFile)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(index));
        if (quizFile is not null)
        {
            // A changed quiz is a changed lesson: a new revision. Lessons without a quiz keep their old hash.
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + QuizFile.FileName + "\n"));
            hash.AppendData(File.ReadAllBytes(quizFile));
        }
        foreach (var (name, full) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + name + "\n"));
            using var stream = File.OpenRead(full);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
