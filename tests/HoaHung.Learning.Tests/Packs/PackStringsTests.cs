using System.Text.RegularExpressions;
using System.Xml.Linq;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>
/// The pack page and the content refusals (the import's report, the pack import, the quiz builder) speak Vietnamese
/// first and English second, with the same strings in both and a sentence for every reason the core can give.
/// </summary>
public sealed partial class PackStringsTests
{
    private static Dictionary<string, string> Strings(string folder, string file) =>
        XDocument.Load(Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "Resources", folder, file))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    public static TheoryData<string, string> Resources() => new()
    {
        { "Studio/Packs", "PacksResource" },
        { "Content", "ContentResource" },
    };

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_string_exists_in_vietnamese_and_english_with_the_same_placeholders(string folder, string name)
    {
        var vi = Strings(folder, name + ".resx");
        var en = Strings(folder, name + ".en.resx");

        Assert.Equal(vi.Keys.Order(), en.Keys.Order());
        foreach (var (key, text) in vi)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{key} has no Vietnamese text");
            Assert.False(string.IsNullOrWhiteSpace(en[key]), $"{key} has no English text");
            // Only a string of placeholders and punctuation (PackReasons.Content's "{0}", "{0}: {1}") is the same in both.
            if (Placeholder().Replace(text, "").Any(char.IsLetter))
                Assert.NotEqual(text, en[key]);
            Assert.True(Placeholders(text) == Placeholders(en[key]), $"{key}: the placeholders differ");
        }
    }

    [Fact]
    public void Every_reason_the_core_can_give_has_its_sentence()
    {
        var packs = Strings("Studio/Packs", "PacksResource.resx");
        Assert.Equal("Gói bài học", packs["Packs.Title"]);
        Assert.Equal("Nhập gói", packs["Packs.Import.Button"]);
        Assert.Empty(PackReasons.All.Except(packs.Keys));

        var content = Strings("Content", "ContentResource.resx");
        string[] reasons = [.. ContentReasons.All, .. QuizReasons.All, .. YamlReasons.All];
        Assert.Empty(reasons.Except(content.Keys)); // every refusal the core can give has its sentence
        Assert.Empty(content.Keys.Except(reasons)); // and every sentence is one the core can give
        Assert.Equal("câu {0} (“{1}”): {2}", content[QuizReasons.InQuestionQuoted]);
    }

    private static string Placeholders(string text) =>
        string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order());

    [GeneratedRegex(@"\{\d(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
