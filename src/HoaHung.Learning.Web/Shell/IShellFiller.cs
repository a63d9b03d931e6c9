namespace HoaHung.Learning.Web.Shell;

/// <summary>A shell page's personal part: records what the page records for her and gives its slots' values.</summary>
public interface IShellFiller
{
    /// <summary>
    /// Does her part of the page and puts her values in <paramref name="values"/>; <paramref name="facts"/> are what
    /// the page noted while it was rendered as the shell (<see cref="ShellCapture.Note"/>, say the lesson's id). False
    /// when the page must be rendered for her after all.
    /// </summary>
    Task<bool> FillAsync(HttpContext http, IReadOnlyDictionary<string, string> facts, IDictionary<string, string> values);
}
