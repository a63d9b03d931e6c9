using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>Splits a Markdown file into its YAML front matter and body.</summary>
internal static class FrontMatter
{
    public static (string? Yaml, string Body, Reason? Error) Split(string text)
    {
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return (null, text, new Reason(ContentReasons.NoFrontMatter));
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (end >= 0)
        {
            var after = end + 4;
            if (after == text.Length || text[after] == '\n')
                return (text[4..(end + 1)], after >= text.Length ? "" : text[(after + 1)..], null);
            end = text.IndexOf("\n---", after, StringComparison.Ordinal);
        }
        return (null, text, new Reason(ContentReasons.FrontMatterNotClosed));
    }
}
