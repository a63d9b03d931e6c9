using System.Text.RegularExpressions;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Tests.Infrastructure;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Tests.Content;

/// <summary>
/// The seed library in content/ is what a ward publishes on its first day: it must import cleanly and be
/// complete, readable and self-consistent. Each check names the lesson and what to fix.
/// </summary>
public sealed partial class SeedLibraryQualityTests
{
    /// <summary>Older readers lose the thread in long sentences; 25 words is the limit the writers keep to.</summary>
    private const int MaxWordsPerSentence = 25;
    private const long MaxPictureBytes = 150 * 1024;
    private const long MaxVideoBytes = 2 * 1024 * 1024;

    private static readonly ContentSet Library = new ContentReader(new LessonMarkdown()).Read(TestEnvironment.ContentDirectory);
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseCustomContainers().UsePipeTables().Build();

    [Fact]
    public void Every_file_of_the_library_imports_without_a_problem() =>
        Assert.True(Library.Problems.Count == 0, string.Join("\n", Library.Problems));

    [Fact]
    public void The_library_covers_six_topics_with_at_least_three_lessons_each_and_three_paths()
    {
        Assert.True(Library.Topics.Count >= 6);
        Assert.True(Library.Lessons.Count >= 24, $"{Library.Lessons.Count} lessons");
        foreach (var topic in Library.Topics)
            Assert.True(Library.Lessons.Count(l => l.Content.Topic == topic.Slug) >= 3, $"topic {topic.Slug} has fewer than 3 lessons");
        Assert.True(Library.Paths.Count >= 3);
        Assert.All(Library.Paths, p => Assert.InRange(p.Lessons.Count, 4, 8));
        var videos = Library.Lessons.Where(l => l.Content.Type == LessonType.Video).ToList();
        Assert.True(videos.Count >= 6);
        Assert.All(Library.Topics, t => Assert.Contains(videos, v => v.Content.Topic == t.Slug));
    }

