using HoaHung.Learning.Accounts;
using HoaHung.Learning.WardStats;

namespace HoaHung.Learning.Web.WardView;

/// <summary>The ward's view in the site (issue 22): the figures policy, the rollups and the download endpoints.</summary>
public static class WardViewHosting
{
    /// <summary>Ward officials and admins: the dashboard and the monthly report. Figures only, never a person.</summary>
    public const string FiguresPolicy = "WardFigures";

    public const string FiguresRoles = Roles.Official + "," + Roles.Admin;

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
        services.AddSingleton<WardLabels>();
        services.AddAuthorizationBuilder()
            .AddPolicy(FiguresPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapWardView(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportPrefix + "/{month}.xlsx", WardDownloads.ReportXlsxAsync).ExcludeFromDescription()
            .RequireAuthorization(FiguresPolicy);
        app.MapGet(Catalog, WardDownloads.CatalogAsync).ExcludeFromDescription();
        app.MapGet(OpenDataPage + "/{dataset}.csv", WardDownloads.CsvAsync).ExcludeFromDescription();
        app.MapGet(OpenDataPage + "/{dataset}.json", WardDownloads.JsonAsync).ExcludeFromDescription();
        return app;
    }
}
