using System.Text;
using HoaHung.Learning.Search;

namespace HoaHung.Learning.Tests.Search;

public sealed class SearchTermsTests
{
    [Fact]
    public void Typed_with_or_without_diacritics_gives_the_same_words()
    {
        Assert.Equal(SearchTerms.Parse("dang ky vneid").Words, SearchTerms.Parse("Đăng ký VNeID").Words);
        Assert.Equal(SearchTerms.Parse("dang ky vneid").Words, SearchTerms.Parse("ĐĂNG KÝ VNEID".Normalize(NormalizationForm.FormD)).Words);
    }

    [Fact]
    public void Words_typed_with_diacritics_are_kept_as_typed_for_ranking()
    {
        Assert.Equal(["đăng", "ký"], SearchTerms.Parse("Đăng Ký vneid").Exact);
        Assert.Equal(["đăng"], SearchTerms.Parse("ĐĂNG".Normalize(NormalizationForm.FormD)).Exact);
        Assert.Empty(SearchTerms.Parse("dang ky vneid").Exact);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("((((")]
    [InlineData("NEAR(")]
    [InlineData("' OR 1=1 --")]
    [InlineData("a:* & !b | <->")]
    [InlineData("{title}: ^x")]
    [InlineData("\u0000\u0001")]
    public void Operators_and_quotes_never_survive(string query)
    {
        var terms = SearchTerms.Parse(query);
        Assert.All(terms.Words, w => Assert.True(w.All(char.IsLetterOrDigit), w));
    }

    [Fact]
    public void Long_input_is_cut_to_the_limits()
    {
        var terms = SearchTerms.Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => $"từ{i}")));
        Assert.Equal(SearchTerms.MaxWords, terms.Words.Count);
        Assert.True(SearchTerms.Parse(new string('a', 10_000)).Words.Single().Length <= SearchTerms.MaxQueryLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ***")]
    public void Nothing_to_search_is_empty(string? query) =>
        Assert.True(SearchTerms.Parse(query).IsEmpty);
}
