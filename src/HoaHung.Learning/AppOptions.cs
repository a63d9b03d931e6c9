using System.ComponentModel.DataAnnotations;

namespace HoaHung.Learning;

/// <summary>Where the site keeps its writable state and reads its seed library (docs/architecture.md §5b).</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>All writable state: the SQLite file, media, nothing else.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The seed library imported on first start and by <c>import-content</c>.</summary>
    [Required]
    public string ContentDirectory { get; set; } = "content";

    /// <summary>Public base URL used in canonical links and link previews; empty means "from the request".</summary>
    public string? PublicBaseUrl { get; set; }

    public string MediaDirectory => Path.Combine(DataDirectory, "media");
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
