using HoaHung.Learning.ReadAloud;

namespace HoaHung.Learning.Tests.ReadAloud;

public sealed class SpeechTextTests
{
    [Theory]
    // numbers, as residents of the city say them
    [InlineData("Bước 1", "Bước một")]
    [InlineData("15 phút", "mười lăm phút")]
    [InlineData("21 ngày", "hai mươi mốt ngày")]
    [InlineData("25 tuổi", "hai mươi lăm tuổi")]
    [InlineData("105 người", "một trăm lẻ năm người")]
    [InlineData("2025", "hai ngàn không trăm hai mươi lăm")]
    [InlineData("1.050.000", "một triệu không trăm năm mươi ngàn")]
    [InlineData("2,5 giờ", "hai phẩy năm giờ")]
    [InlineData("90%", "chín mươi phần trăm")]
    // money
    [InlineData("456.000 đ", "bốn trăm năm mươi sáu ngàn đồng")]
    [InlineData("Phí 50.000đ.", "Phí năm mươi ngàn đồng.")]
    [InlineData("1.200.000 đồng", "một triệu hai trăm ngàn đồng")]
    [InlineData("20.000 VNĐ", "hai mươi ngàn đồng")]
    // dates and times
    [InlineData("15/3/2025", "ngày mười lăm tháng ba năm hai ngàn không trăm hai mươi lăm")]
    [InlineData("ngày 01/04", "ngày một tháng tư")]
    [InlineData("8:30", "tám giờ ba mươi phút")]
    [InlineData("từ 7h30 đến 17h", "từ bảy giờ ba mươi phút đến mười bảy giờ")]
    // phone numbers, digit by digit in groups
    [InlineData("Gọi 0901 234 567", "Gọi không chín không một, hai ba bốn, năm sáu bảy")]
    [InlineData("0901234567", "không chín không một, hai ba bốn, năm sáu bảy")]
    [InlineData("028.3838.1234", "không hai tám, ba tám ba tám, một hai ba bốn")]
    [InlineData("1900 1234", "một chín không không, một hai ba bốn")]
    [InlineData("gọi 113", "gọi một một ba")]
    [InlineData("tổng đài 1022", "tổng đài một không hai hai")]
    // the abbreviations of this library
    [InlineData("Mở VNeID", "Mở vê en ê ai đi")]
    [InlineData("UBND phường", "ủy ban nhân dân phường")]
    [InlineData("mã OTP", "mã ô tê pê")]
    [InlineData("quét mã QR", "quét mã kiu a")]
    [InlineData("Kết nối Wi-Fi", "Kết nối oai phai")]
    [InlineData("bật wifi", "bật oai phai")]
    [InlineData("tải App về", "tải áp về")]
    [InlineData("mở app ngân hàng", "mở áp ngân hàng")]
    [InlineData("mạng 4G", "mạng bốn gờ")]
    // words that only look like them are left alone
    [InlineData("Apple và Happy", "Apple và Happy")]
    [InlineData("QRcode", "QRcode")]
    [InlineData("  Xin   chào  ", "Xin chào")]
    [InlineData("", "")]
    public void Reads_numbers_dates_money_phones_and_abbreviations_as_residents_say_them(string text, string spoken) =>
        Assert.Equal(spoken, SpeechText.Normalize(text));

    [Theory]
    [InlineData(0, "không")]
    [InlineData(10, "mười")]
    [InlineData(11, "mười một")]
    [InlineData(15, "mười lăm")]
    [InlineData(51, "năm mươi mốt")]
    [InlineData(1000, "một ngàn")]
    [InlineData(1_000_001, "một triệu không trăm lẻ một")]
    [InlineData(3_000_000_000, "ba tỷ")]
    public void Numbers_in_words(long n, string words) => Assert.Equal(words, VietnameseNumbers.Words(n));

    [Fact]
    public void Never_throws_for_odd_text()
    {
        foreach (var text in new[] { "99/99/2025", "25:99", "0", "00000000000000000000000", "1,", "đ", "%", "12345678901234567890 đ" })
            Assert.NotNull(SpeechText.Normalize(text));
    }
}
