using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Studio.Review;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>Every reason, diff field and text the review pages can show has a Vietnamese sentence and an English one.</summary>
public sealed partial class ReviewStringsTests
{
    private static readonly ResourceManager Strings = new("HoaHung.Learning.Web.Resources.Studio.Review.ReviewResource", typeof(ReviewResource).Assembly);

    public static TheoryData<string> Keys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in typeof(ReviewReasons).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            keys.Add((string)field.GetRawConstantValue()!);
        foreach (var field in typeof(DiffFields).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            keys.Add($"Diff.Field.{field.GetRawConstantValue()}");
        var studio = Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "Studio");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(studio, "Review")).Append(Path.Combine(studio, "ConflictPanel.razor")))
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

    [GeneratedRegex("""\bR\["(?<key>[A-Za-z][A-Za-z.]+)"[,\]]""")]
    private static partial Regex LiteralKey();
}
