namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>
/// What the tests need from the machine. Locally, a test whose server or browser is missing is skipped with a
/// message saying what to install; with CI=true it fails instead (CI must never skip them silently).
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresServer => Environment.GetEnvironmentVariable("HH_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>A Redis server ("host:port"), for the tests of several instances.</summary>
    public static string? RedisServer => Environment.GetEnvironmentVariable("HH_TEST_REDIS") is { Length: > 0 } s ? s : null;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ContentDirectory => Path.Combine(RepoRoot, "content");

    public static void RequirePostgres()
    {
        if (PostgresServer is not null)
            return;
        const string message = "PostgreSQL tests need HH_TEST_POSTGRES (a server connection string); `bash tests/run.sh` starts one.";
        if (IsCi)
            Assert.Fail(message);
        Assert.Skip(message);
    }

    public static void RequireRedis()
    {
        if (RedisServer is not null)
            return;
        const string message = "Tests of several instances need HH_TEST_REDIS (host:port); `bash tests/run.sh` starts one.";
        if (IsCi)
            Assert.Fail(message);
        Assert.Skip(message);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HoaHung.Learning.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }

    public static string NewTempDirectory(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
