using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HoaHung.Learning.Text;

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
