using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary><c>topics.yml</c>: the library's topics, in order (content/README.md). A bad entry skips that topic only.</summary>
internal static class TopicsFile
{
    public const string FileName = "topics.yml";
    private static readonly string[] Icons = ["phone", "id-card", "city", "government", "payment", "shield", "book"];

    public static List<TopicSource> Read(string root, List<ContentProblem> problems)
    {
        var file = Path.Combine(root, FileName);
        var result = new List<TopicSource>();
        if (FileKinds.Of(file) == FileKinds.FileKind.Missing)
            return result; // a lesson pack may carry no topics; its lessons must then use existing ones
        if (ContentFiles.ReadText(file, problems) is not var (text, _))
            return result;
        var (items, error) = SafeYaml.ReadList<TopicYaml>(text);
        if (error is not null)
        {
            problems.Add(new ContentProblem(file, error));
            return result;
        }
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (t, itemError) in items!)
        {
            order++;
            void Skip(Reason why) => problems.Add(new ContentProblem(file, why, Topic: order));
            if (itemError is not null) { Skip(itemError); continue; }
            if (!ContentNames.IsSlug(t!.Slug)) { Skip(new(ContentReasons.TopicSlug)); continue; }
            var title = TextCleaning.OneLine(t.Title);
            if (title.Length is 0 or > 200) { Skip(new(ContentReasons.TopicTitle)); continue; }
            if (!slugs.Add(t.Slug!)) { Skip(new(ContentReasons.TopicSlugTaken, t.Slug!)); continue; }
            var icon = Icons.Contains(t.Icon) ? t.Icon! : "book";
            result.Add(new TopicSource(t.Slug!, title, TextCleaning.Truncate(TextCleaning.OneLine(t.Description), 1000), icon, order));
        }
        return result;
    }

    private sealed class TopicYaml
    {
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Icon { get; set; }
    }
}
