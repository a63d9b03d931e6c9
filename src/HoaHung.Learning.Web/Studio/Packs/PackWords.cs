using HoaHung.Learning.Packs;
using HoaHung.Learning.Web.Content;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Studio.Packs;

/// <summary>
/// A pack's refusals in the reader's language: <see cref="PackReasons"/> from the pack page's resources, the media
/// library's and the studio's keys from the studio's (the same sentence the studio shows for the same refusal), and
/// the content reader's reasons an argument carries (<see cref="PackReasons.Content"/>) by <see cref="ContentWords"/>.
/// </summary>
public sealed class PackWords(IStringLocalizer<PacksResource> packs, IStringLocalizer<StudioResource> studio, ContentWords content)
{
    public string Message(PackProblem problem)
    {
        var words = problem.Reason.StartsWith("Packs.", StringComparison.Ordinal) ? packs : (IStringLocalizer)studio;
        var text = words[problem.Reason, [.. problem.Args.Select(content.Argument)]];
        return text.ResourceNotFound ? problem.ToString() : text.Value;
    }

    /// <summary>"lessons/a/index.md: …", or the message alone for the pack itself.</summary>
    public string Line(PackProblem problem) => problem.Path.Length == 0 ? Message(problem) : $"{problem.Path}: {Message(problem)}";

    public IReadOnlyList<PackProblemText> Texts(IEnumerable<PackProblem> problems) =>
        [.. problems.Select(p => new PackProblemText(p.Path, Message(p)))];
}

/// <summary>A refusal as the pack page shows it: the entry or file (empty for the whole pack) and the sentence.</summary>
public sealed record PackProblemText(string Path, string Message);
