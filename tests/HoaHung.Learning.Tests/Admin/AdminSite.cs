using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HoaHung.Learning.Tests.Admin;

/// <summary>
/// The site with an empty library and the test-only sign-in door (<see cref="TestDoors"/>): the real sign-in pages
/// are built separately and are not what these tests test.
/// </summary>
public abstract class AdminSite(DatabaseProvider provider, string? contentDirectory = null)
    : SiteFactory(provider, contentDirectory ?? TestEnvironment.NewTempDirectory("hh-empty"))
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(TestDoors.Register);
    }
}

public sealed class SqliteAdminSite() : AdminSite(DatabaseProvider.Sqlite);

public sealed class PostgresAdminSite() : AdminSite(DatabaseProvider.Postgres);
