namespace HoaHung.Learning.Web.Offline;

/// <summary>
/// The save lists behind "Lưu để học khi không có mạng" (docs/architecture.md §3, "Offline"): public, the same for
/// everyone, <c>no-cache</c> so a phone checking whether its saved copy is still current always hears the truth.
/// </summary>
public static class OfflineEndpoints
{
    public static IEndpointRouteBuilder MapOfflineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ngoai-tuyen").ExcludeFromDescription();
        group.MapGet("/bai-hoc/{slug}", async (string slug, OfflineManifests manifests, HttpContext ctx, CancellationToken ct) =>
        {
            ctx.Response.Headers.CacheControl = "no-cache";
            return await manifests.LessonAsync(slug, ct) is { } lesson ? Results.Json(lesson) : Results.NotFound();
        });
        group.MapGet("/lo-trinh/{slug}", async (string slug, OfflineManifests manifests, HttpContext ctx, CancellationToken ct) =>
        {
            ctx.Response.Headers.CacheControl = "no-cache";
            return await manifests.PathAsync(slug, ct) is { } path ? Results.Json(path) : Results.NotFound();
        });
        return app;
    }
}
