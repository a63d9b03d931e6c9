using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HoaHung.Learning.Tests.Counter;

/// <summary>
/// The whole site with the counter's features configured (issue 23): a kiosk key, the Zalo OA pointed at a
/// <see cref="RecordingServer"/> on loopback, an assistant key, a public base URL, small search limits, and the test
/// doors (a client address per visitor).
/// </summary>
public abstract class CounterSite(DatabaseProvider provider) : SiteFactory(provider)
{
    public const string KioskKey = "khoa-quay-mot-cua-2026";
    public const string AppId = "1234567890";
    public const string OaSecretKey = "bi-mat-cua-oa";
    public const string AccessToken = "ma-truy-cap-oa";
    public const string AssistantKey = "khoa-tro-ly-ao";
    public const string PublicBaseUrl = "https://hoc.hoahung.example";
    public const int SearchLimit = 8;

    public RecordingServer Zalo { get; } = RecordingServer.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("App:Kiosk:Key", KioskKey);
        builder.UseSetting("App:Kiosk:IdleSeconds", "5");
        builder.UseSetting("App:Zalo:AppId", AppId);
        builder.UseSetting("App:Zalo:OaSecretKey", OaSecretKey);
        builder.UseSetting("App:Zalo:AccessToken", AccessToken);
        builder.UseSetting("App:Zalo:ApiBaseUrl", Zalo.BaseUrl);
        builder.UseSetting("App:Zalo:RetryFirstDelaySeconds", "0.2");
        builder.UseSetting("App:Assistant:Keys:0", AssistantKey);
        builder.UseSetting("App:RateLimits:SearchPermitLimit", SearchLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("App:RateLimits:SearchWindowSeconds", "3600");
        builder.ConfigureServices(TestDoors.Register);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Zalo.DisposeAsync();
    }
}

public sealed class CounterSqliteSite() : CounterSite(DatabaseProvider.Sqlite);

public sealed class CounterPostgresSite() : CounterSite(DatabaseProvider.Postgres);
