using System.Net;
using System.Text.Json;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.Offline;

/// <summary>
/// The server side of learning offline (docs/architecture.md §3, "Offline"): the save lists, the worker's address and
/// headers, and a tap sent again with the same phone-made id counted once, for an account and an anonymous reader.
/// </summary>
public abstract class OfflineHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Pictures = "dang-ky-vneid-muc-1";
    private const string Tutorial = "vneid-la-gi";
    private const string VideoLesson = "nop-ho-so-truc-tuyen";
    private const string Path = "bat-dau-voi-dien-thoai-thong-minh";
    private static int counter = 400_000;

    private static IEnumerable<KeyValuePair<string, string>> WithId(Guid id) => Fields(("request-id", id.ToString()));

    [Fact]
    public async Task A_lessons_save_list_names_its_page_and_each_picture_once_in_the_phone_rendition_with_true_sizes()
    {
        var client = site.Client();
        using var response = await client.GetAsync($"/ngoai-tuyen/bai-hoc/{Pictures}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"/bai-hoc/{Pictures}", list.GetProperty("page").GetString());
        var files = list.GetProperty("files").EnumerateArray().ToList();
        Assert.True(files.Count >= 5, $"{files.Count} files");

        var page = await client.GetStringAsync($"/bai-hoc/{Pictures}");
        long sum = 0;
        foreach (var file in files)
        {
            var url = file.GetProperty("url").GetString()!;
            Assert.Matches("^/media/[a-z0-9]+-360\\.webp$", url);
            Assert.Contains(url, page);
            var bytes = (await client.GetByteArrayAsync(url)).LongLength;
            Assert.Equal(bytes, file.GetProperty("bytes").GetInt64());
            sum += bytes;
            Assert.All(file.GetProperty("also").EnumerateArray(), a => Assert.Contains(a.GetString()!, page));
        }
        Assert.InRange(list.GetProperty("bytes").GetInt64(), sum + 12_000, sum + 12_000 + page.Length);
        // The page says what saving takes, the same for every reader (it is in the cached page).
        Assert.Contains($"data-bytes=\"{list.GetProperty("bytes").GetInt64()}\"", page);
        Assert.Contains("Lưu để học khi không có mạng", page);
        Assert.Contains("(khoảng ", page);
    }

    [Fact]
    public async Task A_video_lessons_list_holds_its_small_video_and_captions_and_a_paths_list_every_lesson_of_it()
    {
        var client = site.Client();
        var video = JsonDocument.Parse(await client.GetStringAsync($"/ngoai-tuyen/bai-hoc/{VideoLesson}")).RootElement;
        var urls = video.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("url").GetString()!).ToList();
        Assert.Contains(urls, u => u.EndsWith(".mp4", StringComparison.Ordinal) || u.EndsWith(".webm", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.EndsWith(".vtt", StringComparison.Ordinal));

        var path = JsonDocument.Parse(await client.GetStringAsync($"/ngoai-tuyen/lo-trinh/{Path}")).RootElement;
        var lessons = path.GetProperty("lessons").EnumerateArray().ToList();
        Assert.Equal(6, lessons.Count);
        Assert.Equal($"/lo-trinh/{Path}", path.GetProperty("page").GetString());
        Assert.True(path.GetProperty("bytes").GetInt64() > lessons.Sum(l => l.GetProperty("bytes").GetInt64()));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ngoai-tuyen/bai-hoc/khong-co-bai-nay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ngoai-tuyen/lo-trinh/khong-co")).StatusCode);
    }

    [Fact]
    public async Task The_worker_is_served_from_the_root_never_kept_stale_and_the_saved_and_offline_pages_are_public()
    {
        var client = site.Client();
        using var worker = await client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        var cache = worker.Headers.CacheControl?.ToString() ?? "";
        Assert.Contains("no-cache", cache);
        Assert.DoesNotContain("immutable", cache);
        Assert.Contains("self.addEventListener('fetch'", await worker.Content.ReadAsStringAsync());

        foreach (var (url, text) in new[] { ("/da-luu", "Bài đã lưu"), ("/ngoai-tuyen", "Bạn đang không có mạng") })
        {
            using var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("public", page.Headers.CacheControl?.ToString() ?? "");
            Assert.Contains(text, await page.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_signed_in_readers_done_tap_sent_again_with_the_same_id_counts_once()
    {
        var learner = new Visitor(site);
        var phone = $"0986{Interlocked.Increment(ref counter):D6}";
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SignUpAsync(phone, "Trần Thị Tư")).StatusCode);
        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.UserName == phone).Select(u => u.Id).SingleAsync());
        var lessonId = await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == Tutorial).Select(l => l.Id).SingleAsync());
        var id = Guid.NewGuid();

        var (first, _) = await learner.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", WithId(id));
        Assert.Equal($"/cua-toi/hoan-thanh/{Tutorial}", Location(first));
        var completedAt = await CompletedAtAsync(userId, lessonId);
        Assert.NotNull(completedAt);

        site.Clock.Advance(TimeSpan.FromMinutes(20));
        var (again, _) = await learner.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", WithId(id)); // the phone did not hear the answer
        Assert.Equal($"/cua-toi/hoan-thanh/{Tutorial}", Location(again));
        Assert.Equal(completedAt, await CompletedAtAsync(userId, lessonId));
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<ProgressRequest>().CountAsync(r => r.Id == id)));

        await learner.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", WithId(Guid.NewGuid())); // a new tap is a new request
        Assert.True(await CompletedAtAsync(userId, lessonId) > completedAt);
    }

    [Fact]
    public async Task An_anonymous_readers_done_tap_and_video_position_sent_again_change_nothing_the_second_time()
    {
        var reader = new Visitor(site);
        var id = Guid.NewGuid();
        var (first, _) = await reader.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", WithId(id));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.True(first.Headers.Contains("Set-Cookie")); // her progress is in her cookie
        var cookie = reader.Cookie("hh.progress");

        var (again, _) = await reader.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", WithId(id));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.False(again.Headers.Contains("Set-Cookie")); // nothing counted again, nothing to write back
        Assert.Equal(cookie, reader.Cookie("hh.progress"));
        var (state, _) = await reader.GetAsync($"/tien-do/{Tutorial}");
        Assert.True(JsonDocument.Parse(await state.Content.ReadAsStringAsync()).RootElement.GetProperty("completed").GetBoolean());

        var position = Guid.NewGuid().ToString();
        var (saved, _) = await reader.PostAsync($"/tien-do/{VideoLesson}/video", Fields(("position", "30"), ("duration", "100"), ("request-id", position)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (replayed, _) = await reader.PostAsync($"/tien-do/{VideoLesson}/video", Fields(("position", "30"), ("duration", "100"), ("request-id", position)));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.False(replayed.Headers.Contains("Set-Cookie"));

        // A tap without an id, or with one that is not an id, counts as it always did.
        var (plain, _) = await reader.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", Fields(("request-id", "không phải mã")));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
    }

    private Task<DateTime?> CompletedAtAsync(string userId, int lessonId) => site.WithDbAsync(async db =>
    {
        await Task.CompletedTask;
        return db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && p.LessonId == lessonId).Select(p => p.CompletedAt).SingleOrDefault();
    });
}

public sealed class OfflineHttpTestsOnSqlite(SqliteSite site) : OfflineHttpTests<SqliteSite>(site);
public sealed class OfflineHttpTestsOnPostgres(PostgresSite site) : OfflineHttpTests<PostgresSite>(site);
