using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HoaHung.Learning.ContentPacks;

/// <summary>Safe YAML reading for files that come from people: size-limited, no anchors or aliases, typed.</summary>
internal static class SafeYaml
{
    public const int MaxYamlChars = 64 * 1024;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Parses <paramref name="yaml"/> into <typeparamref name="T"/>, or returns the reason it cannot.</summary>
    public static (T? Value, string? Error) Read<T>(string yaml) where T : class
    {
        if (yaml.Length > MaxYamlChars)
            return (null, $"phần YAML quá dài (tối đa {MaxYamlChars / 1024} KB)");
        try
        {
            // Aliases can expand a few bytes into gigabytes ("billion laughs"); content never needs them.
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                if (parser.Current is AnchorAlias || parser.Current is NodeEvent { Anchor.IsEmpty: false })
                    return (null, "YAML không được dùng anchor (&) hoặc alias (*)");
            }
            var value = Deserializer.Deserialize<T>(yaml);
            return value is null ? (null, "tệp YAML trống") : (value, null);
        }
        catch (YamlException ex)
        {
            return (null, $"YAML sai cú pháp ở dòng {ex.Start.Line}, cột {ex.Start.Column}: {FirstLine(ex.InnerException?.Message ?? ex.Message)}");
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}

/// <summary>Splits a Markdown file into its YAML front matter and body.</summary>
internal static class FrontMatter
{
    public static (string? Yaml, string Body, string? Error) Split(string text)
    {
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return (null, text, "thiếu phần đầu YAML (front matter) bắt đầu bằng dòng ---");
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (end >= 0)
        {
            var after = end + 4;
            if (after == text.Length || text[after] == '\n')
                return (text[4..(end + 1)], after >= text.Length ? "" : text[(after + 1)..], null);
            end = text.IndexOf("\n---", after, StringComparison.Ordinal);
        }
        return (null, text, "phần đầu YAML (front matter) không có dòng --- kết thúc");
    }
}

internal static class TextCleaning
{
    /// <summary>NFC, no NUL or other control characters except tab and newline.</summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s))
            return "";
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
                continue; // a lone surrogate cannot be normalized or encoded
            if (c == '\n' || c == '\t' || !char.IsControl(c))
                sb.Append(c);
        }
        var result = sb.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    public static string OneLine(string? s) => string.Join(' ', Clean(s).Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
