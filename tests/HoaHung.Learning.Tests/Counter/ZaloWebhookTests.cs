using System.Net;
using System.Text;
using System.Text.Json;
using HoaHung.Learning.Web.Zalo;

namespace HoaHung.Learning.Tests.Counter;

/// <summary>
/// <c>POST /zalo/webhook</c> (issue 23 item 3) against a real HTTP server on loopback standing in for Zalo's API
/// (<see cref="RecordingServer"/>): signed events are answered once, in the background; unsigned, wrongly signed and
/// stale ones do nothing; a failing send is retried.
/// </summary>
public abstract class ZaloWebhookTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CounterSite
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    /// <summary>A Zalo user id no other test uses (the recorder finds a test's requests by it).</summary>
    private static string NewUser() => "29" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private long NowMs(TimeSpan? shift = null) => (site.Clock.GetUtcNow() + (shift ?? TimeSpan.Zero)).ToUnixTimeMilliseconds();

    private static string TextEvent(string user, string msgId, string text, long timestamp) => JsonSerializer.Serialize(new
    {
        app_id = CounterSite.AppId,
        user_id_by_app = "55" + user,
        event_name = "user_send_text",
        timestamp = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        sender = new { id = user },
        recipient = new { id = "579745863508352884" },
        message = new { text, msg_id = msgId },
    });

    private async Task<HttpStatusCode> PostAsync(string body, string? signature)
    {
        site.EnsureAvailable();
        using var request = new HttpRequestMessage(HttpMethod.Post, ZaloWebhook.Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(ZaloSignature.Header, signature);
        using var response = await site.Client(followRedirects: false).SendAsync(request);
        return response.StatusCode;
    }

    private static string Sign(string body, long timestamp) =>
        ZaloSignature.Compute(CounterSite.AppId, Encoding.UTF8.GetBytes(body), timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), CounterSite.OaSecretKey);

    [Fact]
    public void The_signature_is_mac_and_the_lowercase_hex_SHA256_of_app_id_body_timestamp_and_secret()
    {
        var expected = "mac=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("app{\"a\":1}1700000000000secret")));
        Assert.Equal(expected, ZaloSignature.Compute("app", Encoding.UTF8.GetBytes("{\"a\":1}"), "1700000000000", "secret"));
    }

    [Fact]
    public async Task A_signed_question_gets_one_reply_with_the_VNeID_registration_lesson_within_5_seconds()
    {
        var user = NewUser();
        var ts = NowMs();
        var body = TextEvent(user, "msg-" + user, "cach dang ky vneid", ts);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(body, Sign(body, ts)));

        var replies = await site.Zalo.WaitForAsync(user, 1, Within);
        var reply = Assert.Single(replies);
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/v3.0/oa/message/cs", reply.Path);
        Assert.Equal(CounterSite.AccessToken, reply.AccessToken);
        var json = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal(user, json.GetProperty("recipient").GetProperty("user_id").GetString());
        var text = json.GetProperty("message").GetProperty("text").GetString()!;
        Assert.Contains($"{CounterSite.PublicBaseUrl}/bai-hoc/dang-ky-vneid-muc-1", text);
        Assert.Contains("1. Mở ứng dụng VNeID", text);
        Assert.DoesNotContain("4. ", text); // up to 3 steps
        await Task.Delay(500);
        Assert.Single(site.Zalo.For(user));
    }

    [Fact]
    public async Task A_wrong_or_missing_signature_or_a_stale_timestamp_is_refused_and_answers_nothing()
    {
        var user = NewUser();
        var ts = NowMs();
        var body = TextEvent(user, "msg-a-" + user, "cach dang ky vneid", ts);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, Sign(body, ts).Replace("mac=", "mac=0", StringComparison.Ordinal)[..^1]));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, Sign(body, ts).ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body.Replace("vneid", "vneid!", StringComparison.Ordinal), Sign(body, ts)));

        var stale = NowMs(TimeSpan.FromMinutes(-6));
        var staleBody = TextEvent(user, "msg-b-" + user, "cach dang ky vneid", stale);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(staleBody, Sign(staleBody, stale)));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("not json", Sign("not json", ts)));
        await Task.Delay(1500);
        Assert.Empty(site.Zalo.For(user));
    }

    [Fact]
    public async Task An_event_delivered_twice_is_answered_once()
    {
        var user = NewUser();
        var ts = NowMs();
        var body = TextEvent(user, "msg-twice-" + user, "thanh toan hoa don dien", ts);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(body, Sign(body, ts)));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(body, Sign(body, ts)));
        await site.Zalo.WaitForAsync(user, 1, Within);
        await Task.Delay(1000);
        Assert.Single(site.Zalo.For(user));
    }

    [Fact]
    public async Task A_failed_send_is_retried_until_Zalo_takes_it()
    {
        var user = NewUser();
        site.Zalo.FailNext(user, 2); // a 500, then Zalo's own error -32
        var ts = NowMs();
        var body = TextEvent(user, "msg-retry-" + user, "cach dang ky vneid", ts);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(body, Sign(body, ts)));

        var tries = await site.Zalo.WaitForAsync(user, 3, TimeSpan.FromSeconds(10));
        Assert.Equal([500, -32, 200], tries.Take(3).Select(t => t.AnsweredWith).ToArray());
        Assert.Equal(tries[0].Body, tries[2].Body);
        await Task.Delay(1000);
        Assert.Equal(3, site.Zalo.For(user).Count);
    }

    [Fact]
    public async Task A_new_follower_gets_a_welcome_with_the_library_link_and_a_question_with_no_answer_a_kind_sentence()
    {
        var user = NewUser();
        var ts = NowMs();
        var follow = JsonSerializer.Serialize(new
        {
            app_id = CounterSite.AppId, oa_id = "579745863508352884", event_name = "follow",
            timestamp = ts.ToString(System.Globalization.CultureInfo.InvariantCulture), source = "testing", follower = new { id = user },
        });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(follow, Sign(follow, ts)));
        var welcome = Assert.Single(await site.Zalo.WaitForAsync(user, 1, Within));
        Assert.Contains("Chào mừng", welcome.Body);
        Assert.Contains(CounterSite.PublicBaseUrl + "/", welcome.Body);

        var other = NewUser();
        var question = TextEvent(other, "msg-none-" + other, "quokka xylophone", ts);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(question, Sign(question, ts)));
        var sorry = Assert.Single(await site.Zalo.WaitForAsync(other, 1, Within));
        var text = JsonDocument.Parse(sorry.Body).RootElement.GetProperty("message").GetProperty("text").GetString()!;
        Assert.StartsWith("Xin lỗi", text);
        Assert.Contains(CounterSite.PublicBaseUrl + "/tim-kiem?q=quokka%20xylophone", text);
    }

    [Fact]
    public async Task Nothing_of_the_user_or_the_message_is_stored_in_clear()
    {
        var user = NewUser();
        var ts = NowMs();
        var body = TextEvent(user, "msg-clear-" + user, "cach dang ky vneid", ts);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(body, Sign(body, ts)));
        await site.Zalo.WaitForAsync(user, 1, Within);
        var keys = await site.WithDbAsync(async db => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            System.Linq.Queryable.Select(db.Set<HoaHung.Learning.Assistant.ZaloReceivedEvent>(), e => e.MessageKey)));
        Assert.DoesNotContain(keys, k => k.Contains(user, StringComparison.Ordinal) || k.Contains("msg-clear", StringComparison.Ordinal));
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{64}$", k));
    }
}

public sealed class ZaloWebhookTestsOnSqlite(CounterSqliteSite site) : ZaloWebhookTests<CounterSqliteSite>(site);

public sealed class ZaloWebhookTestsOnPostgres(CounterPostgresSite site) : ZaloWebhookTests<CounterPostgresSite>(site);
