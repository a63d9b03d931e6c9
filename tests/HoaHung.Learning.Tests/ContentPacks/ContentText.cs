using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Text;
using HoaHung.Learning.Web.Content;
using HoaHung.Learning.Web.Studio;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Tests.ContentPacks;

/// <summary>A content problem as the import's report words it, from the site's own resources: what the author reads.</summary>
internal static class ContentText
{
    /// <summary>The site's resources, read as the site reads them (shared with <see cref="Packs.PackText"/>).</summary>
    internal static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    public static ContentWords Words { get; } = new(new StringLocalizer<ContentResource>(Factory), new StringLocalizer<StudioResource>(Factory));

    /// <summary>The sentence of <paramref name="problem"/> in <paramref name="culture"/>, Vietnamese by default.</summary>
    public static string Of(ContentProblem problem, string culture = "vi") => ContentWords.InCulture(culture, () => Words.Word(problem.Reason));

    /// <summary>The sentence of <paramref name="reason"/> in <paramref name="culture"/>, Vietnamese by default.</summary>
    public static string Of(Reason reason, string culture = "vi") => ContentWords.InCulture(culture, () => Words.Word(reason));

    /// <summary>"…/topics.yml (chủ đề thứ 2)": the place as the report names it.</summary>
    public static string Place(ContentProblem problem, string culture = "vi") => ContentWords.InCulture(culture, () => Words.Place(problem));

    /// <summary>"place: sentence", as the command line prints it.</summary>
    public static string Line(ContentProblem problem, string culture = "vi") => ContentWords.InCulture(culture, () => Words.Line(problem));
}
