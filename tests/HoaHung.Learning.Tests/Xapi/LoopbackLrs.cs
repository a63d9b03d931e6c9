using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Xapi;

/// <summary>One POST the LRS received, and what it answered (0: the connection was dropped).</summary>
public sealed record LrsRequest(string Path, string? Version, string? Authorization, int Statements, int Answer);

/// <summary>
/// A real LRS stand-in on loopback (Kestrel on 127.0.0.1, a free port), strict like a real one: a POST whose
/// statements are all new is stored (200 with their ids); a POST holding an id it already stored is refused whole with
/// 409. It fails on purpose while asked to: in turn 503, a dropped connection, 429 with <c>Retry-After: 1</c>, and a
/// batch stored but its answer dropped (the sender must not count it as lost, nor store it twice). It can also refuse
/// for good (400) any statement holding a marker.
/// </summary>
public sealed class LoopbackLrs : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<LrsRequest> requests = new();
    private readonly ConcurrentQueue<string> accepted = new();
    private readonly ConcurrentDictionary<string, JsonElement> stored = new();
    private readonly Lock gate = new();
    private DateTime failUntil = DateTime.MinValue;
    private int failures;
    private bool only503;
    private int inFlight;
    private int maxInFlight;

    private LoopbackLrs(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every statement id answered 200, once per time it was answered so (a duplicate would appear twice).</summary>
    public IReadOnlyList<string> Accepted => accepted.ToArray();
    public IReadOnlyList<LrsRequest> Requests => requests.ToArray();
    public IReadOnlyCollection<JsonElement> Stored => stored.Values.ToArray();

    /// <summary>The most POSTs it was answering at once (two senders at work show 2 or more).</summary>
    public int MaxConcurrent => Volatile.Read(ref maxInFlight);

    /// <summary>A marker (e.g. a lesson slug): a statement whose JSON holds it is refused with 400.</summary>
    public string? RefuseMarker { get; set; }

    /// <summary>Milliseconds spent on each POST before answering (to make two senders overlap).</summary>
    public int DelayMs { get; set; }

    public static LoopbackLrs Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var lrs = new LoopbackLrs(builder.Build());
        lrs.app.Run(lrs.HandleAsync);
        lrs.app.StartAsync().GetAwaiter().GetResult();
        lrs.BaseUrl = lrs.app.Urls.First().TrimEnd('/');
        return lrs;
    }

    /// <summary>Fails for a while: in turn 503, a dropped connection, 429, a stored batch whose answer is dropped; or only 503s.</summary>
    public void FailFor(TimeSpan time, bool only503 = false)
    {
        lock (gate)
        {
            failUntil = DateTime.UtcNow + time;
            this.only503 = only503;
        }
    }

    public void Heal()
    {
        lock (gate)
            failUntil = DateTime.MinValue;
    }

    public async Task<bool> WaitForAsync(int acceptedCount, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until && stored.Count < acceptedCount)
            await Task.Delay(50);
        return stored.Count >= acceptedCount;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var seen = Volatile.Read(ref maxInFlight); now > seen && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen; seen = Volatile.Read(ref maxInFlight)) { }
        try
        {
            await AnswerAsync(http);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext http)
    {
        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var batch = json.RootElement.EnumerateArray().Select(s => s.Clone()).ToList();
        var version = http.Request.Headers["X-Experience-API-Version"].FirstOrDefault();
        var auth = http.Request.Headers.Authorization.FirstOrDefault();
        if (DelayMs > 0)
            await Task.Delay(DelayMs);

        int mode;
        lock (gate)
            mode = DateTime.UtcNow < failUntil ? (only503 ? 0 : failures++ % 4) : -1;
        switch (mode)
        {
            case 0:
                Record(503);
                http.Response.StatusCode = 503;
                return;
            case 1:
                Record(0);
                http.Abort();
                return;
            case 2:
                Record(429);
                http.Response.StatusCode = 429;
                http.Response.Headers.RetryAfter = "1";
                return;
        }

        int status;
        lock (gate)
        {
            if (RefuseMarker is { } marker && batch.Any(s => s.GetRawText().Contains(marker, StringComparison.Ordinal)))
                status = 400;
            else if (batch.Any(s => stored.ContainsKey(s.GetProperty("id").GetString()!)))
                status = 409;
            else
            {
                foreach (var s in batch)
                {
                    var id = s.GetProperty("id").GetString()!;
                    stored[id] = s;
                    accepted.Enqueue(id);
                }
                status = 200;
            }
        }
        if (mode == 3 && status == 200) // stored, but the answer is lost on the way
        {
            Record(0);
            http.Abort();
            return;
        }
        Record(status);
        http.Response.StatusCode = status;
        if (status == 200)
            await http.Response.WriteAsJsonAsync(batch.Select(s => s.GetProperty("id").GetString()).ToArray());
        else if (status == 400)
            await http.Response.WriteAsync("statement refused: result.score.raw is out of range");

        void Record(int answer) => requests.Enqueue(new LrsRequest(http.Request.Path, version, auth, batch.Count, answer));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
