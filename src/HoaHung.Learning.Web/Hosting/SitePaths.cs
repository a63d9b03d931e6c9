namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Resolves relative data and content directories: against the repository root when the site runs from a
/// checkout (so `dotnet run` uses the repo's data/ and content/), else against the published folder.
/// </summary>
internal static class SitePaths
{
    public static string BaseDirectory(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HoaHung.Learning.sln")))
                return dir.FullName;
        }
        return contentRoot;
    }

    public static string Resolve(string baseDirectory, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));

    /// <summary>
    /// Paths answered to scripts and browsers' machinery, never with a page: no status-code page, no redirect to
    /// the change-password page.
    /// </summary>
    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/media") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/tien-do") || path.StartsWithSegments("/zalo");
}
