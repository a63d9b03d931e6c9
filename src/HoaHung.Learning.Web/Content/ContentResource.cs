namespace HoaHung.Learning.Web.Content;

/// <summary>
/// Marker for the sentences of content refusals (<c>ContentReasons</c>, <c>QuizReasons</c>, <c>YamlReasons</c>):
/// Resources/Content/ContentResource.resx (Vietnamese) and .en.resx.
/// </summary>
public sealed class ContentResource;
