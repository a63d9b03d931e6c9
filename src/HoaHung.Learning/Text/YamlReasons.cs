namespace HoaHung.Learning.Text;

/// <summary>
/// Why a YAML text cannot be read (<see cref="SafeYaml"/>), as keys the web words from
/// <c>Resources/Content/ContentResource.resx</c>; the placeholders are the <see cref="Reason.Args"/>.
/// </summary>
public static class YamlReasons
{
    /// <summary>{0}: the limit in KB.</summary>
    public const string TooLong = "Yaml.Problem.TooLong";
    public const string Empty = "Yaml.Problem.Empty";
    public const string NotList = "Yaml.Problem.NotList";
    public const string Anchors = "Yaml.Problem.Anchors";
    /// <summary>{0}: the line; {1}: the most levels allowed.</summary>
    public const string TooDeep = "Yaml.Problem.TooDeep";
    /// <summary>{0}: the line; {1}: the column; {2}: the parser's own first line (English, quoted as is).</summary>
    public const string Syntax = "Yaml.Problem.Syntax";
    /// <summary>{0}: the line.</summary>
    public const string SyntaxNear = "Yaml.Problem.SyntaxNear";
    /// <summary>{0}: the line; {1}: the column; {2}: the deserializer's own first line (English, quoted as is).</summary>
    public const string WrongType = "Yaml.Problem.WrongType";
    /// <summary>{0}: the deserializer's own first line (English, quoted as is).</summary>
    public const string Unreadable = "Yaml.Problem.Unreadable";

    /// <summary>Every key of this class: each has a sentence in both languages (ContentStringsTests).</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(YamlReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
