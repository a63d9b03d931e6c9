namespace HoaHung.Learning.Media;

public abstract record MediaResult
{
    private MediaResult() { }

    /// <summary>The asset now in the library: a new one, or the existing one when the same bytes were uploaded before.</summary>
    public sealed record Stored(MediaAsset Asset) : MediaResult;

    /// <param name="ReasonKey">One of <see cref="MediaReasons"/>, localized by the page.</param>
    public sealed record Rejected(string ReasonKey) : MediaResult;
}
