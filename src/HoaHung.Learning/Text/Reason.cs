namespace HoaHung.Learning.Text;

/// <summary>
/// Why something cannot be used, as a key and its arguments: the core returns reasons and the web words them from its
/// resources (docs/conventions.md, issue 21 item 6). An argument may itself be a <see cref="Reason"/> (a picture's
/// refusal inside a quiz option, the YAML's why inside a file's problem), worded the same way, or a list of reasons,
/// worded one by one and joined with "; ".
/// </summary>
public sealed record Reason(string Key, params object[] Args)
{
    /// <summary>One reason for several: the only one, or <see cref="ContentPacks.ContentReasons.Several"/> holding them all.</summary>
    public static Reason All(IReadOnlyList<Reason> reasons) =>
        reasons.Count == 1 ? reasons[0] : new Reason(ContentPacks.ContentReasons.Several, new object[] { reasons });

    /// <summary>The key and its arguments, for logs and test failures (a person reads the web's wording).</summary>
    public override string ToString() => Args.Length == 0 ? Key : $"{Key}({string.Join(", ", Args.Select(Show))})";

    private static string? Show(object? arg) => arg is IEnumerable<Reason> list ? $"[{string.Join("; ", list)}]" : arg?.ToString();
}
