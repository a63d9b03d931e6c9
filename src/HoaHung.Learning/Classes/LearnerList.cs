using HoaHung.Learning.Accounts;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Classes;

/// <summary>One learner to create, from one pasted line.</summary>
public sealed record LearnerLine(int Line, string DisplayName, string? Phone);

/// <summary>Why a pasted line cannot become an account (a localization key), with the line as typed.</summary>
public sealed record LineProblem(int Line, string Text, string ReasonKey);

/// <summary>
/// The trainer's pasted list of residents without a phone or e-mail: one per line, a name, optionally followed by
/// a comma, semicolon or tab and a phone number. Pure, so it is tested on its own.
/// </summary>
public static class LearnerList
{
    public const int MaxLines = 60;
    public const string NameInvalid = "Classes.Bulk.NameInvalid";
    public const string PhoneInvalid = "Classes.Bulk.PhoneInvalid";
    public const string TooMany = "Classes.Bulk.TooMany";
    public const string Empty = "Classes.Bulk.Empty";
    public const string PhoneTaken = "Classes.Bulk.PhoneTaken";
    public const string PhoneTwice = "Classes.Bulk.PhoneTwice";

    public static (IReadOnlyList<LearnerLine> Learners, IReadOnlyList<LineProblem> Problems) Parse(string? text)
    {
        var learners = new List<LearnerLine>();
        var problems = new List<LineProblem>();
        var lines = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            if (string.IsNullOrWhiteSpace(raw))
                continue;
            var shown = raw.Length > 120 ? raw[..120] : raw;
            if (learners.Count + problems.Count == MaxLines)
            {
                problems.Add(new LineProblem(i + 1, shown, TooMany));
                break;
            }
            var cut = raw.LastIndexOfAny([',', ';', '\t']);
            var (name, nameError) = DisplayNames.Normalize(cut < 0 ? raw : raw[..cut]);
            var phoneText = cut < 0 ? null : raw[(cut + 1)..].Trim();
            string? phone = null;
            if (!string.IsNullOrEmpty(phoneText) && (phone = SignInNames.NormalizePhone(phoneText)) is null)
                problems.Add(new LineProblem(i + 1, shown, PhoneInvalid));
            else if (phone is not null && learners.Any(l => l.Phone == phone))
                problems.Add(new LineProblem(i + 1, shown, PhoneTwice)); // a phone number is one account
            else if (nameError is not null)
                problems.Add(new LineProblem(i + 1, shown, NameInvalid));
            else
                learners.Add(new LearnerLine(i + 1, name!, phone));
        }
        if (learners.Count == 0 && problems.Count == 0)
            problems.Add(new LineProblem(0, "", Empty));
        return (learners, problems);
    }

    /// <summary>
    /// A short username a resident can type on a card: her given name (the last word) and the initials of the
    /// others, folded to ASCII: "Nguyễn Văn Tư" is <c>tunv</c>. Always a valid <see cref="SignInNames"/> username.
    /// </summary>
    public static string BaseUserName(string displayName)
    {
        var words = TextFolding.Words(displayName).Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0 && char.IsAsciiLetter(w[0])).ToList();
        if (words.Count == 0)
            return "hocvien";
        var given = words[^1];
        var name = given + string.Concat(words.Take(words.Count - 1).Select(w => w[0]));
        name = name.Length > 20 ? name[..20] : name;
        return name.Length < 3 ? name + "hv" : name;
    }

    /// <summary>The first of <c>base</c>, <c>base2</c>, <c>base3</c>… not in <paramref name="taken"/>.</summary>
    public static string FreeUserName(string baseName, ISet<string> taken)
    {
        if (!taken.Contains(baseName))
            return baseName;
        for (var n = 2; ; n++)
            if (!taken.Contains(baseName + n))
                return baseName + n;
    }
}
