using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HoaHung.Learning.ReadAloud;

/// <summary>
/// Lesson text made ready to be spoken by a Vietnamese voice (the phone's or espeak-ng's): numbers, dates, times, money,
/// phone numbers (read digit by digit, in groups) and the abbreviations of this library in words, the way residents
/// say them. Pure; never throws for any text (docs/architecture.md §10).
/// </summary>
public static partial class SpeechText
{
    // Said as residents of the ward say them (asked of the ward's volunteers; "áp" and "oai phai" are how the classes say it).
    private static readonly (Regex Pattern, string Words)[] Abbreviations =
    [
        (new(@"(?<![\p{L}\p{N}])VNeID(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "vê en ê ai đi"),
        (new(@"(?<![\p{L}\p{N}])UBND(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "ủy ban nhân dân"),
        (new(@"(?<![\p{L}\p{N}])CCCD(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "căn cước công dân"),
        (new(@"(?<![\p{L}\p{N}])TP\.? ?HCM(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "thành phố Hồ Chí Minh"),
        (new(@"(?<![\p{L}\p{N}])OTP(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "ô tê pê"),
        (new(@"(?<![\p{L}\p{N}])(?:QR|VietQR)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "kiu a"),
        (new(@"(?<![\p{L}\p{N}])[Ww]i[- ‑]?[Ff]i(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "oai phai"),
        (new(@"(?<![\p{L}\p{N}])[Aa]pp(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "áp"),
        (new(@"(?<![\p{L}\p{N}])([345])G(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "$1 gờ"),
        (new(@"(?<![\p{L}\p{N}])MB(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "mê ga bai"),
        (new(@"(?<![\p{L}\p{N}])SMS(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), "tin nhắn"),
    ];

    private static readonly string[] MonthNames =
        ["", "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"];

    /// <summary>The text as words a voice reads well. Text without numbers or abbreviations comes back with only its spaces tidied.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var s = text.Normalize(NormalizationForm.FormC);
        foreach (var (pattern, words) in Abbreviations)
            s = pattern.Replace(s, words);
        s = PhoneNumber().Replace(s, m => Phone(m.Value));
        s = Hotline().Replace(s, m => VietnameseNumbers.DigitByDigit(m.Value));
        s = Date().Replace(s, DateWords);
        s = Time().Replace(s, TimeWords);
        s = Money().Replace(s, m => Amount(m.Groups["n"].Value) + " đồng");
        s = Percent().Replace(s, m => Amount(m.Groups["n"].Value) + " phần trăm");
        s = Number().Replace(s, m => Amount(m.Value));
        s = s.Replace("&", " và ", StringComparison.Ordinal).Replace("→", ", ", StringComparison.Ordinal);
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>"0901 234 567" → "không chín không một, hai ba bốn, năm sáu bảy": the groups as written, or 4-3-3 when written together.</summary>
    private static string Phone(string written)
    {
        var groups = written.Split([' ', '.', '-'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (groups.Count == 1)
        {
            var d = groups[0];
            groups = d.Length <= 4 ? [d] : [d[..4], .. Chunks(d[4..], 3)];
        }
        return string.Join(", ", groups.Select(VietnameseNumbers.DigitByDigit));
    }

    // Groups of three; a last group of one digit joins the one before it ("567 8" is said as one group "5678").
    private static IEnumerable<string> Chunks(string digits, int size)
    {
        var groups = new List<string>();
        for (var i = 0; i < digits.Length; i += size)
            groups.Add(digits.Substring(i, Math.Min(size, digits.Length - i)));
        if (groups.Count > 1 && groups[^1].Length == 1)
        {
            groups[^2] += groups[^1];
            groups.RemoveAt(groups.Count - 1);
        }
        return groups;
    }

    private static string DateWords(Match m)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31 || month is < 1 or > 12)
            return m.Value.Replace("/", " trên ", StringComparison.Ordinal);
        var words = new StringBuilder();
        if (!m.Groups["said"].Success) words.Append("ngày ");
        else words.Append(m.Groups["said"].Value);
        words.Append(VietnameseNumbers.Words(day)).Append(" tháng ").Append(MonthNames[month]);
        if (m.Groups["y"].Success)
            words.Append(" năm ").Append(VietnameseNumbers.Words(long.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)));
        return words.ToString();
    }

    private static string TimeWords(Match m)
    {
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 24 || minute > 59)
            return m.Value;
        var words = VietnameseNumbers.Words(hour) + " giờ";
        return minute == 0 ? words : words + " " + VietnameseNumbers.Words(minute) + " phút";
    }

    /// <summary>"456.000" (dots group thousands) or "1,5" (comma before decimals) or "0123" (leading zero: digit by digit).</summary>
    private static string Amount(string written)
    {
        var parts = written.Split(',', 2);
        var whole = parts[0].Replace(".", "", StringComparison.Ordinal);
        string words;
        if (whole.Length > 1 && whole[0] == '0' || whole.Length > 15)
            words = VietnameseNumbers.DigitByDigit(whole);
        else
            words = VietnameseNumbers.Words(long.Parse(whole, CultureInfo.InvariantCulture));
        if (parts.Length == 2 && parts[1].Length > 0)
            words += " phẩy " + (parts[1].Length <= 2 && parts[1][0] != '0'
                ? VietnameseNumbers.Words(long.Parse(parts[1], CultureInfo.InvariantCulture))
                : VietnameseNumbers.DigitByDigit(parts[1]));
        return words;
    }

    // A mobile or landline number: 0 then 9–10 more digits, written together or in groups of 2–4 (spaces, dots, dashes);
    // and 1800/1900 service numbers.
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?:0\d{2,3}(?:[ .\-]\d{3,4}){2}|0\d{9,10}|1[89]00[ .\-]?\d{3,4}(?:[ .\-]?\d{2,4})?)(?![\p{L}\p{N}]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    // Emergency and ward hotlines, said digit by digit: 111, 113, 114, 115, 1022.
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?:11[1345]|1022)(?![\p{L}\p{N}]|[.,]\d|\s?(?:đ|đồng|%|ngàn|nghìn|triệu))", RegexOptions.CultureInvariant)]
    private static partial Regex Hotline();

    [GeneratedRegex(@"(?<said>\bngày )?(?<![\p{L}\p{N}/])(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{4}))?(?![\p{L}\p{N}/])", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"(?<![\p{L}\p{N}:])(?<h>\d{1,2})(?:(?::|h)(?<min>\d{2})|h)(?![\p{L}\p{N}:])", RegexOptions.CultureInvariant)]
    private static partial Regex Time();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<n>(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)\s?(?:đồng|đ|VNĐ|VND|vnđ)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<n>\d+(?:,\d+)?)\s?%", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
