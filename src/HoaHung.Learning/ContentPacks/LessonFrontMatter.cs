namespace HoaHung.Learning.ContentPacks;

/// <summary>The YAML front matter of a lesson's <c>index.md</c>, as written (content/README.md); every field untrusted.</summary>
internal sealed class LessonFrontMatter
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Topic { get; set; }
    public string? Type { get; set; }
    public string? Level { get; set; }
    public int? Minutes { get; set; }
    public int? Order { get; set; }
    public List<string>? Tags { get; set; }
    public string? Cover { get; set; }
    public string? Video { get; set; }
    public string? Poster { get; set; }
    public string? Captions { get; set; }
}
