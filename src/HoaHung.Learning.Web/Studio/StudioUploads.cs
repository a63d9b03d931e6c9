using System.Security.Claims;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Studio;

/// <summary>
/// The editor's uploads, outside the SignalR circuit: the browser streams the file as the request body (no multipart,
/// no buffering in memory: a video goes straight to a temporary file) with the page's antiforgery token in a header.
/// Staff only by policy; <see cref="StudioMedia"/> then checks, from the database, that she may edit this lesson
/// before it reads a byte. Answers JSON: the library item, or a reason key the editor shows in Vietnamese.
/// </summary>
public static class StudioUploads
{
    public const string FileNameHeader = "X-File-Name";

    // Headers and the odd byte over the media limits: the media library gives the precise refusal.
    private const long Slack = 1024 * 1024;

    public static IEndpointRouteBuilder MapStudioUploads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(StudioLinks.UploadPrefix + "/{lessonId:int}")
            .RequireAuthorization(Policies.CanAuthor)
            .DisableAntiforgery() // checked below, on the header: these bodies are files, not forms
            .ExcludeFromDescription();

        group.MapPost("/anh", (int lessonId, HttpContext ctx, StudioMedia media, IOptions<MediaOptions> limits, CancellationToken ct) =>
            UploadAsync(ctx, limits.Value.MaxImageBytes, MediaReasons.ImageTooLarge,
                user => media.AddPictureAsync(user, lessonId, ctx.Request.Body, FileName(ctx), null, ct)));

        group.MapPost("/video", (int lessonId, HttpContext ctx, StudioMedia media, IOptions<MediaOptions> limits, CancellationToken ct) =>
            UploadAsync(ctx, limits.Value.MaxVideoBytes, MediaReasons.VideoTooLarge,
                user => media.AddVideoAsync(user, lessonId, ctx.Request.Body, FileName(ctx), ct)));

        group.MapPost("/phu-de", (int lessonId, string video, HttpContext ctx, StudioMedia media, IOptions<MediaOptions> limits, CancellationToken ct) =>
            UploadAsync(ctx, limits.Value.MaxCaptionsBytes, MediaReasons.CaptionsTooLarge,
                user => media.AddCaptionsAsync(user, lessonId, video, ctx.Request.Body, ct)));

        group.MapPost("/thay", (int lessonId, string tep, HttpContext ctx, StudioMedia media, IOptions<MediaOptions> limits, CancellationToken ct) =>
            UploadAsync(ctx, limits.Value.MaxVideoBytes, MediaReasons.VideoTooLarge,
                user => media.ReplaceAsync(user, lessonId, tep, ctx.Request.Body, ct)));
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext ctx, long limit, string tooLarge, Func<string, Task<LibraryResult>> store)
    {
        var antiforgery = ctx.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(ctx))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid");
        if (ctx.Request.ContentLength > limit + Slack)
            return Refused(tooLarge);
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + Slack;

        var user = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return await store(user) switch
        {
            LibraryResult.Done { Item: { } item } => Results.Json(item),
            LibraryResult.Refused { ReasonKey: StudioReasons.NotAllowed } => Results.Json(new { reason = StudioReasons.NotAllowed }, statusCode: StatusCodes.Status403Forbidden),
            LibraryResult.Refused { ReasonKey: StudioReasons.NotFound or StudioReasons.MediaNotFound } refused => Results.Json(new { reason = refused.ReasonKey }, statusCode: StatusCodes.Status404NotFound),
            LibraryResult.Refused refused => Refused(refused.ReasonKey),
            _ => Results.NoContent(),
        };
    }

    private static IResult Refused(string reason) => Results.Json(new { reason }, statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>The name the file had on her computer (URL-encoded by the browser), used only to name it in the lesson.</summary>
    private static string? FileName(HttpContext ctx)
    {
        var raw = ctx.Request.Headers[FileNameHeader].ToString();
        if (raw.Length is 0 or > 1024)
            return null;
        try
        {
            return Uri.UnescapeDataString(raw);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
