using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Progress;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>A learner's copy of all her data (Decree 13/2023), as a JSON file she can keep.</summary>
public static class PersonalDataEndpoints
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapPersonalDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cua-toi/du-lieu", async (LearnerSession session, PersonalData data, HttpContext ctx, CancellationToken ct) =>
        {
            var export = await data.ExportAsync(session.Learner.UserId!, ct);
            ctx.Response.Headers.CacheControl = "no-store, private";
            ctx.Response.Headers.ContentDisposition = "attachment; filename=\"hoahung-du-lieu-cua-toi.json\"";
            return Results.Text(JsonSerializer.Serialize(export, Json), "application/json; charset=utf-8");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
