using System.Text;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Tests.Text;

public sealed class TextFoldingTests
{
    // Every Vietnamese vowel (a ă â e ê i o ô ơ u ư y) with every tone: none, huyền, sắc, hỏi, ngã, nặng.
    private const string Vowels = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
    private const string Folded = "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy";

    [Theory]
    [InlineData("Đăng ký VNeID", "dang ky vneid")]
    [InlineData("ĐIỆN THOẠI", "dien thoai")]
    [InlineData("Lừa đảo qua mạng!", "lua dao qua mang")]
    [InlineData("  Công   dân số — TPHCM ", "cong dan so tphcm")]
    [InlineData("Wi-Fi", "wi fi")]
    [InlineData("đĐ", "dd")]
    [InlineData("ĐẶT MẬT KHẨU mạnh", "dat mat khau manh")]
    [InlineData("\"NEAR(a* OR b)\"", "near a or b")]
    [InlineData("", "")]
    public void Folds_case_diacritics_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Theory]
    [InlineData(NormalizationForm.FormC)]
    [InlineData(NormalizationForm.FormD)]
    public void Every_Vietnamese_vowel_with_every_tone_folds_to_its_base_letter_in_either_case(NormalizationForm form)
    {
        Assert.Equal(72, Vowels.Normalize(NormalizationForm.FormC).Length);
        Assert.Equal(Folded, TextFolding.Fold(Vowels.Normalize(form)));
        Assert.Equal(Folded, TextFolding.Fold(Vowels.ToUpperInvariant().Normalize(form)));
    }

    [Fact]
    public void Nfc_and_nfd_input_fold_the_same()
    {
        const string text = "Thanh toán hóa đơn điện nước, Đăng ký, ĐỊNH DANH";
        Assert.Equal(TextFolding.Fold(text.Normalize(NormalizationForm.FormC)), TextFolding.Fold(text.Normalize(NormalizationForm.FormD)));
        Assert.Equal("thanh toan hoa don dien nuoc dang ky dinh danh", TextFolding.Fold(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Old_and_new_tone_placement_fold_the_same() =>
        Assert.Equal(TextFolding.Fold("hoà thuý"), TextFolding.Fold("hòa thúy"));

    [Fact]
    public void Words_are_distinct_and_in_order() =>
        Assert.Equal(["mat", "khau", "manh"], TextFolding.Words("Mật khẩu, mật khẩu mạnh"));

    [Theory]
    [InlineData("Đăng ký VNeID trên điện thoại")]
    [InlineData("  — Lừa  đảo!! ")]
    [InlineData("ĐIỆN THOẠI")]
    [InlineData("x\U0001F600y đ")]
    public void The_map_points_every_folded_letter_at_the_letter_it_came_from(string text)
    {
        foreach (var form in new[] { NormalizationForm.FormC, NormalizationForm.FormD })
        {
            var input = text.Normalize(form);
            var folded = TextFolding.FoldWithMap(input);
            Assert.Equal(TextFolding.Fold(input), folded.Text);
            Assert.Equal(folded.Text.Length, folded.Source.Length);
            for (var i = 0; i < folded.Text.Length; i++)
            {
                if (folded.Text[i] != ' ')
                    Assert.Equal(folded.Text[i], TextFolding.Fold(input[folded.Source[i]].ToString())[0]);
            }
        }
    }

    [Fact]
    public void A_lone_surrogate_is_a_separator_not_an_error() =>
        Assert.Equal("a b", TextFolding.Fold("a\uD800b"));
}
