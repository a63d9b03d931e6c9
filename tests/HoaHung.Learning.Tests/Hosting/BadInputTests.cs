using System.Net;
using System.Text;
using System.Text.Json;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>The 500s and the shortcut found by the hostile pass of issue 16, one test each.</summary>
public abstract class BadInputTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RolesSite
{
    [Theory]
    [InlineData("/cua-toi?chao=a")]
    [InlineData("/cua-toi?doi-mat-khau=%00")]
    [InlineData("/cua-toi?chao=99999999999999999999")]
    [InlineData("/cua-toi/xoa-tai-khoan?xong=a")]
    [InlineData("/cua-toi/xoa-tai-khoan?xong=1.5")]
    public async Task A_query_value_that_is_not_a_number_is_ignored(string url)
    {
        await site.EnsurePeopleAsync();
        foreach (var role in new[] { Role.Anonymous, Role.Learner })
        {
            var (response, doc) = await site.Client(followRedirects: false).GetPageAsync(url, r =>
            {
                if (site.UserOf(role) is not null)
                    r.Headers.Add("Cookie", site.CookieAsync(role).GetAwaiter().GetResult());
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(doc.Text("h1"));
        }
    }

    public static TheoryData<string, string, byte[]> MalformedBeacons => new()
    {
        { "NUL values", "application/x-www-form-urlencoded", "position=%00&duration=%00"u8.ToArray() },
        { "invalid UTF-8", "application/x-www-form-urlencoded", [.. "position="u8, 0xFF, 0xFE, .. "&duration=10"u8] },
        { "multipart without boundary", "multipart/form-data", "position=1"u8.ToArray() },
        { "multipart cut short", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"position\"\r\n\r\n1"u8.ToArray() },
        { "5 MB", "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes("position=" + new string('1', 5 * 1024 * 1024) + "&duration=1") },
        { "3,000 fields", "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, 3000).Select(i => $"f{i}=1"))) },
        { "not a form", "application/json", "{\"position\":1}"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(MalformedBeacons))]
    public async Task A_malformed_video_beacon_is_refused_with_a_4xx(string what, string contentType, byte[] body)
    {
        await site.EnsurePeopleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/tien-do/{RolesSite.Tutorial}/video");
        request.Headers.Add("Origin", Visitor.Origin);
        request.Headers.Add("Cookie", await site.CookieAsync(Role.Learner));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await site.Client(followRedirects: false).SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Watching_a_quiz_lessons_video_to_the_end_never_completes_it_nor_earns_its_path()
    {
        var cookie = await site.CookieAsync(Role.OtherLearner);
        var other = site.UserOf(Role.OtherLearner)!;
        var client = site.Client(followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(Post($"/tien-do/{RolesSite.Tutorial}/hoan-thanh", "", cookie))).StatusCode);
        foreach (var who in new[] { cookie, null })
        {
            var response = await client.SendAsync(Post($"/tien-do/{RolesSite.QuizLesson}/video", "position=100&duration=100", who));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("completed").GetBoolean());
        }
        await site.FlushProgressAsync();
        var quizId = await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == RolesSite.QuizLesson).Select(l => l.Id).SingleAsync());
        var row = await site.WithDbAsync(db => db.Set<LessonProgress>().AsNoTracking().SingleAsync(p => p.UserId == other.Id && p.LessonId == quizId));
        Assert.Null(row.CompletedAt);
        Assert.Equal(100, row.VideoPositionSeconds); // where she stopped is still kept
        Assert.False(await site.WithDbAsync(db => db.Set<Certificate>().AnyAsync(c => c.UserId == other.Id)));
    }

    private static HttpRequestMessage Post(string url, string form, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", Visitor.Origin);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return request;
    }

    [Fact]
    public async Task The_error_page_visited_directly_does_not_answer_500()
    {
        var response = await site.Client(followRedirects: false).GetAsync("/loi");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class BadInputTestsOnSqlite(SqliteRolesSite site) : BadInputTests<SqliteRolesSite>(site);

public sealed class BadInputTestsOnPostgres(PostgresRolesSite site) : BadInputTests<PostgresRolesSite>(site);
