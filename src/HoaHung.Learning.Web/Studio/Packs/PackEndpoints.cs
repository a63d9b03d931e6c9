using System.Security.Claims;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Packs;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace HoaHung.Learning.Web.Studio.Packs;

/// <summary>
/// Lesson packs over HTTP (docs/architecture.md §8), staff only by policy: GET downloads a lesson, topic or path as a
/// .zip of its published revisions; POST takes a pack as the raw request body (streamed to a temporary file, never held
/// in memory; the page's antiforgery token in a header) and imports it as drafts, answering the report as JSON.
/// </summary>
public static class PackEndpoints
{
    public const string Prefix = StudioLinks.Home + "/goi-bai";

    // The request body is the pack; beyond the unpacked limit it cannot be a pack we would accept.
    private const long Slack = 1024 * 1024;

    public static string Export(PackKind kind, string slug) => $"{Prefix}/xuat/{Segment(kind)}/{Uri.EscapeDataString(slug)}";

    public const string Import = Prefix + "/nhap";

    public static IServiceCollection AddSitePacks(this IServiceCollection services) => services.AddPacks().AddHostedService<PackTempSweep>();

    public static IEndpointRouteBuilder MapPackEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).RequireAuthorization(Policies.CanAuthor).ExcludeFromDescription();
        group.MapGet("/xuat/{kind}/{slug}", ExportAsync);
        group.MapPost("/nhap", ImportAsync).DisableAntiforgery(); // checked on the header: the body is a file, not a form
        return app;
    }

    private static string Segment(PackKind kind) => kind switch { PackKind.Topic => "chu-de", PackKind.Path => "lo-trinh", _ => "bai" };

    private static async Task<IResult> ExportAsync(string kind, string slug, PackExporter exporter, CancellationToken ct)
    {
        PackKind? parsed = kind switch { "bai" => PackKind.Lesson, "chu-de" => PackKind.Topic, "lo-trinh" => PackKind.Path, _ => null };
        if (parsed is null)
            return Results.NotFound();
        // A temporary file deleted when the response is sent: the zip is written once, then streamed with its length.
        var file = new FileStream(PackTempFiles.NewExport(), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            if (await exporter.ExportAsync(parsed.Value, slug, file, ct) is not PackExportResult.Written written)
            {
                await file.DisposeAsync();
                return Results.NotFound();
            }
            file.Position = 0;
            return Results.File(file, "application/zip", written.FileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<IResult> ImportAsync(HttpContext ctx, PackImporter importer, PackWords words, CancellationToken ct)
    {
        var antiforgery = ctx.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(ctx))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid");
        var limits = PackLimits.Default;
        var max = limits.MaxUnpackedBytes + Slack;
        if (ctx.Request.ContentLength > max)
            return Refused(words, [new PackProblem("", PackReasons.TooLarge, limits.MaxUnpackedBytes / (1024 * 1024))]);
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = max;

        var user = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var temp = PackTempFiles.NewUpload();
        try
        {
            try
            {
                await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await ctx.Request.Body.CopyToAsync(file, ct);
            }
            catch (Exception e) when (e is IOException or BadHttpRequestException && !ct.IsCancellationRequested)
            {
                return Refused(words, [new PackProblem("", PackReasons.UploadInterrupted)]);
            }
            return await importer.ImportAsync(temp, user, limits, ct) switch
            {
                PackImportResult.Imported imported => Results.Json(new PackAnswer(imported.Report, null)),
                PackImportResult.Refused { Problems: [{ Path: "", Reason: PackReasons.NotAllowed }] } refused =>
                    Results.Json(new PackAnswer(null, words.Texts(refused.Problems)), statusCode: StatusCodes.Status403Forbidden),
                PackImportResult.Refused refused => Refused(words, refused.Problems),
                _ => Results.StatusCode(StatusCodes.Status500InternalServerError),
            };
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static IResult Refused(PackWords words, IReadOnlyList<PackProblem> problems) =>
        Results.Json(new PackAnswer(null, words.Texts(problems)), statusCode: StatusCodes.Status422UnprocessableEntity);
}

/// <summary>The import's answer: the report of what was added, or the problems that refused the pack.</summary>
public sealed record PackAnswer(PackReport? Report, IReadOnlyList<PackProblemText>? Problems);
