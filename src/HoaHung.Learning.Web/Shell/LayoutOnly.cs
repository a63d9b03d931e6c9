namespace HoaHung.Learning.Web.Shell;

/// <summary>A page with nothing personal but the layout's own slots (the header's name): nothing to record, nothing to add.</summary>
public sealed class LayoutOnly : IShellFiller
{
    public Task<bool> FillAsync(HttpContext http, IReadOnlyDictionary<string, string> facts, IDictionary<string, string> values) =>
        Task.FromResult(true);
}
