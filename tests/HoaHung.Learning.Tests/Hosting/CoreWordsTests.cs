using System.Text;
using System.Text.RegularExpressions;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Issue 21, item 6: the core returns reasons (keys and their arguments) and the web words them from its resources,
/// so a sentence a person reads is written once, in both languages. No string literal of src/HoaHung.Learning holds a
/// Vietnamese letter, except the language data below and the files still to convert (a list that may only shrink:
/// a file that no longer needs its place fails too, so it is taken off).
/// </summary>
public sealed partial class CoreWordsTests
{
    /// <summary>Vietnamese as data, not sentences to a person: what is read aloud, the words the checks know, data values.</summary>
    private static readonly string[] LanguageData =
    [
        "ReadAloud/SpeechText.cs", "ReadAloud/VietnameseNumbers.cs", "ReadAloud/ReadingParts.cs", // the text the voice speaks
        "Studio/Checks/VietnameseText.cs", // abbreviations the sentence counter knows ("TP.", "KP.")
        "WardStats/OpenData.cs", // values of the open data set ("Toàn phường"), the same in every language
        "Accounts/AccountsOptions.cs", // the default khu phố names, configuration
        "Markdown/Rendering/ContainerRenderer.cs", "Markdown/MediaMarkup.cs", // labels inside a lesson's own Vietnamese HTML
        "Xapi/XapiStatements.cs", // the statements' vi-VN language maps (site, verb and session names): data an LRS stores
    ];

    /// <summary>Refusals still worded in the core: to convert (none left; a file that needs a place here fails the test).</summary>
    private static readonly string[] StillToConvert = [];

    [GeneratedRegex(@"[\u00C0-\u024F\u1E00-\u1EFF]")]
    private static partial Regex VietnameseLetter();

    [Fact]
    public void No_string_literal_of_the_core_holds_a_Vietnamese_sentence()
    {
        var core = Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning");
        var offenders = new List<string>();
        var worded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(core, f).Split(Path.DirectorySeparatorChar).Any(p => p is "obj" or "bin" or "Migrations")))
        {
            var name = Path.GetRelativePath(core, file).Replace(Path.DirectorySeparatorChar, '/');
            var hits = Literals(File.ReadAllText(file)).Where(l => VietnameseLetter().IsMatch(l)).ToList();
            if (hits.Count == 0)
                continue;
            worded.Add(name);
            if (!LanguageData.Contains(name) && !StillToConvert.Contains(name))
                offenders.AddRange(hits.Select(h => $"{name}: {h}"));
        }
        Assert.True(offenders.Count == 0,
            "Return a reason key (and its arguments) and word it in the web layer's .resx instead:\n" + string.Join("\n", offenders));
        Assert.Empty(StillToConvert.Except(worded)); // converted: take it off the list
    }

    [Fact]
    public void The_scan_finds_literals_and_skips_comments()
    {
        const string code = """"
            // "câu hỏi" in a comment
            /// <summary>"Của tôi"</summary>
            /* "Mẹo" */
            var a = "tệp quá lớn";
            var b = $"tối đa {n} câu";
            var c = @"C:\""đường""";
            var d = '"'; var e = "plain";
            """";
        Assert.Equal(["\"tệp quá lớn\"", "\"tối đa {n} câu\"", "\"C:\\\"\"đường\"\"\""], Literals(code).Where(l => VietnameseLetter().IsMatch(l)));
        Assert.Contains("\"plain\"", Literals(code));
    }

    /// <summary>The string literals of C# source (regular, verbatim, interpolated, raw), comments and char literals skipped.</summary>
    private static List<string> Literals(string src)
    {
        var found = new List<string>();
        var i = 0;
        while (i < src.Length)
        {
            if (At(src, i, "//"))
                i = src.IndexOf('\n', i) is var end and >= 0 ? end : src.Length;
            else if (At(src, i, "/*"))
                i = src.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : src.Length;
            else if (src[i] == '\'' && CharLiteral().Match(src, i) is { Success: true, Index: var at } m && at == i)
                i += m.Length;
            else if (StringStart(src, i) is { } start)
            {
                var (text, next) = ReadString(src, start, verbatim: src.AsSpan(i, start - i).Contains('@'));
                found.Add(text);
                i = next;
            }
            else
                i++;
        }
        return found;
    }

    [GeneratedRegex(@"'(?:\\[^']+|[^'\\])'")]
    private static partial Regex CharLiteral();

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    /// <summary>The index of the opening quote when a string literal starts at <paramref name="i"/> (after any $ and @).</summary>
    private static int? StringStart(string s, int i)
    {
        var j = i;
        while (j < s.Length && s[j] is '$' or '@')
            j++;
        return j < s.Length && s[j] == '"' ? j : null;
    }

    private static (string Text, int Next) ReadString(string s, int quote, bool verbatim)
    {
        if (At(s, quote, "\"\"\""))
        {
            var close = s.IndexOf("\"\"\"", quote + 3, StringComparison.Ordinal);
            var end = close < 0 ? s.Length : close + 3;
            return (s[quote..end], end);
        }
        var text = new StringBuilder("\"");
        var k = quote + 1;
        while (k < s.Length)
        {
            if (verbatim && At(s, k, "\"\""))
            {
                text.Append("\"\"");
                k += 2;
            }
            else if (!verbatim && s[k] == '\\' && k + 1 < s.Length)
            {
                text.Append(s, k, 2);
                k += 2;
            }
            else if (s[k] == '"')
                break;
            else
                text.Append(s[k++]);
        }
        return (text.Append('"').ToString(), Math.Min(k + 1, s.Length));
    }
}
