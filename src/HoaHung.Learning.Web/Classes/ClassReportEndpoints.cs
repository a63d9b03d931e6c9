using System.Globalization;
using System.Security.Claims;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Gains;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Classes;

/// <summary>
/// The class report as downloads: <c>/lop-hoc/{id}/bao-cao.csv</c> and <c>.xlsx</c>. Trainers and admins only
/// (the role is checked by the endpoint, the class by <see cref="ClassReports"/>: another trainer's class is refused).
/// </summary>
public static class ClassReportEndpoints
{
    public static IEndpointRouteBuilder MapClassReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/lop-hoc/{id:int}").ExcludeFromDescription()
            .RequireAuthorization(Policies.CanTeach);
        group.MapGet("/bao-cao.csv", (int id, HttpContext ctx, ClassReports reports, ReportLabelsFactory labels, CancellationToken ct) =>
            SendAsync(id, ctx, reports, labels, "csv", ReportFiles.CsvType,
                (table, _, stream) => ReportFiles.WriteCsvAsync(table, stream, ct), ct));
        // The workbook adds a sheet of the class's entry-test gains (docs/architecture.md §9, "Gains"), once the report
        // has checked the class is hers.
        group.MapGet("/bao-cao.xlsx", (int id, HttpContext ctx, ClassReports reports, ReportLabelsFactory labels, PathGains gains,
                IStringLocalizer<ClassesResource> c, CancellationToken ct) =>
            SendAsync(id, ctx, reports, labels, "xlsx", ReportFiles.XlsxType,
                async (table, report, stream) =>
                {
                    var figures = GainTables.From(await gains.ClassAsync(report.ClassId, ct),
                        [c["Report.Gains.Path"].Value, c["Report.Gains.People"].Value, c["Report.Gains.Before"].Value, c["Report.Gains.After"].Value,
                            c["Report.Gains.Gain"].Value]);
                    await ReportFiles.WriteXlsxAsync([(report.ClassName, table), (c["Report.Gains.Sheet"].Value, figures)], stream, ct);
                }, ct));
        return app;
    }

    private static async Task<IResult> SendAsync(int id, HttpContext ctx, ClassReports reports, ReportLabelsFactory labels, string extension,
        string contentType, Func<ReportTable, ClassReport, Stream, Task> write, CancellationToken ct)
    {
        var actor = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier);
        switch (await reports.BuildAsync(actor, id, ct))
        {
            case ClassRead<ClassReport>.Found { Value: var report }:
                var table = ReportTable.From(report, labels.Create(), CultureInfo.CurrentCulture);
                // A zip cannot be written to the response with Kestrel's async-only body; a class's workbook is a few KB.
                using (var buffer = new MemoryStream())
                {
                    await write(table, report, buffer);
                    ctx.Response.Headers.CacheControl = "no-store, private";
                    return Results.File(buffer.ToArray(), contentType, ReportFiles.FileName(report.ClassName, report.GeneratedAt, extension));
                }
            case ClassRead<ClassReport>.Refused { ReasonKey: ClassReasons.NotFound }:
                return Results.NotFound();
            default:
                return Results.Forbid();
        }
    }
}

/// <summary>The report's words in the reader's language, from the classes' resources.</summary>
public sealed class ReportLabelsFactory(IStringLocalizer<ClassesResource> c)
{
    public ReportLabels Create() => new(c["Report.Name"], c["Report.UserName"], c["Report.Group"], c["Report.Attended"],
        c["Report.NeedsHelp"], c["Report.Yes"], c["Report.Session"], c["Report.Quiz"], c["Report.PathProgress"], c["Cell.Done"],
        c["Cell.InProgress"], c["Cell.NotStarted"], c["Cell.NotAssigned"],
        Enum.GetValues<AttendanceStatus>().ToDictionary(s => s, s => c[$"Attendance.{s}"].Value), c["Report.Neighbourhood"]);
}
