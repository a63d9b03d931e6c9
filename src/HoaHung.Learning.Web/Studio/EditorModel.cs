using HoaHung.Learning.Catalog;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;

namespace HoaHung.Learning.Web.Studio;

/// <summary>The editor's fields as the form binds them; <see cref="ToContent"/> is what gets saved.</summary>
public sealed class EditorModel
{
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Topic { get; set; } = "";
    public LessonType Type { get; set; } = LessonType.Tutorial;
    public LessonLevel Level { get; set; } = LessonLevel.Beginner;
    public int Minutes { get; set; } = 5;
    public string Tags { get; set; } = "";
    public string Body { get; set; } = "";
    public string? VideoUrl { get; set; }
    public string? VideoPath { get; set; }
    public string? CaptionsPath { get; set; }
    public string? PosterPath { get; set; }
    public string? CoverPath { get; set; }
    public QuizInput? Quiz { get; set; }
    public IReadOnlyCollection<string> Paths { get; set; } = [];
    public IReadOnlyCollection<string> EntryTestFor { get; set; } = [];

    public LessonContent ToContent() => new()
    {
        Title = Title, Summary = Summary, Topic = Topic, Type = Type, Level = Level, Minutes = Minutes, Tags = Tags, Body = Body,
        VideoUrl = VideoUrl, VideoPath = VideoPath, CaptionsPath = CaptionsPath, PosterPath = PosterPath, CoverPath = CoverPath,
        Quiz = Quiz, Paths = [.. Paths], EntryTestFor = [.. EntryTestFor],
    };

    public static EditorModel From(LessonContent c) => new()
    {
        Title = c.Title, Summary = c.Summary, Topic = c.Topic, Type = c.Type, Level = c.Level, Minutes = c.Minutes, Tags = c.Tags, Body = c.Body,
        VideoUrl = c.VideoUrl, VideoPath = c.VideoPath, CaptionsPath = c.CaptionsPath, PosterPath = c.PosterPath, CoverPath = c.CoverPath,
        Quiz = c.Quiz, Paths = [.. c.Paths], EntryTestFor = [.. c.EntryTestFor],
    };
}

/// <summary>The editor's preview document, rebuilt at every change (<see cref="PreviewFrame.Live"/>).</summary>
public sealed class LivePreview
{
    public string Document { get; internal set; } = "";
}
