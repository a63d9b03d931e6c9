using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Api;

public abstract class PublicApiTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private HttpClient Client()
    {
        site.EnsureAvailable();
        return site.Client();
    }

    [Fact]
    public async Task Topics_are_listed_with_their_lesson_counts()
    {
        var topics = await Client().GetFromJsonAsync<JsonElement>("/api/v1/topics");
        var phone = topics.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "dien-thoai-thong-minh");
        Assert.Equal("Điện thoại thông minh", phone.GetProperty("title").GetString());
        Assert.True(phone.GetProperty("lessonCount").GetInt32() >= 2);
        Assert.EndsWith("/chu-de/dien-thoai-thong-minh", phone.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Lessons_filter_by_topic_and_type_and_page()
    {
        var client = Client();
        var videos = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons?type=video");
        Assert.All(videos.GetProperty("items").EnumerateArray(), l => Assert.Equal("video", l.GetProperty("type").GetString()));
        Assert.Contains(videos.GetProperty("items").EnumerateArray(), l => l.GetProperty("slug").GetString() == "dung-zalo-co-ban");

        var topic = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons?topic=dien-thoai-thong-minh");
        Assert.All(topic.GetProperty("items").EnumerateArray(), l => Assert.Equal("dien-thoai-thong-minh", l.GetProperty("topic").GetString()));

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons?page=1");
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.Equal(20, all.GetProperty("pageSize").GetInt32());
        Assert.True(all.GetProperty("total").GetInt32() >= 6);
    }

    [Theory]
    [InlineData("/api/v1/lessons?type=podcast")]
    [InlineData("/api/v1/lessons?type=1")]
    [InlineData("/api/v1/lessons?page=0")]
    [InlineData("/api/v1/lessons?page=abc")]
    public async Task Bad_filters_are_refused_with_400(string url)
    {
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_lesson_carries_metadata_canonical_url_and_sanitized_html()
    {
        var lesson = await Client().GetFromJsonAsync<JsonElement>("/api/v1/lessons/ket-noi-wi-fi");
        Assert.Equal("tutorial", lesson.GetProperty("type").GetString());
        Assert.EndsWith("/bai-hoc/ket-noi-wi-fi", lesson.GetProperty("url").GetString());
        Assert.Equal("dien-thoai-thong-minh", lesson.GetProperty("topic").GetProperty("slug").GetString());
        var html = lesson.GetProperty("html").GetString()!;
        Assert.Contains("class=\"steps\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(lesson.GetProperty("minutes").GetInt32() > 0);
    }

    [Fact]
    public async Task Video_lesson_lists_its_video_and_captions()
    {
        var lesson = await Client().GetFromJsonAsync<JsonElement>("/api/v1/lessons/dung-zalo-co-ban");
        var video = lesson.GetProperty("video");
        Assert.Contains("/media/", video.GetProperty("url").GetString());
        Assert.EndsWith(".vtt", video.GetProperty("captionsUrl").GetString());
    }

    [Fact]
    public async Task Unknown_lesson_is_404_json_not_a_page()
    {
        var response = await Client().GetAsync("/api/v1/lessons/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await Client().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_public_endpoints()
    {
        var doc = await Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/topics", paths);
        Assert.Contains("/api/v1/lessons", paths);
        Assert.Contains("/api/v1/lessons/{slug}", paths);
        Assert.Contains("/healthz", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/ngon-ngu"));
    }
}

public sealed class PublicApiTestsOnSqlite(SqliteSite site) : PublicApiTests<SqliteSite>(site);

public sealed class PublicApiTestsOnPostgres(PostgresSite site) : PublicApiTests<PostgresSite>(site);
