using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Media;
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

    /// <summary>index.md: front matter naming the revision's files by their paths, then the body as written.</summary>
    public static string Lesson(LessonRevision r, IReadOnlyDictionary<string, MediaAsset> files)
    {
        string? PathOf(Guid? id) => id is null ? null : files.FirstOrDefault(f => f.Value.Id == id).Key;
        var front = new LessonFrontMatter
        {
            Title = r.Title,
            Summary = r.Summary,
            Topic = r.TopicSlug,
            Type = r.Type.ToString().ToLowerInvariant(),
            Level = r.Level.ToString().ToLowerInvariant(),
            Minutes = r.Minutes,
            Order = r.Order,
            Tags = r.Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() is { Count: > 0 } tags ? tags : null,
            Cover = PathOf(r.CoverMediaId),
            Video = r.VideoUrl ?? PathOf(r.VideoMediaId),
            Poster = PathOf(r.PosterMediaId),
            Captions = PathOf(r.CaptionsMediaId),
        };
        return "---\n" + Serializer.Serialize(front) + "---\n" + r.Body;
    }

    public static string Quiz(QuizDefinition quiz) => Serializer.Serialize(QuizInput.From(quiz));

    public static string Path(LearningPath path, IReadOnlyList<string> lessons) =>
        Serializer.Serialize(new PathYaml { Title = path.Title, Summary = path.Summary, Description = path.Description, Lessons = [.. lessons] });

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
    }
}