    [Fact]
    public void Every_picture_has_alt_text_and_every_tutorial_step_has_a_picture()
    {
        var problems = new List<string>();
        foreach (var lesson in Library.Lessons)
        {
            var doc = Markdig.Markdown.Parse(lesson.Content.Body, Pipeline);
            foreach (var image in doc.Descendants<LinkInline>().Where(l => l.IsImage))
            {
                if (string.IsNullOrWhiteSpace(string.Concat(image.Descendants<LiteralInline>().Select(t => t.Content.ToString()))))
                    problems.Add($"{lesson.Slug}: picture {image.Url} has no alt text");
            }
            if (lesson.Content.Type != LessonType.Tutorial)
                continue;
            var steps = doc.Descendants<CustomContainer>().Where(c => c.Info == "steps").SelectMany(c => c.Descendants<ListItemBlock>())
                .Where(li => li.Parent?.Parent is CustomContainer).ToList();
            if (steps.Count == 0)
                problems.Add($"{lesson.Slug}: a tutorial without a :::steps block");
            for (var i = 0; i < steps.Count; i++)
            {
                if (!steps[i].Descendants<LinkInline>().Any(l => l.IsImage))
                    problems.Add($"{lesson.Slug}: step {i + 1} has no picture");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_lesson_has_what_to_prepare_and_a_summary_to_remember()
    {
        var missing = Library.Lessons
            .Where(l => !l.Content.Body.Contains(":::prepare") || !l.Content.Body.Contains(":::remember"))
            .Select(l => l.Slug).ToList();
        Assert.True(missing.Count == 0, "missing :::prepare or :::remember: " + string.Join(", ", missing));
        Assert.All(Library.Lessons, l => Assert.NotEmpty(l.Content.Tags));
    }

    [Fact]
    public void Every_video_has_Vietnamese_captions_that_fit_the_video_and_the_size_limits()
    {
        var problems = new List<string>();
        foreach (var lesson in Library.Lessons.Where(l => l.Content.VideoPath is not null))
        {
            var video = new FileInfo(lesson.Files[lesson.Content.VideoPath!]);
            if (video.Length > MaxVideoBytes)
                problems.Add($"{lesson.Slug}: {video.Name} is {video.Length / 1024} KB (limit 2 MB)");
            var vtt = File.ReadAllText(lesson.Files[lesson.Content.CaptionsPath!]);
            if (!vtt.TrimStart('\uFEFF').StartsWith("WEBVTT"))
                problems.Add($"{lesson.Slug}: captions do not start with WEBVTT");
            var cues = CueTiming().Matches(vtt).Select(m => (Start: Seconds(m.Groups[1].Value), End: Seconds(m.Groups[2].Value))).ToList();
            if (cues.Count == 0)
                problems.Add($"{lesson.Slug}: captions have no cues");
            else if (cues.Max(c => c.End) > 120)
                problems.Add($"{lesson.Slug}: captions run past 2 minutes");
            if (cues.Zip(cues.Skip(1)).Any(p => p.Second.Start < p.First.Start))
                problems.Add($"{lesson.Slug}: caption cues are out of order");
        }
        foreach (var picture in Directory.EnumerateFiles(Path.Combine(TestEnvironment.ContentDirectory, "lessons"), "*.png", SearchOption.AllDirectories))
        {
            if (new FileInfo(picture).Length > MaxPictureBytes)
                problems.Add($"{picture} is over 150 KB");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_internal_link_points_at_something_that_exists()
    {
        var lessons = Library.Lessons.Select(l => l.Slug).ToHashSet();
        var topics = Library.Topics.Select(t => t.Slug).ToHashSet();
        var paths = Library.Paths.Select(p => p.Slug).ToHashSet();
        var broken = new List<string>();
        foreach (var lesson in Library.Lessons)
        {
            foreach (var link in Markdig.Markdown.Parse(lesson.Content.Body, Pipeline).Descendants<LinkInline>().Where(l => !l.IsImage && l.Url?.StartsWith('/') == true))
            {
                var m = InternalLink().Match(link.Url!);
                var ok = m.Success && m.Groups[1].Value switch
                {
                    "bai-hoc" => lessons.Contains(m.Groups[2].Value),
                    "chu-de" => topics.Contains(m.Groups[2].Value),
                    "lo-trinh" => paths.Contains(m.Groups[2].Value),
                    _ => false,
                };
                if (!ok && link.Url != "/")
                    broken.Add($"{lesson.Slug}: {link.Url}");
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void No_sentence_is_longer_than_the_limit()
    {
        var longSentences = new List<string>();
        foreach (var lesson in Library.Lessons)
        {
            // Each paragraph, list item, heading and table cell on its own; a picture's alt text is not a sentence.
            foreach (var block in Markdig.Markdown.Parse(lesson.Content.Body, Pipeline).Descendants<LeafBlock>().Where(b => b.Inline is not null))
            {
                var text = string.Concat(block.Inline!.Descendants<LiteralInline>()
                    .Where(t => !t.AncestorsAreImage()).Select(t => t.Content.ToString() + " "));
                foreach (var sentence in SentenceEnd().Split(text))
                {
                    var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length > MaxWordsPerSentence)
                        longSentences.Add($"{lesson.Slug} ({words.Length} words): {sentence.Trim()}");
                }
            }
        }
        Assert.True(longSentences.Count == 0, string.Join("\n", longSentences));
    }

    [Fact]
    public void Every_topic_has_a_teaching_quiz_and_every_question_type_is_used()
    {
        var quizzes = Library.Lessons.Where(l => l.QuizJson is not null)
            .Select(l => (Lesson: l, Quiz: HoaHung.Learning.Quizzes.QuizDefinition.FromJson(l.QuizJson)!)).ToList();
        var problems = new List<string>();
        foreach (var topic in Library.Topics.Where(t => !quizzes.Any(q => q.Lesson.Content.Topic == t.Slug)))
            problems.Add($"topic {topic.Slug} has no quiz");
        foreach (var (lesson, quiz) in quizzes)
        {
            if (quiz.Questions.Count < 6)
                problems.Add($"{lesson.Slug}: {quiz.Questions.Count} questions (at least 6)");
            foreach (var option in quiz.Questions.OfType<HoaHung.Learning.Quizzes.ChoiceQuestion>().SelectMany(q => q.Options).Where(o => o.Text.Length > 200))
                problems.Add($"{lesson.Slug}: option too long for a phone: {option.Text}");
        }
        var kinds = quizzes.SelectMany(q => q.Quiz.Questions).Select(q => q.Kind).ToHashSet();
        foreach (var kind in Enum.GetValues<HoaHung.Learning.Quizzes.QuestionKind>().Where(k => !kinds.Contains(k)))
            problems.Add($"no seed question of type {HoaHung.Learning.Quizzes.QuestionKinds.Name(kind)}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(Library.Lessons, l => l.Content.Type == LessonType.Quiz);
    }

    private static double Seconds(string t)
    {
        var parts = t.Split(':');
        return parts.Aggregate(0.0, (acc, p) => acc * 60 + double.Parse(p, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})")]
    private static partial Regex CueTiming();

    [GeneratedRegex(@"^/(bai-hoc|chu-de|lo-trinh)/([a-z0-9-]+)/?(?:#.*)?$")]
    private static partial Regex InternalLink();

    // Sentence ends, and list items/headings that PlainText joins with spaces are separated by the writers' punctuation.
    [GeneratedRegex(@"(?<=[.!?:;…])\s+")]
    private static partial Regex SentenceEnd();

}

internal static class InlineAncestry
{
    public static bool AncestorsAreImage(this Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline { IsImage: true })
                return true;
        return false;
    }
}
