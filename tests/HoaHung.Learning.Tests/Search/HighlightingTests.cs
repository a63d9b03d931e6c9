using System.Text;
using HoaHung.Learning.Search;
using HoaHung.Learning.Web.Api;

namespace HoaHung.Learning.Tests.Search;

public sealed class HighlightingTests
{
    private static string Show(IEnumerable<TextPart> parts) => string.Concat(parts.Select(p => p.Match ? $"[{p.Text}]" : p.Text));

    [Fact]
    public void Folded_words_are_marked_on_the_original_text_with_its_diacritics() =>
        Assert.Equal("[Đăng] [ký] tài khoản [VNeID]", Show(Highlighting.Parts("Đăng ký tài khoản VNeID", SearchTerms.Parse("dang ky vneid"))));

    [Fact]
    public void Marks_cover_combining_marks_of_nfd_text()
    {
        var text = "Lừa đảo qua mạng".Normalize(NormalizationForm.FormD);
        var shown = Show(Highlighting.Parts(text, SearchTerms.Parse("lua dao")));
        Assert.Equal("[Lừa] [đảo] qua mạng".Normalize(NormalizationForm.FormD), shown);
    }

    [Fact]
    public void Only_whole_folded_words_are_marked_the_last_word_being_typed_marks_the_word_it_starts()
    {
        Assert.Equal("[Điện] [thoại] và [điện] tử, [thoại]", Show(Highlighting.Parts("Điện thoại và điện tử, thoại", SearchTerms.Parse("thoai dien"))));
        Assert.Equal("[Điệnthoại]", Show(Highlighting.Parts("Điệnthoại", SearchTerms.Parse("dien"))));
        Assert.Equal("Kết nối [Wi]-[Fi] ở nhà", Show(Highlighting.Parts("Kết nối Wi-Fi ở nhà", SearchTerms.Parse("wi f"))));
        Assert.Equal("tiền, tiếng", Show(Highlighting.Parts("tiền, tiếng", SearchTerms.Parse("tie x"))));
        Assert.Equal("thoại [điện]", Show(Highlighting.Parts("thoại điện", SearchTerms.Parse("dien thoa x"))));
    }

    [Fact]
    public void Words_typed_side_by_side_are_marked_where_they_stand_together_not_as_other_words_that_fold_the_same()
    {
        // The placeholder's own example: "đang" (now) and "kỹ" (skill) fold like "đăng ký" but are other words.
        const string text = "Bạn đang dùng điện thoại. Đăng ký tài khoản VNeID cần kỹ năng gì? Hãy đăng ký.";
        Assert.Equal("Bạn đang dùng điện thoại. [Đăng] [ký] tài khoản [VNeID] cần kỹ năng gì? Hãy [đăng] [ký].",
            Show(Highlighting.Parts(text, SearchTerms.Parse("dang ky vneid"))));
        // Alone in a text without the pair, a word is still marked.
        Assert.Equal("Bạn [đang] xem [VNeID]", Show(Highlighting.Parts("Bạn đang xem VNeID", SearchTerms.Parse("dang ky vneid"))));
    }

    [Fact]
    public void A_word_typed_with_diacritics_marks_only_words_written_that_way()
    {
        Assert.Equal("Bạn đang [đăng] nhập", Show(Highlighting.Parts("Bạn đang đăng nhập", SearchTerms.Parse("đăng"))));
        Assert.Equal("[Đăng] [ký] xong, đang chờ", Show(Highlighting.Parts("Đăng ký xong, đang chờ", SearchTerms.Parse("Đăng ky"))));
    }

    [Fact]
    public void Snippet_is_cut_around_the_words_at_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Repeat("Một câu mở đầu dài về điện thoại.", 20)) + " Cách đăng ký tài khoản VNeID ở phường. "
            + string.Join(' ', Enumerable.Repeat("Đoạn kết thúc.", 20));
        var snippet = Highlighting.Snippet(text, SearchTerms.Parse("dang ky vneid"), 120)!;
        var shown = Show(snippet);
        Assert.StartsWith("… ", shown);
        Assert.EndsWith(" …", shown);
        Assert.Contains("[đăng] [ký] tài khoản [VNeID]", shown);
        Assert.True(shown.Length < 200, shown);
    }

    [Fact]
    public void No_snippet_when_no_word_occurs() =>
        Assert.Null(Highlighting.Snippet("Nội dung khác hẳn.", SearchTerms.Parse("vneid")));

    [Fact]
    public void Snippet_html_encodes_the_lesson_text_and_only_marks_are_markup()
    {
        var parts = Highlighting.Parts("Gõ <script>alert('x')</script> & \"vneid\"", SearchTerms.Parse("vneid script"));
        var html = SearchApi.MarkedHtml(parts);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;<mark>script</mark>&gt;", html);
        Assert.Contains("<mark>vneid</mark>", html);
        Assert.Contains("&amp;", html);
        Assert.Contains("Gõ", html); // Vietnamese stays readable, not &#x...;
    }
}
