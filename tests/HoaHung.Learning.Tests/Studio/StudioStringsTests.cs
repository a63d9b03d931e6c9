using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Studio;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>Every reason and check the studio can show has a Vietnamese sentence and an English one.</summary>
public sealed partial class StudioStringsTests
{
    private static readonly ResourceManager Strings = new("HoaHung.Learning.Web.Resources.Studio.StudioResource", typeof(StudioResource).Assembly);

    public static TheoryData<string> Keys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(IssueKeys), typeof(StudioReasons), typeof(MediaReasons) })
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                keys.Add((string)field.GetRawConstantValue()!);
        // Keys written literally in the studio's components: S["…"].
        var folder = Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "Studio");
        foreach (var file in Directory.EnumerateFiles(folder, "*.*").Where(f => f.EndsWith(".razor") || f.EndsWith(".cs")))
            foreach (Match m in LiteralKey().Matches(File.ReadAllText(file)))
                keys.Add(m.Groups["key"].Value);
        return new TheoryData<string>(keys);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_key_has_a_Vietnamese_and_an_English_text(string key)
    {
        var vi = Strings.GetString(key, new CultureInfo("vi"));
        var en = Strings.GetString(key, new CultureInfo("en"));
        Assert.False(string.IsNullOrWhiteSpace(vi), $"{key} has no Vietnamese text");
        Assert.False(string.IsNullOrWhiteSpace(en), $"{key} has no English text");
        Assert.True(vi != en || !vi.Any(c => c > 127), $"{key}: the English text is the Vietnamese one");
    }

    [GeneratedRegex("""\bS\["(?<key>[A-Za-z][A-Za-z.]+)"[,\]]""")]
    private static partial Regex LiteralKey();
}
