using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>What a resident does on a phone: open the library, a topic, a lesson, follow the path.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingTests(BrowserSite site)
{
    [Fact]
    public async Task Resident_goes_from_home_to_a_topic_to_a_lesson_and_on_to_the_next_lesson()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Shot("home"), FullPage = false });
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Link, new() { Name = "Điện thoại thông minh" }).First, "**/chu-de/dien-thoai-thong-minh");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Điện thoại thông minh");

        await page.ClickAndWaitForUrlAsync(page.Locator("a[href='/bai-hoc/ket-noi-wi-fi']"), "**/bai-hoc/ket-noi-wi-fi");
        await Assertions.Expect(page.Locator(".steps > ol > li").First).ToBeVisibleAsync();
        var image = page.Locator(".steps img").First;
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the step picture loaded");
        await page.ScreenshotAsync(new() { Path = Shot("lesson-tutorial"), FullPage = false });
        // "In bài", shown by the learner pages' script (js/page.js): hidden without JavaScript, which cannot print a button.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "In bài này" })).ToBeVisibleAsync();

        var next = page.Locator(".path-nav a[rel=next]").First;
        var target = await next.GetAttributeAsync("href");
        await page.ClickAndWaitForUrlAsync(next, "**" + target);
        await Assertions.Expect(page.Locator(".path-nav a[rel=prev]").First).ToHaveAttributeAsync("href", "/bai-hoc/ket-noi-wi-fi");
    }

    [Fact]
    public async Task Video_lesson_plays_with_a_Vietnamese_caption_track()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/bai-hoc/dung-zalo-co-ban");
        var video = page.Locator(".lesson__video video");
        await Assertions.Expect(video).ToBeVisibleAsync();
        var track = video.Locator("track[kind=captions]");
        await Assertions.Expect(track).ToHaveAttributeAsync("srclang", "vi");
        // The browser fetched and parsed the WebVTT file: its cues are there.
        await page.WaitForFunctionAsync("() => { const t = document.querySelector('.lesson__video video').textTracks[0]; t.mode = 'showing'; return t.cues && t.cues.length > 0; }");
        await page.ScreenshotAsync(new() { Path = Shot("lesson-video"), FullPage = false });
    }

    [Fact]
    public async Task Language_switch_turns_the_interface_to_English_and_back()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/chu-de/dien-thoai-thong-minh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Switch to English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.EndsWith("/chu-de/dien-thoai-thong-minh", page.Url);
        await Assertions.Expect(page.Locator(".breadcrumbs")).ToContainTextAsync("Home");
        await page.ScreenshotAsync(new() { Path = Shot("topic-english") });

        await page.GetByRole(AriaRole.Link, new() { Name = "Chuyển sang tiếng Việt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".breadcrumbs")).ToContainTextAsync("Trang chủ");
    }

    [Fact]
    public async Task Text_size_buttons_make_the_text_bigger_and_it_stays_bigger()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/bai-hoc/ket-noi-wi-fi");
        var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize)");
        Assert.True(before >= 18, "body text starts at 18px");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chữ to hơn" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("ts-1");
        Assert.EndsWith("/bai-hoc/ket-noi-wi-fi", page.Url);
        var after = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize)");
        Assert.True(after > before);
        await page.GotoAsync("/");
        Assert.Equal(after, await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize)"));
    }

    [Fact]
    public async Task Pages_work_with_JavaScript_off()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync(javaScript: false);
        await page.GotoAsync("/");
        await page.Locator("#site-search").FillAsync("ket noi wi fi");
        await page.ClickAndWaitForUrlAsync(page.Locator("form[role=search] button").First, "**/tim-kiem?q=*");
        await page.ClickAndWaitForUrlAsync(page.Locator(".lesson-card__title a[href='/bai-hoc/ket-noi-wi-fi']"), "**/bai-hoc/ket-noi-wi-fi");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Wi-Fi");
    }

    [Fact]
    public async Task Touch_targets_in_the_header_are_at_least_44px()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/");
        var sizes = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('.prefs__item, .search-box button, .search-box input')].map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })");
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.True(s[0] >= 44 && s[1] >= 44, $"{s[0]}x{s[1]}"));
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "nothing is wider than the phone's screen");
    }

    private static string Shot(string name) => Path.Combine(BrowserSite.ScreenshotDirectory, $"{name}-390x844.png");
}
