using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Quizzes;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HoaHung.Learning.Packs;

/// <summary>The YAML of a pack, written in the shapes content/README.md describes and the content reader reads back.</summary>
internal static class PackYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Topics(IEnumerable<Topic> topics) =>
        Serializer.Serialize(topics.Select(t => new TopicYaml { Slug = t.Slug, Title = t.Title, Description = t.Description, Icon = t.Icon }).ToList());

    /// <summary>
    /// index.md: front matter naming the lesson's files by their paths, then the body as written — the one mapping
    /// back to the front matter (ContentPacks.LessonFile reads it). The content's path choices go in the paths' files.
    /// </summary>
    public static string Lesson(LessonContent c, int order)
    {
        var front = new LessonFrontMatter
        {
            Title = c.Title,
            Summary = c.Summary,
            Topic = c.Topic,
            Type = c.Type.ToString().ToLowerInvariant(),
            Level = c.Level.ToString().ToLowerInvariant(),
            Minutes = c.Minutes,
            Order = order,
            Tags = LessonContent.SplitTags(c.Tags) is { Count: > 0 } tags ? [.. tags] : null,
            Cover = c.CoverPath,
            Video = c.VideoUrl ?? c.VideoPath,
            Poster = c.PosterPath,
            Captions = c.CaptionsPath,
        };
        return "---\n" + Serializer.Serialize(front) + "---\n" + c.Body;
    }

    public static string Quiz(QuizDefinition quiz) => Serializer.Serialize(QuizInput.From(quiz));

    /// <summary>paths/{slug}.yml; <paramref name="entryTest"/> is the slug of its entry test when the pack holds that lesson.</summary>
    public static string Path(LearningPath path, IReadOnlyList<string> lessons, string? entryTest) =>
        Serializer.Serialize(new PathYaml { Title = path.Title, Summary = path.Summary, Description = path.Description, Lessons = [.. lessons], EntryTest = entryTest });

    private sealed class TopicYaml
    {
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Icon { get; set; }
    }

    private sealed class PathYaml
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Description { get; set; }
        public List<string>? Lessons { get; set; }
        public string? EntryTest { get; set; }
    }
}
