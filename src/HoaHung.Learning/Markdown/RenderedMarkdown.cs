namespace HoaHung.Learning.Markdown;

/// <param name="Html">Sanitized HTML, safe to emit as raw markup.</param>
/// <param name="PlainText">The body as text for search and summaries; callout titles are left out.</param>
/// <param name="MissingFiles">Local files the body references that could not be resolved, in order.</param>
public sealed record RenderedMarkdown(string Html, string PlainText, IReadOnlyList<string> MissingFiles);
