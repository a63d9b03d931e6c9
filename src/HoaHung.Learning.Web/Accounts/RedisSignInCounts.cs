using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Accounts;
using StackExchange.Redis;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>
/// With <c>ConnectionStrings:Redis</c>: the sign-in counts of <see cref="SignInThrottle"/> shared by every instance,
/// so a guesser spread over N instances gets no N times the tries. One Lua script per try does what
/// <see cref="MemorySignInCounts"/> does, atomically over the try's counts. Keys are hashed (no phone number or
/// address in Redis) and expire a day after their last try (counts have faded to nothing by then). If Redis cannot
/// be reached, this instance counts in its own memory meanwhile: sign-in keeps working, slowed per instance; while the
/// connection is known to be down no try waits on it (issue 26).
/// </summary>
internal sealed class RedisSignInCounts(IConnectionMultiplexer redis, MemorySignInCounts fallback, ILogger<RedisSignInCounts> log,
    string prefix = "hoahung:signin:") : ISignInCounts
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    // ARGV: mode ("begin" or "ok"), now, ttl, then per key: free, half-life, max delay (seconds), from own last try (1/0).
    private const string Script = """
        local mode = ARGV[1]
        local now = tonumber(ARGV[2])
        local ttl = tonumber(ARGV[3])
        local n = #KEYS
        local scores, lasts = {}, {}
        for i = 1, n do
            local h = redis.call('HMGET', KEYS[i], 's', 'u', 'l')
            local s = tonumber(h[1]) or 0
            local u = tonumber(h[2]) or now
            local half = tonumber(ARGV[4 + 4 * (i - 1) + 1])
            scores[i] = s * math.pow(0.5, math.max(0, now - u) / half)
            lasts[i] = tonumber(h[3]) or -1e15
        end
        local function f(x) return string.format('%.6f', x) end
        if mode == 'begin' then
            local wait = 0
            for i = 1, n do
                local base = 4 + 4 * (i - 1)
                local free = tonumber(ARGV[base])
                local maxd = tonumber(ARGV[base + 2])
                local d = 0
                if scores[i] >= free then d = math.min(math.pow(2, math.min(30, scores[i] - free)), maxd) end
                local from = lasts[i]
                if ARGV[base + 3] == '1' then from = lasts[1] end
                if from + d - now > wait then wait = from + d - now end
            end
            if wait > 0 then return f(wait) end
            for i = 1, n do
                redis.call('HSET', KEYS[i], 's', f(scores[i] + 1), 'u', f(now), 'l', f(now))
                redis.call('EXPIRE', KEYS[i], ttl)
            end
            return '0'
        end
        redis.call('HSET', KEYS[1], 's', '0')
        for i = 2, n do
            redis.call('HSET', KEYS[i], 's', f(math.max(0, scores[i] - 1)), 'u', f(now))
        end
        return '0'
        """;

    public async ValueTask<TimeSpan> TryBeginAsync(IReadOnlyList<CountedBucket> buckets, DateTimeOffset now)
    {
        if (!redis.IsConnected)
            return await fallback.TryBeginAsync(buckets, now);
        try
        {
            var seconds = (string?)await RunAsync("begin", buckets, now);
            return TimeSpan.FromSeconds(double.Parse(seconds ?? "0", CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Sign-in counts unreachable in Redis: counting in this instance's memory meanwhile");
            return await fallback.TryBeginAsync(buckets, now);
        }
    }

    public async ValueTask SucceededAsync(IReadOnlyList<CountedBucket> buckets, DateTimeOffset now)
    {
        if (!redis.IsConnected)
        {
            await fallback.SucceededAsync(buckets, now);
            return;
        }
        try
        {
            await RunAsync("ok", buckets, now);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Sign-in counts unreachable in Redis: counting in this instance's memory meanwhile");
            await fallback.SucceededAsync(buckets, now);
        }
    }

    private Task<RedisResult> RunAsync(string mode, IReadOnlyList<CountedBucket> buckets, DateTimeOffset now)
    {
        var keys = buckets.Select(b => (RedisKey)(prefix + Hash(b.Key))).ToArray();
        var args = new List<RedisValue> { mode, Seconds(now.ToUnixTimeMilliseconds() / 1000.0), (long)Keep.TotalSeconds };
        foreach (var b in buckets)
        {
            args.Add(Seconds(b.Rule.Free));
            args.Add(Seconds(b.Rule.HalfLife.TotalSeconds));
            args.Add(Seconds(b.Rule.MaxDelay.TotalSeconds));
            args.Add(b.Rule.FromOwnLastTry ? "1" : "0");
        }
        return redis.GetDatabase().ScriptEvaluateAsync(Script, keys, [.. args]);
    }

    private static string Seconds(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Hash(string key) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 18);
}
