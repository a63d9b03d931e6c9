namespace HoaHung.Learning.Catalog;

public sealed class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public string Icon { get; set; } = "book";
    public int Order { get; set; }

    /// <summary>
    /// A topic that arrived with a lesson pack: shown to nobody (home, topic page, API) until a reviewer publishes one
    /// of its lessons (<c>Studio.Review.LessonPublisher</c>), like the pack's lessons themselves.
    /// </summary>
    public bool IsDraft { get; set; }
    public List<Lesson> Lessons { get; set; } = [];
}
