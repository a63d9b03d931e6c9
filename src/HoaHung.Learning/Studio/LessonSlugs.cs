using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Studio;

/// <summary>Slugs and file names the studio makes from what people type: lower-case ASCII, digits and '-' (content/README.md).</summary>
public static class LessonSlugs
{
    public const int MaxSlugStem = 60;

    /// <summary>"Cách nhận biết tin nhắn lừa đảo" → "cach-nhan-biet-tin-nhan-lua-dao"; "bai-moi" when nothing is left.</summary>
    public static string FromTitle(string title) => Stem(title, MaxSlugStem, "bai-moi");

    /// <summary>The candidates for a new slug: the stem, then "-2", "-3", …</summary>
    public static IEnumerable<string> Candidates(string stem)
    {
        yield return stem;
        for (var n = 2; ; n++)
            yield return $"{stem}-{n}";
    }

    /// <summary>A file name for the lesson library from an uploaded name: "Ảnh chụp màn hình 2024.PNG" + "png" → "anh-chup-man-hinh-2024.png".</summary>
    public static string FileName(string? uploadedName, string extension, string fallback)
    {
        var stem = Path.GetFileNameWithoutExtension(uploadedName ?? "");
        return $"{Stem(stem, 50, fallback)}.{extension}";
    }

    /// <summary>"anh.png" → "anh-2.png", "anh-3.png", …; captions keep their ".vi.vtt" pairing.</summary>
    public static IEnumerable<string> FileCandidates(string fileName)
    {
        yield return fileName;
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        var (stem, extension) = dot < 0 ? (fileName, "") : (fileName[..dot], fileName[dot..]);
        for (var n = 2; ; n++)
            yield return $"{stem}-{n}{extension}";
    }

    private static string Stem(string text, int max, string fallback)
    {
        var slug = HeadingOutline.Slug(text);
        if (slug.Length > max) slug = slug[..max].TrimEnd('-');
        return ContentReader.IsSlug(slug) ? slug : fallback;
    }
}
