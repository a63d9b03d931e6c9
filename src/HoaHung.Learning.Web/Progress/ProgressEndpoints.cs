using HoaHung.Learning.Web.Layout;
using System.Globalization;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Progress;

/// <summary>
/// The small endpoints behind the lesson page's personal parts (docs/architecture.md §3): the lesson page itself is
/// the same for every anonymous reader and served from the output cache, so "I have finished this lesson" is a
/// plain form posting here, and the video position comes from a few lines of JS. They carry no antiforgery token
/// (the cached page cannot hold one): each POST must come from this site's own pages, checked by its origin.
/// Who the learner is comes only from her sign-in cookie or her signed progress cookie, never from the request.
/// </summary>
public static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tien-do/{slug}").ExcludeFromDescription().DisableAntiforgery();

        group.MapGet("", async (string slug, LearnerSession session, LessonCatalog catalog, LearnerProgress progress, HttpContext ctx, CancellationToken ct) =>
        {
            ctx.Response.Headers.CacheControl = "no-store, private";
            if (await catalog.CardAsync(slug, ct) is not { } lesson)
                return Results.NotFound();
            return State(await progress.StateAsync(session.Learner, lesson.Id, ct));
        });

        group.MapPost("/hoan-thanh", async (string slug, HttpContext ctx, LearnerSession session, LessonCatalog catalog, LearnerProgress progress, ProgressRequests requests, CancellationToken ct) =>
        {
            if (await catalog.CardAsync(slug, ct) is not { } lesson)
                return Results.NotFound();
            if (lesson.Type == LessonType.Quiz)
                return Results.Conflict(); // a quiz lesson is completed by passing it, not by saying so
            // A tap kept offline arrives with the id the phone made for it, perhaps twice (offline.js, sw.js): counted once.
            var id = RequestId(await ReadBeaconAsync(ctx.Request, ct));
            await requests.OnceAsync(id, () => progress.CompleteAsync(session.Learner, lesson.Id, ct), ct);
            return Results.Redirect(SiteLinks.LessonDone(lesson.Slug), permanent: false, preserveMethod: false);
        }).AddEndpointFilter<SameOriginFilter>();

        // A reader without an account records her visit and gets her state in one request (progress.js): on a phone's
        // first visit, one request fewer.
        group.MapPost("/mo", async (string slug, LearnerSession session, LessonCatalog catalog, LearnerProgress progress, HttpContext ctx, CancellationToken ct) =>
        {
            ctx.Response.Headers.CacheControl = "no-store, private";
            if (await catalog.CardAsync(slug, ct) is not { } lesson)
                return Results.NotFound();
            await progress.RecordOpenAsync(session.Learner, lesson.Id, ct);
            return State(await progress.StateAsync(session.Learner, lesson.Id, ct));
        }).AddEndpointFilter<SameOriginFilter>();

        group.MapPost("/video", async (string slug, HttpContext ctx, LearnerSession session, LessonCatalog catalog, LearnerProgress progress, ProgressRequests requests, CancellationToken ct) =>
        {
            if (await ReadBeaconAsync(ctx.Request, ct) is not { } form)
                return Results.StatusCode(ctx.Request.ContentLength > MaxBeaconBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            if (!TryParseSeconds(form["position"], out var position) || !TryParseSeconds(form["duration"], out var duration))
                return Results.BadRequest();
            if (await catalog.CardAsync(slug, ct) is not { } lesson)
                return Results.NotFound();
            var completed = false;
            await requests.OnceAsync(RequestId(form), async () => completed = await progress.SaveVideoPositionAsync(session.Learner, lesson, position, duration, ct), ct);
            return Results.Json(new { completed });
        }).AddEndpointFilter<SameOriginFilter>();

        return app;
    }

    /// <summary>What progress.js reads: whether she finished the lesson, and where she stopped its video.</summary>
    private static IResult State(LessonState? state) =>
        Results.Json(new { completed = state?.Completed ?? false, position = state?.VideoPositionSeconds ?? 0 });

    /// <summary>The video beacon is two short numbers: a bigger body is not from the site's script.</summary>
    internal const int MaxBeaconBytes = 4096;

    private static readonly FormOptions BeaconForm = new()
    {
        BufferBody = false,
        ValueCountLimit = 16,
        KeyLengthLimit = 64,
        ValueLengthLimit = 256,
        MultipartBodyLengthLimit = MaxBeaconBytes,
        MultipartHeadersLengthLimit = 1024,
        MultipartHeadersCountLimit = 4,
    };

    /// <summary>The beacon's form, read within small limits; null when it is missing, too big or malformed (never throws for a body).</summary>
    internal static async Task<IFormCollection?> ReadBeaconAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentLength > MaxBeaconBytes)
            return null;
        try
        {
            return await new FormFeature(request, BeaconForm).ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null; // no multipart boundary, a part cut short, too many or too long values, NUL characters
        }
    }

    /// <summary>The form field carrying the id a phone made for a request it may send again (offline.js).</summary>
    internal const string RequestIdField = "request-id";

    /// <summary>The request's phone-made id; null when there is none or it is not a GUID (the request then counts as before).</summary>
    internal static Guid? RequestId(IFormCollection? form) =>
        form is not null && Guid.TryParseExact(form[RequestIdField].ToString(), "D", out var id) && id != Guid.Empty ? id : null;

    /// <summary>Whole seconds between 0 and 24 hours, from what a video element reports (e.g. "93.4").</summary>
    internal static bool TryParseSeconds(string? value, out int seconds)
    {
        seconds = 0;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d) || d < 0 || d > 86_400)
            return false;
        seconds = (int)d;
        return true;
    }
}

/// <summary>
/// Refuses a state-changing request that does not come from this site's own pages: the Origin header (sent by
/// browsers on every POST) or, failing it, Sec-Fetch-Site must say so. This replaces the per-page antiforgery
/// token on the cached public pages; together with SameSite=Lax cookies it stops cross-site forgery.
/// </summary>
internal sealed class SameOriginFilter(IOptions<AppOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsSameOrigin(context.HttpContext.Request, options.Value.PublicBaseUrl) ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden);

    internal static bool IsSameOrigin(HttpRequest request, string? publicBaseUrl)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return Matches(origin, $"{request.Scheme}://{request.Host}") || (!string.IsNullOrEmpty(publicBaseUrl) && Matches(origin, publicBaseUrl));
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site == "same-origin";
    }

    private static bool Matches(string origin, string baseUrl) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var a) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b)
        && a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
