using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>A resident follows every learning path of the seed library from its first lesson to its last.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningPathTests(BrowserSite site)
{
    [Fact]
    public async Task Every_learning_path_can_be_followed_to_the_end_with_pictures_and_captions()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/");
        var paths = await page.Locator(".path-card__title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(paths.Length >= 3);

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var expected = await page.Locator(".path-steps__item").CountAsync();
            await page.Locator("main a.button--primary").ClickAsync();
            var visited = 0;
            while (true)
            {
                await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
                visited++;
                await AssertMediaLoadedAsync(page);
                var next = page.Locator($".path-nav:has(a[href='{path}']) a[rel=next]");
                if (await next.CountAsync() == 0)
                    break;
                var target = await next.GetAttributeAsync("href");
                await page.ClickAndWaitForUrlAsync(next, "**" + target);
            }
            Assert.Equal(expected, visited);
        }
    }

    [Fact]
    public async Task A_playing_video_shows_its_Vietnamese_captions()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/bai-hoc/quet-ma-vietqr");
        var cue = await page.EvaluateAsync<string>("""
            async () => {
              const v = document.querySelector('.lesson__video video');
              const t = v.textTracks[0]; t.mode = 'showing';
              v.muted = true;
              await new Promise(r => { if (v.readyState >= 1) r(); else v.addEventListener('loadedmetadata', r, { once: true }); });
              await new Promise(r => { v.addEventListener('seeked', r, { once: true }); v.currentTime = 6; });
              await new Promise(r => setTimeout(r, 300));
              const active = t.activeCues && t.activeCues.length ? t.activeCues[0].text : '';
              return active;
            }
            """);
        Assert.False(string.IsNullOrWhiteSpace(cue), "a caption is showing six seconds in");
        await page.Locator(".lesson__video").ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "video-captions-390x844.png") });
    }

    private static async Task AssertMediaLoadedAsync(IPage page)
    {
        // Enhanced navigation patches the DOM after the URL changes: poll until every picture has loaded.
        const string allLoaded = """
            () => {
              const imgs = [...document.querySelectorAll('.lesson__body img')];
              imgs.forEach(i => i.loading = 'eager');
              return imgs.every(i => i.complete && i.naturalWidth > 0 && i.alt.trim().length > 0);
            }
            """;
        try
        {
            await page.WaitForFunctionAsync(allLoaded, null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var broken = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.lesson__body img')].filter(i => !(i.complete && i.naturalWidth > 0) || !i.alt.trim()).map(i => i.currentSrc || i.src)");
            Assert.Fail($"{page.Url}: pictures not loaded or without alt text: {string.Join(", ", broken)}");
        }
        var type = await page.Locator(".lesson__type").InnerTextAsync();
        if (await page.Locator(".lesson__video video").CountAsync() > 0)
            await Assertions.Expect(page.Locator(".lesson__video video track[kind=captions][srclang=vi]")).ToHaveCountAsync(1);
        else if (type.Contains("Hướng dẫn"))
            Assert.True(await page.Locator(".steps img").CountAsync() > 0, $"{page.Url}: a tutorial shows pictures for its steps");
    }
}
