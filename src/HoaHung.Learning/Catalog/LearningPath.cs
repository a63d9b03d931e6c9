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
    public List<PathLesson> Lessons { get; set; } = [];
}

public sealed class PathLesson
{
    public int PathId { get; set; }
    public int LessonId { get; set; }
    public Lesson Lesson { get; set; } = default!;
    public int Position { get; set; }
}
