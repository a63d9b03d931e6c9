using System.Text;

namespace HoaHung.Learning.ReadAloud;

/// <summary>
/// Numbers in words as residents of Ho Chi Minh City say them: "ngàn" (not "nghìn"), "lẻ" (not "linh"), "mốt" and
/// "lăm" after "mươi", "mười lăm".
/// </summary>
public static class VietnameseNumbers
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] Scales = ["", "ngàn", "triệu", "tỷ"];

    /// <summary>One digit's word ("0" → "không").</summary>
    public static string Digit(char c) => Digits[c - '0'];

    /// <summary>Each digit in turn: "0901" → "không chín không một".</summary>
    public static string DigitByDigit(string digits) => string.Join(' ', digits.Where(char.IsAsciiDigit).Select(Digit));

    /// <summary>0 ≤ n &lt; 10^15: "456000" → "bốn trăm năm mươi sáu ngàn"; "1005" → "một ngàn không trăm lẻ năm".</summary>
    public static string Words(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
            return Digits[0];
        if (n >= 1_000_000_000_000)
        {
            // Above a thousand billion: "ngàn tỷ", "triệu tỷ".
            var high = n / 1_000_000_000;
            var low = n % 1_000_000_000;
            return Join(Words(high) + " tỷ", low == 0 ? "" : Groups(low, full: true));
        }
        return Groups(n, full: false);
    }

    private static string Join(string a, string b) => b.Length == 0 ? a : a + " " + b;

    // Groups of three digits from the top; a group after a higher one is read in full ("không trăm lẻ năm").
    private static string Groups(long n, bool full)
    {
        var groups = new List<int>();
        for (var rest = n; rest > 0; rest /= 1000)
            groups.Add((int)(rest % 1000));
        if (full)
            while (groups.Count < 3) groups.Add(0);
        var words = new StringBuilder();
        var started = full;
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var g = groups[i];
            if (g == 0)
                continue;
            if (words.Length > 0) words.Append(' ');
            words.Append(Hundreds(g, started));
            if (Scales[i].Length > 0) words.Append(' ').Append(Scales[i]);
            started = true;
        }
        return words.ToString();
    }

    private static string Hundreds(int n, bool full)
    {
        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var units = n % 10;
        var parts = new List<string>();
        if (hundreds > 0 || full)
            parts.Add(Digits[hundreds] + " trăm");
        if (tens == 0)
        {
            if (units > 0)
                parts.Add(parts.Count > 0 ? "lẻ " + Digits[units] : Digits[units]);
        }
        else if (tens == 1)
        {
            parts.Add("mười");
            if (units > 0) parts.Add(units == 5 ? "lăm" : Digits[units]);
        }
        else
        {
            parts.Add(Digits[tens] + " mươi");
            if (units > 0) parts.Add(units switch { 1 => "mốt", 5 => "lăm", _ => Digits[units] });
        }
        return string.Join(' ', parts);
    }
}
