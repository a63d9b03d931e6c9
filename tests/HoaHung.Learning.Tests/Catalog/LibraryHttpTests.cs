using System.Net;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Catalog;

/// <summary>What a reader gets over HTTP from the seed library, on each database provider.</summary>
public abstract class LibraryHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    protected TSite Site { get; } = site;

    private HttpClient Client()
    {
        Site.EnsureAvailable();
        return Site.Client();
    }

    [Fact]
    public async Task Home_lists_topics_and_paths_in_Vietnamese()
    {
        var (response, doc) = await Client().GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vi", doc.DocumentElement.GetAttribute("lang"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        var topics = doc.QuerySelectorAll(".topic-card__title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Điện thoại thông minh", topics);
        Assert.True(topics.Count >= 2);
        Assert.Contains(doc.QuerySelectorAll(".path-card__title a"), a => a.GetAttribute("href") == "/lo-trinh/bat-dau-voi-dien-thoai-thong-minh");
        Assert.Equal("get", doc.QuerySelector("form[role=search]")!.GetAttribute("method"));
    }

    [Fact]
    public async Task Topic_page_lists_its_lessons()
    {
        var (response, doc) = await Client().GetPageAsync("/chu-de/dien-thoai-thong-minh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Điện thoại thông minh", doc.Text("h1"));
        Assert.Contains(doc.QuerySelectorAll(".lesson-card__title a"), a => a.GetAttribute("href") == "/bai-hoc/ket-noi-wi-fi");
    }

    [Theory]
    [InlineData("/chu-de/khong-co-chu-de-nay")]
    [InlineData("/bai-hoc/khong-co-bai-nay")]
    [InlineData("/lo-trinh/khong-co")]
    [InlineData("/trang-khong-ton-tai")]
    public async Task Unknown_pages_answer_404_with_a_Vietnamese_page(string url)
    {
        var (response, doc) = await Client().GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy trang này", doc.Text("h1"));
    }

    [Fact]
    public async Task Tutorial_shows_numbered_steps_with_responsive_pictures_and_link_preview()
    {
        var (response, doc) = await Client().GetPageAsync("/bai-hoc/ket-noi-wi-fi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(doc.QuerySelectorAll("h1"));
        var steps = doc.QuerySelectorAll(".steps > ol > li");
        Assert.True(steps.Length >= 3, "a tutorial has numbered steps");
        var img = doc.QuerySelector(".steps img")!;
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
        Assert.NotNull(img.GetAttribute("width"));
        var source = img.ParentElement!.QuerySelector("source[type='image/webp']")!;
        Assert.Contains(".webp", source.GetAttribute("srcset"));
        Assert.StartsWith("http", doc.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal(doc.Text("h1"), doc.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));

        var webp = source.GetAttribute("srcset")!.Split(',')[0].Trim().Split(' ')[0];
        var picture = await Site.Client().GetAsync(webp);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/webp", picture.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", picture.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Video_lesson_has_a_player_with_Vietnamese_captions_that_can_seek()
    {
        var (_, doc) = await Client().GetPageAsync("/bai-hoc/dung-zalo-co-ban");
        var video = doc.QuerySelector(".lesson__video video")!;
        var track = video.QuerySelector("track")!;
        Assert.Equal("captions", track.GetAttribute("kind"));
        Assert.Equal("vi", track.GetAttribute("srclang"));

        var client = Site.Client();
        var vtt = await client.GetAsync(track.GetAttribute("src"));
        Assert.StartsWith("text/vtt", vtt.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("WEBVTT", (await vtt.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));

        using var range = new HttpRequestMessage(HttpMethod.Get, video.GetAttribute("src"));
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        var partial = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Lesson_in_a_path_links_to_the_previous_and_next_lessons()
    {
        var (_, path) = await Client().GetPageAsync("/lo-trinh/bat-dau-voi-dien-thoai-thong-minh");
        var lessons = path.QuerySelectorAll(".path-steps__title a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(lessons.Count >= 4);

        var (_, second) = await Client().GetPageAsync(lessons[1]);
        var nav = second.QuerySelectorAll(".path-nav").First(n => n.QuerySelector("a[href='/lo-trinh/bat-dau-voi-dien-thoai-thong-minh']") is not null);
        Assert.Equal(lessons[0], nav.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(lessons[2], nav.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Path_description_is_rendered_as_Markdown()
    {
        var (_, doc) = await Client().GetPageAsync("/lo-trinh/lam-thu-tuc-hanh-chinh-tren-mang");
        var description = doc.QuerySelector(".path-description")!;
        Assert.NotEmpty(description.QuerySelectorAll("ol > li"));
        Assert.DoesNotContain("1. ", description.QuerySelector("p")?.TextContent ?? "");
    }

    [Fact]
    public async Task Anonymous_lesson_page_is_served_from_the_output_cache_without_cookies_or_forms()
    {
        var client = Client();
        var first = await client.GetAsync("/bai-hoc/ket-noi-wi-fi");
        var second = await client.GetAsync("/bai-hoc/ket-noi-wi-fi");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.True(second.Headers.Age.HasValue, "the second response comes from the output cache");
        var html = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain("__RequestVerificationToken", html);
        // The one form that posts is "I have finished this lesson": to an origin-checked endpoint, with no token.
        var posts = Html.Parse(html).QuerySelectorAll("form[method=post]");
        Assert.All(posts, f => Assert.StartsWith("/tien-do/", f.GetAttribute("action")));
        Assert.Single(posts);
    }

    [Fact]
    public async Task Pages_load_nothing_from_third_party_hosts()
    {
        foreach (var url in new[] { "/", "/bai-hoc/ket-noi-wi-fi", "/bai-hoc/dung-zalo-co-ban", "/lo-trinh/bat-dau-voi-dien-thoai-thong-minh" })
        {
            var (_, doc) = await Client().GetPageAsync(url);
            var loaded = doc.QuerySelectorAll("script[src], link[rel=stylesheet], img, source, video, track, iframe, link[rel=icon]")
                .SelectMany(e => new[] { e.GetAttribute("src"), e.GetAttribute("href"), e.GetAttribute("srcset"), e.GetAttribute("poster") })
                .Where(v => v is not null);
            Assert.All(loaded, v => Assert.DoesNotMatch("(^|[\\s,])(https?:)?//", v!));
        }
    }

    [Fact]
    public async Task The_stylesheet_and_icons_the_page_links_to_are_served()
    {
        var (_, doc) = await Client().GetPageAsync("/");
        var links = doc.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], link[rel=manifest]").Select(l => "/" + l.GetAttribute("href")!.TrimStart('/')).ToList();
        Assert.Contains(links, l => l.StartsWith("/css/site."));
        foreach (var link in links)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, link);
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            var response = await Site.Client().SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{link}: {(int)response.StatusCode}");
            Assert.True(response.Content.Headers.ContentLength > 0, $"{link} is empty");
        }
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await Client().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Single(d => d.Trim().StartsWith("script-src"));
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Document_only_headers_are_left_off_styles_and_scripts_but_not_off_the_worker_or_a_picture_that_can_hold_script()
    {
        var (_, page) = await Client().GetPageAsync("/bai-hoc/ket-noi-wi-fi");
        var passive = page.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => "/" + (e.GetAttribute("href") ?? e.GetAttribute("src"))!.TrimStart('/')).ToList();
        Assert.True(passive.Count >= 3, string.Join(", ", passive));
        passive.Add("/api/v1/topics");
        foreach (var path in passive)
        {
            var response = await Client().GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, path);
            Assert.False(response.Headers.Contains("Content-Security-Policy"), path);
            Assert.False(response.Headers.Contains("X-Frame-Options"), path);
            Assert.False(response.Headers.Contains("Permissions-Policy"), path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        var icon = "/" + page.QuerySelector("link[rel=icon][type='image/svg+xml']")!.GetAttribute("href")!.TrimStart('/');
        foreach (var path in new[] { "/sw.js", icon, "/khong-co-trang-nay" })
        {
            var response = await Client().GetAsync(path);
            Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Cached_pages_are_compressed_for_browsers()
    {
        var client = Client();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/bai-hoc/ket-noi-wi-fi");
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            var response = await client.SendAsync(request);
            Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        }
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/bai-hoc/ket-noi-wi-fi");
        var uncompressed = await client.SendAsync(plain);
        Assert.Empty(uncompressed.Content.Headers.ContentEncoding);
        Assert.Contains("<h1", await uncompressed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Language_switch_sets_a_cookie_and_returns_to_the_page_in_English()
    {
        var client = Site.Client(followRedirects: false);
        Site.EnsureAvailable();
        var switched = await client.GetAsync("/ngon-ngu/en?r=%2Fchu-de%2Fdien-thoai-thong-minh");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/chu-de/dien-thoai-thong-minh", switched.Headers.Location!.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture"));

        var (_, doc) = await client.GetPageAsync("/chu-de/dien-thoai-thong-minh", r => r.Headers.Add("Cookie", cookie.Split(';')[0]));
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Home", doc.Text(".breadcrumbs"));
        var (_, vi) = await client.GetPageAsync("/chu-de/dien-thoai-thong-minh");
        Assert.Equal("vi", vi.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Preference_links_never_redirect_off_site(string returnUrl)
    {
        Site.EnsureAvailable();
        var response = await Site.Client(followRedirects: false).GetAsync($"/co-chu/2?r={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Text_size_is_remembered_in_a_cookie()
    {
        var client = Site.Client(followRedirects: false);
        Site.EnsureAvailable();
        var set = await client.GetAsync("/co-chu/3?r=%2F");
        var cookie = set.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hh.textsize=3"));
        var (_, doc) = await client.GetPageAsync("/", r => r.Headers.Add("Cookie", cookie.Split(';')[0]));
        Assert.Equal("ts-3", doc.DocumentElement.GetAttribute("class"));
    }

    [Fact]
    public async Task Search_finds_lessons_typed_without_diacritics()
    {
        var (_, doc) = await Client().GetPageAsync("/tim-kiem?q=ket+noi+wi+fi");
        Assert.Contains(doc.QuerySelectorAll(".lesson-card__title a"), a => a.GetAttribute("href") == "/bai-hoc/ket-noi-wi-fi");
    }
}

public sealed class LibraryHttpTestsOnSqlite(SqliteSite site) : LibraryHttpTests<SqliteSite>(site);

public sealed class LibraryHttpTestsOnPostgres(PostgresSite site) : LibraryHttpTests<PostgresSite>(site);
