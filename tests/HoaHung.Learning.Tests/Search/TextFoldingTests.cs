using System.Text;
using HoaHung.Learning.Search;

namespace HoaHung.Learning.Tests.Search;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Đăng ký VNeID", "dang ky vneid")]
    [InlineData("ĐIỆN THOẠI", "dien thoai")]
    [InlineData("Lừa đảo qua mạng!", "lua dao qua mang")]
    [InlineData("  Công   dân số — TPHCM ", "cong dan so tphcm")]
    [InlineData("Wi-Fi", "wi fi")]
    [InlineData("", "")]
    public void Folds_case_diacritics_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Every_Vietnamese_vowel_with_every_tone_folds_to_its_base_letter()
    {
        const string vowels = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
        var folded = TextFolding.Fold(vowels);
        Assert.Equal("aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy", folded);
        Assert.Equal(folded, TextFolding.Fold(vowels.ToUpperInvariant()));
    }

    [Fact]
    public void Nfc_and_nfd_input_fold_the_same()
    {
        const string text = "Thanh toán hóa đơn điện nước";
        Assert.Equal(TextFolding.Fold(text.Normalize(NormalizationForm.FormC)), TextFolding.Fold(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Words_are_distinct_and_in_order() =>
        Assert.Equal(["mat", "khau", "manh"], TextFolding.Words("Mật khẩu, mật khẩu mạnh"));
}
