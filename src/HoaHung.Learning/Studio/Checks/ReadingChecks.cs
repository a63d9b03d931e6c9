using System.Text.RegularExpressions;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Studio.Checks;

/// <summary>
/// What makes a lesson hard for an older reader, checked while the author writes: pure logic over the Markdown
/// (parsed by the same pipeline as the public page) and the metadata, cheap enough to run after every pause in typing
/// (measured: see the studio's closing note). Pictures, captions and missing files block "Gửi duyệt", because they
/// break the lesson for somebody; the rest are advice.
/// </summary>
/// <remarks>
/// No picture is treated as decorative. Markdown has no way to mark one, an empty description is exactly what a
/// forgotten one looks like, and a picture in a lesson is there to teach (usually a screenshot); one that teaches
/// nothing costs a resident on slow mobile data a download for nothing. The cover picture is metadata (for link
/// previews) and is not checked.
/// </remarks>
public static partial class ReadingChecks
{
    public const int MaxSentenceWords = 25;
    public const int MaxParagraphWords = 80;
    private const int QuoteLength = 60;

    private static readonly MarkdownPipeline Pipeline = LessonPipeline.Build();

    // Compared folded (no accents, lower case), so "Bấm vào ĐÂY" and "bam vao day" both match.
    private static readonly HashSet<string> VagueLinkTexts =
    [
        "bam vao day", "nhan vao day", "bam day", "nhan day", "tai day", "o day", "vao day", "day", "xem them", "xem tai day",
        "xem o day", "bam vao", "nhan vao", "chi tiet", "xem chi tiet", "link", "lien ket", "duong link", "duong dan",
        "click", "click here", "click vao day", "here", "read more", "more", "this link",
    ];

    private static readonly HashSet<string> VagueDescriptions =
    [
        "anh", "hinh", "hinh anh", "buc anh", "tam anh", "anh chup", "anh chup man hinh", "man hinh", "minh hoa", "anh minh hoa",
        "image", "picture", "photo", "screenshot",
    ];

    /// <param name="library">The lesson's media library: path → kind.</param>
    public static IReadOnlyList<LessonIssue> Run(LessonContent content, IReadOnlyDictionary<string, MediaKind> library)
    {
        var issues = new List<LessonIssue>();
        if (content.Summary.Trim().Length == 0)
            issues.Add(new LessonIssue(IssueKeys.EmptySummary, Blocks: true, Field: IssueFields.Summary));
        CheckFrontMatterMedia(content, library, issues);

        var text = InputScreen.Clean(content.Body);
        if (InputScreen.Problem(text) is not null)
        {
            issues.Add(new LessonIssue(IssueKeys.UnreadableBody, Blocks: true, Line: 1));
            return issues;
        }
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            issues.Add(new LessonIssue(IssueKeys.UnreadableBody, Blocks: true, Line: 1));
            return issues;
        }

