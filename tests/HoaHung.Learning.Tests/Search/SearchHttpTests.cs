using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Search;

/// <summary>What residents and partners get from search over HTTP on the seed library, on each database provider.</summary>
public abstract class SearchHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SearchSite
{
    private HttpClient Client()
    {
        site.EnsureAvailable();
        return site.Client();
    }

    private async Task<JsonElement> ApiAsync(string query) =>
        await Client().GetFromJsonAsync<JsonElement>("/api/v1/search?" + query);

    private async Task<List<string>> SlugsAsync(string q, int limit = 10) =>
        (await ApiAsync($"q={Uri.EscapeDataString(q)}&limit={limit}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("slug").GetString()!).ToList();

    [Theory]
    [InlineData("dang ky vneid", "kich-hoat-tai-khoan-vneid")]
    [InlineData("dang ky vneid", "dang-ky-vneid-muc-1")]
    [InlineData("cong dan so", "cong-dan-so-tphcm-la-gi")]
    [InlineData("cong dan so", "dang-nhap-cong-dan-so-bang-vneid")]
    [InlineData("lua dao", "lo-bi-lua-dao-thi-lam-gi")]
    [InlineData("lua dao", "cuoc-goi-gia-danh")]
    [InlineData("ket noi wi fi", "ket-noi-wi-fi")]
    [InlineData("mat khau", "dat-mat-khau-manh")]
    [InlineData("quet ma", "quet-ma-vietqr")]
    [InlineData("hoa don dien nuoc", "thanh-toan-hoa-don-dien-nuoc")]
    [InlineData("otp", "khong-chia-se-ma-otp")]
    public async Task Residents_queries_without_diacritics_find_the_lesson_in_the_top_3(string q, string slug) =>
        Assert.Contains(slug, (await SlugsAsync(q)).Take(3));

    /// <summary>What residents type to get a task done (the placeholder's own example first), and the lesson that does it.</summary>
    public static TheoryData<string, string> ResidentTasks() => new()
    {
        { "dang ky vneid", "dang-ky-vneid-muc-1" },
        { "đăng ký VNeID", "dang-ky-vneid-muc-1" },
        { "dang ky tai khoan dinh danh", "dang-ky-vneid-muc-1" },
        { "kich hoat vneid", "kich-hoat-tai-khoan-vneid" },
        { "cai vneid", "cai-dat-vneid" },
        { "the can cuoc tren vneid", "dung-the-can-cuoc-tren-vneid" },
        { "ket noi wifi", "ket-noi-wi-fi" },
        { "bat 4g", "bat-tat-du-lieu-di-dong" },
        { "phong to chu", "phong-to-chu-tren-dien-thoai" },
        { "cai ung dung", "cai-ung-dung-tu-cho-ung-dung" },
        { "goi video zalo", "dung-zalo-co-ban" },
        { "quet ma qr", "quet-ma-vietqr" },
        { "thanh toan tien dien", "thanh-toan-hoa-don-dien-nuoc" },
        { "kiem tra ten nguoi nhan", "kiem-tra-ten-nguoi-nhan" },
        { "nop ho so truc tuyen", "nop-ho-so-truc-tuyen" },
        { "theo doi ho so", "theo-doi-ho-so-va-nop-le-phi" },
        { "nop le phi", "theo-doi-ho-so-va-nop-le-phi" },
        { "dang nhap dich vu cong", "dang-nhap-dich-vu-cong-bang-vneid" },
        { "dang nhap cong dan so", "dang-nhap-cong-dan-so-bang-vneid" },
        { "gui phan anh", "gui-phan-anh-kien-nghi" },
        { "dat mat khau", "dat-mat-khau-manh" },
        { "bi lua dao", "lo-bi-lua-dao-thi-lam-gi" },
    };

    [Theory]
    [MemberData(nameof(ResidentTasks))]
    public async Task A_task_a_resident_types_puts_the_lesson_that_does_it_first(string q, string slug) =>
        Assert.Equal(slug, (await SlugsAsync(q))[0]);

    [Fact]
    public async Task The_placeholders_example_marks_dang_ky_where_it_stands_together()
    {
        var item = (await ApiAsync("q=dang+ky+vneid&limit=1")).GetProperty("items")[0];
        Assert.Equal("dang-ky-vneid-muc-1", item.GetProperty("slug").GetString());
        var snippet = item.GetProperty("snippet").GetString()!;
        Assert.DoesNotContain("<mark>đang</mark>", snippet, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<mark>kỹ</mark>", snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dien_thoai_finds_lessons_about_the_phone_with_the_words_marked()
    {
        var result = await ApiAsync("q=dien+thoai&limit=3");
        Assert.All(result.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Contains("điện thoại", i.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("<mark>[Đđ]iện</mark> <mark>thoại</mark>", i.GetProperty("snippet").GetString());
        });
    }

    [Theory]
    [InlineData("dang ky vneid", "Đăng ký VNeID")]
    [InlineData("lua dao", "LỪA ĐẢO")]
    [InlineData("dien thoai", "điện thoại")]
    public async Task With_and_without_diacritics_find_the_same_lessons(string plain, string marked)
    {
        var a = await ApiAsync($"q={Uri.EscapeDataString(plain)}&limit=50");
        var b = await ApiAsync($"q={Uri.EscapeDataString(marked)}&limit=50");
        Assert.Equal(a.GetProperty("total").GetInt32(), b.GetProperty("total").GetInt32());
        Assert.Equal(Slugs(a).Order(), Slugs(b).Order());
        Assert.Equal(plain, b.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Api_items_carry_what_partners_need()
    {
        var item = (await ApiAsync("q=quet+ma+vietqr&limit=1")).GetProperty("items")[0];
        Assert.Equal("quet-ma-vietqr", item.GetProperty("slug").GetString());
        Assert.Equal("video", item.GetProperty("type").GetString());
        Assert.Equal("thanh-toan-khong-tien-mat", item.GetProperty("topic").GetProperty("slug").GetString());
        Assert.EndsWith("/bai-hoc/quet-ma-vietqr", item.GetProperty("url").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("summary").GetString()));
        Assert.Contains("<mark>", item.GetProperty("snippet").GetString());
    }

    public static TheoryData<string> HostileQueries() =>
    [
        "\"", "\"\"\"", "*", "**", "dang*", "NEAR(vneid dang)", "vneid OR dang", "vneid AND NOT dang", "((((", "))))", "(vneid",
        "' OR 1=1 --", "'; DROP TABLE \"Lessons\"; --", "%", "_", "\\", "a:* & !b | <->", "{title}: vneid", "title:vneid", "^vneid",
        "-vneid", "+vneid", "vneid\u0000", "<script>alert(1)</script>", "🙂🙂", "身份证", "đ", new string('a', 5000),
        string.Join(' ', Enumerable.Repeat("vneid OR", 400)), string.Concat(Enumerable.Repeat("\"(", 300)),
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_text_a_person_types_is_answered_never_an_error(string q)
    {
        var client = Client();
        var api = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32() >= 0);

        var (page, doc) = await client.GetPageAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Tìm bài học", doc.Text("h1"));
        Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert"));
    }

    [Fact]
    public async Task Api_filters_by_topic_type_and_length()
    {
        var videos = await ApiAsync("q=vneid&type=video&limit=50");
        Assert.NotEmpty(Slugs(videos));
        Assert.All(videos.GetProperty("items").EnumerateArray(), i => Assert.Equal("video", i.GetProperty("type").GetString()));

        var topic = await ApiAsync("q=dang+nhap&topic=cong-dan-so-tphcm&limit=50");
        Assert.NotEmpty(Slugs(topic));
        Assert.All(topic.GetProperty("items").EnumerateArray(), i => Assert.Equal("cong-dan-so-tphcm", i.GetProperty("topic").GetProperty("slug").GetString()));

        var all = await ApiAsync("q=dien+thoai&limit=50");
        var shortOnes = await ApiAsync("q=dien+thoai&length=short&limit=50");
        Assert.All(shortOnes.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("minutes").GetInt32() <= 5));
        Assert.InRange(shortOnes.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);

        Assert.Empty(Slugs(await ApiAsync("q=vneid&topic=khong-co-chu-de")));
    }

    [Theory]
    [InlineData("q=vneid&type=podcast")]
    [InlineData("q=vneid&length=1")]
    [InlineData("q=vneid&limit=abc")]
    public async Task Bad_filters_are_refused_with_400(string query) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Client().GetAsync("/api/v1/search?" + query)).StatusCode);

    [Fact]
    public async Task Search_is_in_the_OpenAPI_document()
    {
        var doc = await Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var search = doc.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("q", parameters);
        Assert.Contains("limit", parameters);
        Assert.Contains("topic", parameters);
        Assert.Contains("type", parameters);
    }

    [Fact]
    public async Task Results_page_marks_the_words_filters_and_pages_without_javascript()
    {
        var client = Client();
        var (response, doc) = await client.GetPageAsync("/tim-kiem?q=dien+thoai");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var box = Assert.Single(doc.QuerySelectorAll("form[role=search]")); // one search box: the header's, holding the query
        Assert.Equal("dien thoai", box.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Equal("noindex, follow", doc.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal(10, doc.QuerySelectorAll(".search-results > li").Length);
        Assert.Contains(doc.QuerySelectorAll(".search-results mark"), m => m.TextContent == "điện" || m.TextContent == "Điện");
        var next = doc.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/tim-kiem?q=dien%20thoai&trang=2", next);

        var (_, second) = await client.GetPageAsync(next);
        Assert.Equal("11", second.QuerySelector(".search-results")!.GetAttribute("start"));
        Assert.NotNull(second.QuerySelector(".pager a[rel=prev]"));

        var (_, videos) = await client.GetPageAsync("/tim-kiem?q=vneid&loai=video");
        Assert.NotEmpty(videos.QuerySelectorAll(".search-results > li"));
        Assert.All(videos.QuerySelectorAll(".search-results > li"), li => Assert.Contains("lesson-card--video", li.ClassName));
        Assert.Equal("true", videos.QuerySelector(".chips a[href='/tim-kiem?q=vneid&loai=video']")!.GetAttribute("aria-current"));
        Assert.NotNull(videos.QuerySelector("details.search-filters[open]"));
        Assert.Equal("video", videos.QuerySelector("form[role=search] input[name=loai]")!.GetAttribute("value"));

        var (_, topic) = await client.GetPageAsync("/tim-kiem?q=dang+nhap&chu-de=vneid&thoi-luong=vua");
        Assert.All(topic.QuerySelectorAll(".search-results .lesson-card__meta"), m => Assert.Contains("Định danh điện tử VNeID", m.TextContent));
    }

    [Fact]
    public async Task No_results_page_helps_with_tips_and_topics()
    {
        var (response, doc) = await Client().GetPageAsync("/tim-kiem?q=xyzzyq+qwxz&loai=video");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không tìm thấy bài nào cho “xyzzyq qwxz”", doc.Text(".search-empty .search-count"));
        Assert.True(doc.QuerySelectorAll(".search-empty .topic-links a").Length >= 6);
        Assert.NotNull(doc.QuerySelector(".search-empty a[href='/tim-kiem?q=xyzzyq%20qwxz']"));

        var (_, past) = await Client().GetPageAsync("/tim-kiem?q=vneid&trang=99");
        Assert.NotNull(past.QuerySelector(".search-empty a[href='/tim-kiem?q=vneid']"));
        var (ok, notNumber) = await Client().GetPageAsync("/tim-kiem?q=vneid&trang=abc");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEmpty(notNumber.QuerySelectorAll(".search-results > li"));
    }

    [Fact]
    public async Task When_no_lesson_has_every_word_the_closest_ones_are_shown_as_such()
    {
        var result = await ApiAsync("q=vneid+xyzzyq");
        Assert.True(result.GetProperty("approximate").GetBoolean());
        Assert.NotEmpty(Slugs(result));
        var (_, doc) = await Client().GetPageAsync("/tim-kiem?q=vneid+xyzzyq");
        Assert.NotNull(doc.QuerySelector(".search-note"));
    }

    [Fact]
    public async Task Empty_search_page_explains_and_lists_topics()
    {
        var (response, doc) = await Client().GetPageAsync("/tim-kiem");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(doc.QuerySelector(".search-intro"));
        Assert.True(doc.QuerySelectorAll(".topic-links a").Length >= 6);
        Assert.Null(doc.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task Header_box_carries_the_suggestion_script_and_stays_a_get_form()
    {
        var (response, doc) = await Client().GetPageAsync("/bai-hoc/ket-noi-wi-fi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = doc.QuerySelector(".site-header form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/tim-kiem", form.GetAttribute("action"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        // The suggestions load on her first use of the box (js/page.js), from the fingerprinted address it carries.
        var script = doc.QuerySelectorAll("script").Single(s => s.GetAttribute("src")!.Contains("js/page."));
        Assert.Matches(@"^/?js/page\.[a-z0-9]+\.js$", script.GetAttribute("src"));
        Assert.Matches(@"^/?js/search-suggest\.[a-z0-9]+\.js$", script.GetAttribute("data-suggest"));
        Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.GetAttribute("src")!.Contains("search-suggest"));
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") && s.HasAttribute("defer"))); // no inline script
        Assert.True(script.HasAttribute("defer"));
        Assert.Equal("", script.TextContent);
    }

    private static List<string> Slugs(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
}

public sealed class SearchHttpTestsOnSqlite(SearchSiteOnSqlite site) : SearchHttpTests<SearchSiteOnSqlite>(site);

public sealed class SearchHttpTestsOnPostgres(SearchSiteOnPostgres site) : SearchHttpTests<SearchSiteOnPostgres>(site);
