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

    /// <summary>
    /// Reverse proxies (IP addresses) whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> the site believes; with
    /// <see cref="KnownNetworks"/> (CIDR, e.g. <c>172.28.0.0/24</c>). Empty: forwarded headers are ignored, so no client
    /// can pose as another address to escape the rate limits (deploy/README.md).
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];

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
