using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// A file of the content folder that turned out unusable while it was read (replaced by a pipe, grown past its
/// limit): <see cref="Reason"/> says why, worded by the web when the guard reports it. The message is for logs.
/// </summary>
public sealed class ContentFileException(Reason reason) : IOException($"Content file refused: {reason}")
{
    public Reason Reason { get; } = reason;

    /// <summary>The kind of error and its first line, or its reason, as the arguments of <see cref="ContentReasons.Unreadable"/>.</summary>
    internal static object[] Describe(Exception e) => e is ContentFileException refused
        ? [nameof(IOException), refused.Reason]
        : [e.GetType().Name, e.Message.Split('\n')[0].Trim()];
}
