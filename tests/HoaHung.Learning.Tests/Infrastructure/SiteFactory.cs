using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>
/// The whole site over real HTTP (in memory) on a fresh database: a temp-file SQLite, or a new database on the
/// test PostgreSQL server, dropped afterwards. The content folder defaults to the repo's seed library.
/// </summary>
public abstract class SiteFactory : WebApplicationFactory<Program>
{
    private readonly string? postgresDatabase;

    protected SiteFactory(DatabaseProvider provider, string? contentDirectory = null)
    {
        Provider = provider;
        DataDirectory = TestEnvironment.NewTempDirectory("hh-site");
        ContentDirectory = contentDirectory ?? TestEnvironment.ContentDirectory;
        if (provider == DatabaseProvider.Postgres && TestEnvironment.PostgresServer is not null)
            postgresDatabase = $"hh_test_{Guid.NewGuid():N}";
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The site's clock, which a test may move forward.</summary>
    public ShiftedTime Clock { get; } = new();
    public string DataDirectory { get; }
    public string ContentDirectory { get; set; }

    public string? PostgresConnectionString => postgresDatabase is null ? null
        : new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = postgresDatabase }.ConnectionString;

    /// <summary>Skips (locally) or fails (CI) a test that needs a database this machine lacks.</summary>
    public void EnsureAvailable()
    {
        if (Provider == DatabaseProvider.Postgres)
            TestEnvironment.RequirePostgres();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Without a server the host cannot start; tests call EnsureAvailable() first and skip (locally) or fail (CI).
        EnsureAvailable();
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("App:DataDirectory", DataDirectory);
        builder.UseSetting("App:ContentDirectory", ContentDirectory);
        builder.UseSetting("Database:Provider", Provider.ToString());
        if (PostgresConnectionString is not null)
            builder.UseSetting("ConnectionStrings:Postgres", PostgresConnectionString);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient Client(bool followRedirects = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = false });

    public async Task<ImportReport> ImportAsync(string directory)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(directory, CancellationToken.None);
    }

    /// <summary>Writes the visits and video positions the site holds in memory (<see cref="ProgressBuffer"/>) now, instead of within a second.</summary>
    public Task FlushProgressAsync() =>
        Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ProgressFlusher>().Single().FlushAsync(CancellationToken.None);

    public async Task<T> WithDbAsync<T>(Func<LearningDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LearningDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSite() : SiteFactory(DatabaseProvider.Sqlite);

public sealed class PostgresSite() : SiteFactory(DatabaseProvider.Postgres);
