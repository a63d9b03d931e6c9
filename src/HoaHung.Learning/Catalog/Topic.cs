namespace HoaHung.Learning.Catalog;

public sealed class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public string Icon { get; set; } = "book";
    public int Order { get; set; }
    public List<Lesson> Lessons { get; set; } = [];
}
