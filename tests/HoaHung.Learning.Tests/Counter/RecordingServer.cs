using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Counter;

/// <summary>One request the stand-in for Zalo's API received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? AccessToken, string Body, int AnsweredWith);

/// <summary>
/// A real HTTP server on loopback (Kestrel on 127.0.0.1, a free port) standing in for Zalo's API: it records every
/// request and fails on purpose — the next N requests whose body holds a marker answer 500, or Zalo's own error.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, int> failures = new();

    private RecordingServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public static RecordingServer Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new RecordingServer(builder.Build());
        server.app.Run(server.HandleAsync);
        server.app.StartAsync().GetAwaiter().GetResult();
        server.BaseUrl = server.app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests whose body contains <paramref name="marker"/> fail (alternately 500 and Zalo's error -32).</summary>
    public void FailNext(string marker, int times) => failures[marker] = times;

    public IReadOnlyList<RecordedRequest> For(string marker) => Requests.Where(r => r.Body.Contains(marker, StringComparison.Ordinal)).ToList();

    /// <summary>Waits until <paramref name="count"/> requests hold <paramref name="marker"/>, or the time is up.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(string marker, int count, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until && For(marker).Count < count)
            await Task.Delay(50);
        return For(marker);
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var status = 200;
        var answer = "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m1\"}}";
        foreach (var (marker, left) in failures)
        {
            if (left > 0 && body.Contains(marker, StringComparison.Ordinal) && failures.TryUpdate(marker, left - 1, left))
            {
                if (left % 2 == 0)
                    status = 500;
                else
                    answer = "{\"error\":-32,\"message\":\"Request limit exceeded\"}";
                break;
            }
        }
        requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path, http.Request.Headers["access_token"].FirstOrDefault(), body,
            status == 200 && answer.Contains("\"error\":0", StringComparison.Ordinal) ? 200 : status == 500 ? 500 : -32));
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(status == 500 ? "{}" : answer);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
