using System.Globalization;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Text;
using HoaHung.Learning.Web.Studio;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Content;

/// <summary>
/// The core's content reasons in the reader's language: <see cref="ContentReasons"/>, <see cref="Learning.Quizzes.QuizReasons"/> and
/// <see cref="YamlReasons"/> from <c>Resources/Content/ContentResource.resx</c>, the media library's keys from the
/// studio's (the sentence the studio shows for the same refusal). An argument that is a reason is worded the same
/// way, a list of reasons one by one, joined with "; ". Used by the content import's report (start-up log, command
/// line), the pack import (<see cref="Studio.Packs.PackWords"/>) and the studio's quiz builder.
/// </summary>
public sealed class ContentWords(IStringLocalizer<ContentResource> content, IStringLocalizer<StudioResource> studio)
{
    public string Word(Reason reason)
    {
        var words = IsContentKey(reason.Key) ? content : (IStringLocalizer)studio;
        var text = words[reason.Key, [.. reason.Args.Select(Argument)]];
        return text.ResourceNotFound ? reason.ToString() : text.Value;
    }

    /// <summary>An argument as it goes into a sentence: a reason worded, a list of reasons worded and joined.</summary>
    public object Argument(object arg) => arg switch
    {
        Reason reason => Word(reason),
        IEnumerable<Reason> reasons => string.Join("; ", reasons.Select(Word)),
        _ => arg,
    };

    /// <summary>The file, and for one topic of topics.yml its number: "…/topics.yml (chủ đề thứ 2)".</summary>
    public string Place(ContentProblem problem) =>
        problem.Topic is { } topic ? content[ContentReasons.TopicPlace, problem.Path, topic].Value : problem.Path;

    /// <summary>"…/index.md: thiếu tiêu đề (title) …": the place and the sentence.</summary>
    public string Line(ContentProblem problem) => $"{Place(problem)}: {Word(problem.Reason)}";

    /// <summary>
    /// <paramref name="text"/> worded in Vietnamese whatever the request's language: the content import's report is
    /// read by the ward's technician and the volunteers (the start-up log, the command line).
    /// </summary>
    public static string InVietnamese(Func<string> text) => InCulture("vi", text);

    /// <summary><paramref name="text"/> worded, and its numbers written, in <paramref name="culture"/> ("vi", "en").</summary>
    public static string InCulture(string culture, Func<string> text)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static bool IsContentKey(string key) =>
        key.StartsWith("Content.", StringComparison.Ordinal) || key.StartsWith("Quiz.Problem.", StringComparison.Ordinal)
        || key.StartsWith("Yaml.", StringComparison.Ordinal);
}
