using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HoaHung.Learning.Assistant;
using HoaHung.Learning.Web.Layout;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Zalo;

/// <summary>
/// <c>POST /zalo/webhook</c>: the Zalo OA's events (docs/architecture.md §11). A signed, fresh event is answered 200 at
/// once (Zalo waits 2 seconds and sends again otherwise) and replied to in the background (<see cref="ZaloReplies"/>):
/// <c>user_send_text</c> with the chat answer, <c>follow</c> with a welcome. A missing or wrong signature or a stale
/// timestamp is refused with 401 and does nothing. A message delivered twice (same <c>message.msg_id</c>) is answered once.
/// </summary>
public static class ZaloWebhook
{
    public const string Route = "/zalo/webhook";
    public const int MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddSiteZalo(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ZaloOptions>().Bind(config.GetSection(ZaloOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(ZaloReplies.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ZaloReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloReplies>());
        return services;
    }

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ReceiveAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<ZaloOptions> options, TimeProvider clock,
        ZaloReplies replies, ZaloDeliveries deliveries, SiteUrls urls)
    {
        var zalo = options.Value;
        if (!zalo.Enabled)
            return Results.NotFound();
        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (Parse(body) is not { } zaloEvent)
            return Results.Unauthorized();
        var expected = ZaloSignature.Compute(zalo.AppId!, body, zaloEvent.Timestamp, zalo.OaSecretKey!);
        if (!ZaloSignature.Matches(http.Request.Headers[ZaloSignature.Header].ToString(), expected)
            || ZaloSignature.TimeOf(zaloEvent.Timestamp) is not { } sent || !ZaloSignature.IsFresh(sent, clock.GetUtcNow()))
            return Results.Unauthorized();

        var baseUrl = urls.Base;
        switch (zaloEvent.Name)
        {
            case "user_send_text" when zaloEvent is { UserId: { } user, MessageId: { } id, Text: { } text }:
                if (await deliveries.FirstTimeAsync(Key(zalo, "msg:" + id), http.RequestAborted))
                    replies.Enqueue(new ZaloJob(user, text, baseUrl));
                break;
            case "follow" when zaloEvent.UserId is { } follower:
                if (await deliveries.FirstTimeAsync(Key(zalo, $"follow:{follower}:{zaloEvent.Timestamp}"), http.RequestAborted))
                    replies.Enqueue(new ZaloJob(follower, null, baseUrl));
                break;
        }
        return Results.Ok();
    }

    private sealed record ZaloEvent(string Name, string Timestamp, string? UserId, string? MessageId, string? Text);

    private static ZaloEvent? Parse(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("timestamp", out var ts))
                return null;
            var timestamp = ts.ValueKind switch
            {
                JsonValueKind.String => ts.GetString()!,
                JsonValueKind.Number => ts.GetRawText(),
                _ => null,
            };
            if (timestamp is null)
                return null;
            var name = Text(root, "event_name") ?? "";
            // user_send_text names the writer in sender.id; follow names the new follower in follower.id (Zalo's own event).
            var user = Text(root, "follower", "id") ?? Text(root, "sender", "id");
            return new ZaloEvent(name, timestamp, user, Text(root, "message", "msg_id"), Text(root, "message", "text"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return null;
        }
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() is { Length: > 0 and <= 4000 } s ? s : null,
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A keyed hash: what is stored to know a delivery again, from which neither the id nor the user can be read.</summary>
    private static string Key(ZaloOptions zalo, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(zalo.OaSecretKey!), Encoding.UTF8.GetBytes(value)));

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
