using System.Xml.Linq;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>The pack page speaks Vietnamese first and English second, with the same strings in both.</summary>
public sealed class PackStringsTests
{
    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "Resources", "Studio", "Packs", file))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void Every_string_exists_in_vietnamese_and_english_with_the_same_placeholders()
    {
        var vi = Strings("PacksResource.resx");
        var en = Strings("PacksResource.en.resx");

        Assert.Equal(vi.Keys.Order(), en.Keys.Order());
        foreach (var (key, text) in vi)
        {
            Assert.NotEqual(text, en[key]);
            Assert.Equal(Placeholders(text), Placeholders(en[key]));
        }
        Assert.Equal("Gói bài học", vi["Packs.Title"]);
        Assert.Equal("Nhập gói", vi["Packs.Import.Button"]);
    }

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order());
}
