using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HoaHung.Learning.Tests.Search;

/// <summary>
/// The seed library with a search rate limit a test class never reaches (the in-memory test server has no
/// client address, so every request of a class shares one partition).
/// </summary>
public abstract class SearchSite(DatabaseProvider provider, int permitLimit = 100_000) : SiteFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:RateLimits:SearchPermitLimit", permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SearchSiteOnSqlite() : SearchSite(DatabaseProvider.Sqlite);

public sealed class SearchSiteOnPostgres() : SearchSite(DatabaseProvider.Postgres);

/// <summary>Three searches a minute, to see the fourth refused.</summary>
public sealed class TightlyLimitedSearchSite() : SearchSite(DatabaseProvider.Sqlite, permitLimit: 3);
