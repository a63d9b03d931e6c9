namespace HoaHung.Learning.Catalog;

public sealed class LearningPath
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public int Order { get; set; }
    public string? SourceHash { get; set; }

    /// <summary>
    /// A path that arrived with a lesson pack: shown to nobody (home, path page, a lesson's path links, class choices,
    /// certificates) until a reviewer publishes one of its lessons (<c>Studio.Review.LessonPublisher</c>), like a
    /// pack's topics; a content-folder import of the same slug, the ward's own, publishes it too.
    /// </summary>
    public bool IsDraft { get; set; }

    /// <summary>
    /// The quiz lesson a learner takes before the path and again after it (issue 22 item 3), or null. Set by
    /// <c>entry_test:</c> in the path's file or by a reviewer publishing a quiz lesson that names the path.
    /// </summary>
    public int? EntryTestId { get; set; }
    public List<PathLesson> Lessons { get; set; } = [];
}

public sealed class PathLesson
{
    public int PathId { get; set; }
    public int LessonId { get; set; }
    public Lesson Lesson { get; set; } = default!;
    public int Position { get; set; }
}
