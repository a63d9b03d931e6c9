using System.Net;
using System.Text.Json;
using HoaHung.Learning.Assistant;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Counter;

/// <summary><c>GET /api/v1/hoi-dap</c> (issue 23 item 2): the chat answer's shape, plain steps, absolute URLs, found:false counted, the rate limit and keys.</summary>
public abstract class AnswerApiTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CounterSite
{
    private static int peers;
    private static string NextPeer()
    {
        var n = Interlocked.Increment(ref peers);
        return $"10.23.{n / 250}.{n % 250 + 1}";
    }

    private async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> AskAsync(string q, string? peer = null, string? key = null)
    {
        site.EnsureAvailable();
        using var client = site.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/hoi-dap?q=" + Uri.EscapeDataString(q));
        request.Headers.Add(TestDoors.PeerHeader, peer ?? NextPeer());
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, response);
    }

    [Fact]
    public async Task A_question_without_diacritics_gets_the_VNeID_registration_lesson_with_plain_steps_and_absolute_addresses()
    {
        var (status, json, response) = await AskAsync("cach dang ky vneid");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(["found", "answer", "alternatives"], json.EnumerateObject().Select(p => p.Name));
        Assert.True(json.GetProperty("found").GetBoolean());
        var answer = json.GetProperty("answer");
        Assert.Equal(["title", "summary", "steps", "url", "image"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"{CounterSite.PublicBaseUrl}/bai-hoc/dang-ky-vneid-muc-1", answer.GetProperty("url").GetString());
        Assert.Contains("VNeID", answer.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("summary").GetString()));
        Assert.StartsWith(CounterSite.PublicBaseUrl + "/media/", answer.GetProperty("image").GetString());
        var steps = answer.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.InRange(steps.Count, 3, ChatAnswers.MaxSteps);
        // The lesson's first step is "Mở ứng dụng **VNeID**. Bấm nút "Đăng ký"." with a picture under it.
        Assert.Equal("Mở ứng dụng VNeID. Bấm nút \"Đăng ký\".", steps[0]);
        Assert.All(steps, s =>
        {
            Assert.InRange(s.Length, 1, ChatAnswers.MaxStepLength);
            Assert.DoesNotContain("**", s);
            Assert.DoesNotContain("](", s);
            Assert.DoesNotContain("![", s);
            Assert.DoesNotContain("<", s);
            Assert.DoesNotContain("buoc-", s);
        });
        var alternatives = json.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.InRange(alternatives.Count, 0, ChatAnswers.MaxAlternatives);
        Assert.All(alternatives, a =>
        {
            Assert.Equal(["title", "url"], a.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith(CounterSite.PublicBaseUrl + "/bai-hoc/", a.GetProperty("url").GetString());
            Assert.NotEqual(answer.GetProperty("url").GetString(), a.GetProperty("url").GetString());
        });
    }

    [Fact]
    public async Task A_question_with_no_good_answer_says_found_false_and_is_counted_for_the_ward()
    {
        var (status, json, _) = await AskAsync("quokka xylophone 0903123456");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(json.GetProperty("found").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("answer").ValueKind);
        await AskAsync("Quokka   xylophone 0903123456");

        var row = await site.WithDbAsync(db => db.Set<UnansweredQuestion>().AsNoTracking()
            .SingleAsync(q => q.Channel == AssistantChannels.Api && q.Question.StartsWith("quokka")));
        Assert.Equal("quokka xylophone #", row.Question); // folded, the phone number masked
        Assert.Equal(2, row.Times);
    }

    [Fact]
    public async Task An_empty_question_is_not_found_and_not_counted()
    {
        var (status, json, _) = await AskAsync("   ");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(json.GetProperty("found").GetBoolean());
        Assert.Empty(json.GetProperty("alternatives").EnumerateArray());
    }

    [Fact]
    public async Task Questions_are_rate_limited_like_search_and_a_key_raises_the_limit()
    {
        var peer = NextPeer();
        for (var i = 0; i < CounterSite.SearchLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await AskAsync("vneid", peer)).Status);
        var (refused, problem, response) = await AskAsync("vneid", peer);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await AskAsync("vneid", peer, CounterSite.AssistantKey)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AskAsync("vneid", peer, "not-a-key")).Status);
    }

    [Fact]
    public async Task The_endpoint_is_in_the_OpenAPI_document()
    {
        site.EnsureAvailable();
        var doc = JsonDocument.Parse(await site.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        var get = doc.GetProperty("paths").GetProperty("/api/v1/hoi-dap").GetProperty("get");
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "q");
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("429", out _));
    }
}

public sealed class AnswerApiTestsOnSqlite(CounterSqliteSite site) : AnswerApiTests<CounterSqliteSite>(site);

public sealed class AnswerApiTestsOnPostgres(CounterPostgresSite site) : AnswerApiTests<CounterPostgresSite>(site);
