using HoaHung.Learning.Classes;

namespace HoaHung.Learning.Web.Classes;

/// <summary>The classes feature in the web host: its services and its endpoints (the pages route themselves).</summary>
public static class ClassesWeb
{
    public static IServiceCollection AddClassesWeb(this IServiceCollection services) =>
        services.AddClasses().AddSingleton<ReportLabelsFactory>().AddSingleton<AttendancePasses>();

    public static IEndpointRouteBuilder MapClasses(this IEndpointRouteBuilder app)
    {
        app.MapClassReports();
        return app;
    }
}
