using HoaHung.Learning.Packs;
using HoaHung.Learning.Web.Content;
using HoaHung.Learning.Web.Studio;
using HoaHung.Learning.Web.Studio.Packs;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>A pack problem as the pack page words it, from the site's own resources: what the author reads.</summary>
internal static class PackText
{
    private static readonly PackWords Words = new(
        new StringLocalizer<PacksResource>(ContentPacks.ContentText.Factory), new StringLocalizer<StudioResource>(ContentPacks.ContentText.Factory),
        ContentPacks.ContentText.Words);

    /// <summary>"path: sentence" (or the sentence alone) in <paramref name="culture"/>, Vietnamese by default.</summary>
    public static string Of(PackProblem? problem, string culture = "vi")
    {
        Assert.NotNull(problem);
        return ContentWords.InCulture(culture, () => Words.Line(problem));
    }
}
