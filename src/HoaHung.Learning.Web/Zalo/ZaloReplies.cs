using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using HoaHung.Learning.Assistant;
using HoaHung.Learning.Web.Kiosk;
using HoaHung.Learning.Web.Layout;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Zalo;

/// <summary>A reply to make: to whom, to what (null: a welcome for a new follower), and the site's address for the links.</summary>
public sealed record ZaloJob(string UserId, string? Question, string BaseUrl);

/// <summary>
/// Replies to the Zalo OA's events in the background (docs/architecture.md §11), through a bounded queue: a flood of
/// events drops what does not fit (logged) instead of growing memory. Each reply is sent to
/// <c>POST {ApiBaseUrl}/v3.0/oa/message/cs</c> with the <c>access_token</c> header; a failed send (no answer, not 2xx, or
/// Zalo's own <c>error</c> not 0) is sent again after 2, 4, 8… seconds, about four minutes in all, then logged. The user
/// id and the reply live only in this memory while it is being sent; logs never name them.
/// </summary>
public sealed class ZaloReplies(IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<ZaloOptions> options, TimeProvider clock,
    ILogger<ZaloReplies> log) : BackgroundService
{
    public const string HttpClientName = "zalo";
    public const int QueueCapacity = 1000;
    public const int Tries = 8;

    /// <summary>Zalo's longest text message.</summary>
    public const int MaxMessageLength = 2000;

    private readonly Channel<ZaloJob> queue = Channel.CreateBounded<ZaloJob>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly SemaphoreSlim sending = new(4);

    // Vietnamese as UTF-8 rather than \u escapes: half the bytes, and the text reads as sent in Zalo's logs.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Enqueue(ZaloJob job)
    {
        if (!queue.Writer.TryWrite(job))
            log.LogWarning("Zalo reply dropped: {Capacity} replies are already waiting", QueueCapacity);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(ReplyAsync(job, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = running.Count(t => !t.IsCompleted);
            if (left > 0)
                log.LogWarning("Zalo: {Count} replies not sent: the site is stopping", left);
        }
    }

    private async Task ReplyAsync(ZaloJob job, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            var text = await ComposeAsync(job, ct);
            var delay = TimeSpan.FromSeconds(options.Value.RetryFirstDelaySeconds);
            for (var attempt = 1; ; attempt++)
            {
                var failure = await SendAsync(job.UserId, text, ct);
                if (failure is null)
                    return;
                if (attempt == Tries)
                {
                    log.LogError("Zalo reply not sent after {Tries} tries: {Failure}", Tries, failure);
                    return;
                }
                log.LogWarning("Zalo reply failed (try {Attempt}): {Failure}; again in {Seconds} s", attempt, failure, delay.TotalSeconds);
                await Task.Delay(delay, clock, ct);
                delay *= 2;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "Zalo reply failed");
        }
    }

    /// <summary>The reply in Vietnamese: the lesson's title, up to 3 steps and its link; or a kind sentence and the search link.</summary>
    private async Task<string> ComposeAsync(ZaloJob job, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var K = scope.ServiceProvider.GetRequiredService<IStringLocalizerFactory>().Create(typeof(CounterResource));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
        try
        {
            if (job.Question is null)
                return K["Zalo.Welcome", job.BaseUrl + SiteLinks.Home].Value;
            var answer = await scope.ServiceProvider.GetRequiredService<ChatAnswers>().AnswerAsync(job.Question, AssistantChannels.Zalo, ct);
            if (answer is not { Found: true, Answer: { } lesson })
                return K["Zalo.NotFound", job.BaseUrl + SiteLinks.SearchFor(answer.Query.Length > 0 ? answer.Query : job.Question.Trim())].Value;
            var text = new StringBuilder(lesson.Title).Append('\n');
            var n = 0;
            foreach (var step in lesson.Steps.Take(3))
                text.Append('\n').Append(++n).Append(". ").Append(step);
            var link = "\n\n" + K["Zalo.ReadMore", job.BaseUrl + SiteLinks.Lesson(lesson.Slug)].Value;
            var head = text.ToString();
            return (head.Length + link.Length > MaxMessageLength ? head[..(MaxMessageLength - link.Length)] : head) + link;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Null when Zalo took the message; otherwise why not (without the user or the text).</summary>
    private async Task<string?> SendAsync(string userId, string text, CancellationToken ct)
    {
        await sending.WaitAsync(ct);
        try
        {
            var zalo = options.Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, zalo.ApiBaseUrl.TrimEnd('/') + "/v3.0/oa/message/cs")
            {
                Content = JsonContent.Create(new { recipient = new { user_id = userId }, message = new { text } }, options: Json),
            };
            request.Headers.TryAddWithoutValidation("access_token", zalo.AccessToken ?? "");
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                return "HTTP " + (int)response.StatusCode;
            // Zalo answers 200 with {"error": 0, …} when it took the message, another error number when it did not.
            var body = await response.Content.ReadAsStringAsync(ct);
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error)
                    && (!error.TryGetInt64(out var code) || code != 0))
                    return "Zalo error " + error.GetRawText();
            }
            catch (JsonException)
            {
                return "an answer that is not JSON";
            }
            return null;
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "no answer within 10 s";
        }
        finally
        {
            sending.Release();
        }
    }

    public override void Dispose()
    {
        sending.Dispose();
        base.Dispose();
    }
}