        CheckHeadings(document, issues);
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
            CheckProse(paragraph, issues);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage) CheckMedia(link, library, issues);
            else CheckLinkText(link, issues);
        }
        CheckSteps(document, issues);
        return issues.OrderBy(i => i.Line ?? 0).ThenByDescending(i => i.Blocks).ToList();
    }

    private static void CheckFrontMatterMedia(LessonContent content, IReadOnlyDictionary<string, MediaKind> library, List<LessonIssue> issues)
    {
        if (content.VideoPath is { } video)
        {
            if (!IsKind(library, video, MediaKind.Video))
                issues.Add(new LessonIssue(IssueKeys.MissingFile, Blocks: true, Field: IssueFields.Video, Detail: video));
            else if (content.CaptionsPath is not { } captions || !IsKind(library, captions, MediaKind.Captions))
                issues.Add(new LessonIssue(IssueKeys.VideoWithoutCaptions, Blocks: true, Field: IssueFields.Video, Detail: video));
        }
        foreach (var picture in new[] { content.CoverPath, content.PosterPath })
            if (picture is not null && !IsKind(library, picture, MediaKind.Image))
                issues.Add(new LessonIssue(IssueKeys.MissingFile, Blocks: false, Field: IssueFields.Cover, Detail: picture));
    }

    /// <summary>The page owns the h1; like the public page, a body that uses "#" is moved down one level first.</summary>
    private static void CheckHeadings(MarkdownDocument document, List<LessonIssue> issues)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        var shift = headings.Exists(h => h.Level == 1) ? 1 : 0;
        var previous = 1;
        foreach (var heading in headings)
        {
            var level = Math.Clamp(heading.Level + shift, 2, 6);
            if (level > previous + 1)
                issues.Add(new LessonIssue(IssueKeys.HeadingSkipsLevel, Blocks: false, Line: heading.Line + 1,
                    Args: [heading.Level, previous + 1 - shift], Detail: Quote(InlineText.Of(heading.Inline))));
            previous = level;
        }
    }

    private static void CheckProse(ParagraphBlock paragraph, List<LessonIssue> issues)
    {
        var prose = ProseText.Of(paragraph.Inline, paragraph.Line);
        var text = prose.Text;
        var words = VietnameseText.CountWords(text);
        if (words > MaxParagraphWords)
            issues.Add(new LessonIssue(IssueKeys.LongParagraph, Blocks: false, Line: paragraph.Line + 1, Args: [words, MaxParagraphWords],
                Detail: Quote(text.Trim())));
        if (words <= MaxSentenceWords)
            return;
        foreach (var (start, length) in VietnameseText.Sentences(text))
        {
            var sentence = text.AsSpan(start, length);
            var count = VietnameseText.CountWords(sentence);
            if (count > MaxSentenceWords)
                issues.Add(new LessonIssue(IssueKeys.LongSentence, Blocks: false, Line: prose.LineAt(start) + 1,
                    Args: [count, MaxSentenceWords], Detail: Quote(sentence.ToString())));
        }
    }

    private static void CheckMedia(LinkInline image, IReadOnlyDictionary<string, MediaKind> library, List<LessonIssue> issues)
    {
        var line = image.Line + 1;
        var description = InlineText.Of(image).Trim();
        switch (MediaTarget.From(image.Url))
        {
            case MediaTarget.LocalImage local:
                if (!IsKind(library, local.Path, MediaKind.Image))
                    issues.Add(new LessonIssue(IssueKeys.MissingFile, Blocks: true, Line: line, Detail: local.Path));
                if (description.Length == 0)
                    issues.Add(new LessonIssue(IssueKeys.PictureWithoutDescription, Blocks: true, Line: line, Detail: local.Path));
                else if (IsVagueDescription(description))
                    issues.Add(new LessonIssue(IssueKeys.PictureVagueDescription, Blocks: false, Line: line, Detail: description));
                break;
            case MediaTarget.LocalVideo local:
                if (!IsKind(library, local.Path, MediaKind.Video))
                    issues.Add(new LessonIssue(IssueKeys.MissingFile, Blocks: true, Line: line, Detail: local.Path));
                else if (!IsKind(library, MediaTarget.CaptionsPathFor(local.Path), MediaKind.Captions))
                    issues.Add(new LessonIssue(IssueKeys.VideoWithoutCaptions, Blocks: true, Line: line, Detail: local.Path));
                break;
            case MediaTarget.UnsafePath or MediaTarget.Refused:
                issues.Add(new LessonIssue(IssueKeys.MissingFile, Blocks: true, Line: line, Detail: Quote(image.Url ?? "")));
                break;
        }
    }

    private static void CheckLinkText(LinkInline link, List<LessonIssue> issues)
    {
        var text = InlineText.Of(link).Trim();
        if (VagueLinkTexts.Contains(TextFolding.Fold(text)))
            issues.Add(new LessonIssue(IssueKeys.VagueLinkText, Blocks: false, Line: link.Line + 1, Detail: text));
    }

    /// <summary>Each step of a <c>:::steps</c> list should show what the screen looks like at that step.</summary>
    private static void CheckSteps(MarkdownDocument document, List<LessonIssue> issues)
    {
        foreach (var steps in document.Descendants<CustomContainer>())
        {
            if (!string.Equals(steps.Info?.Trim(), "steps", StringComparison.OrdinalIgnoreCase))
                continue;
            var number = 0;
            foreach (var list in steps.OfType<ListBlock>())
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    number++;
                    if (!item.Descendants<LinkInline>().Any(l => l.IsImage && MediaTarget.From(l.Url) is not (MediaTarget.Refused or MediaTarget.UnsafePath)))
                        issues.Add(new LessonIssue(IssueKeys.StepWithoutPicture, Blocks: false, Line: item.Line + 1, Args: [number]));
                }
            }
        }
    }

    private static bool IsKind(IReadOnlyDictionary<string, MediaKind> library, string path, MediaKind kind) =>
        library.TryGetValue(path, out var k) && k == kind;

    private static bool IsVagueDescription(string description) =>
        VagueDescriptions.Contains(TextFolding.Fold(description)) || FileNameLike().IsMatch(description);

    private static string Quote(string text)
    {
        var one = string.Join(' ', text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= QuoteLength ? one : one[..QuoteLength].TrimEnd() + "…";
    }

    [GeneratedRegex(@"^(?:[\w-]+\.(?:png|jpe?g|webp|gif|heic)|(?:img|dsc|pxl|screenshot)[_ -]?\d[\w-]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNameLike();
}
