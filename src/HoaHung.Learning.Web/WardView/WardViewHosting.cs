using HoaHung.Learning.Accounts;
using HoaHung.Learning.Gains;
using HoaHung.Learning.WardStats;

namespace HoaHung.Learning.Web.WardView;

/// <summary>The ward's view in the site (issue 22): the rollups and the download endpoints.</summary>
public static class WardViewHosting
{
    public const string Dashboard = "/quan-tri/tong-quan";
    public const string ReportPrefix = "/quan-tri/bao-cao";
    public const string OpenDataPage = "/du-lieu-mo";
    public const string Catalog = "/du-lieu-mo/catalog.json";

    public static string Report(DateOnly month) => $"{ReportPrefix}/{WardCalendar.Name(month)}";

    public static string ReportXlsx(DateOnly month) => Report(month) + ".xlsx";

    public static string DatasetFile(string name, string extension) => $"{OpenDataPage}/{name}.{extension}";

    public static IServiceCollection AddSiteWardView(this IServiceCollection services)
    {
        services.AddWardStats();
        services.AddGains(); // entry tests' before and after scores (docs/architecture.md §9, "Gains")
        services.AddSingleton<WardLabels>();
        return services;
    }

    public static IEndpointRouteBuilder MapWardView(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportPrefix + "/{month}.xlsx", WardDownloads.ReportXlsxAsync).ExcludeFromDescription()
            .RequireAuthorization(Policies.WardFigures);
        app.MapGet(Catalog, WardDownloads.CatalogAsync).ExcludeFromDescription();
        app.MapGet(OpenDataPage + "/{dataset}.csv", WardDownloads.CsvAsync).ExcludeFromDescription();
        app.MapGet(OpenDataPage + "/{dataset}.json", WardDownloads.JsonAsync).ExcludeFromDescription();
        return app;
    }
}
