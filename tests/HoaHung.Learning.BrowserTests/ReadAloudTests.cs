using HoaHung.Learning.Catalog;
using HoaHung.Learning.Renditions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// "Nghe bài" and the light video on a 390×844 phone. Debian's Chromium has no Vietnamese voice (the ward's kiosk), so
/// read-aloud plays the server's espeak-ng files here.
/// </summary>
[Collection(ReadAloudCollection.Name)]
public sealed class ReadAloudTests(ReadAloudSite site)
{
    /// <summary>
    /// Waits for what these tests open, not the whole library: the read-aloud audio of the two lessons and the light
    /// versions of the video lesson (the site announces made files every few seconds while it works on the rest).
    /// </summary>
    private async Task ReadyAsync()
    {
        BrowserSite.RequireChromium();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        foreach (var (slug, video) in new[] { ("bat-tat-du-lieu-di-dong", false), ("quet-ma-vietqr", true) })
            while (!await MadeAsync(slug, video))
            {
                var failures = site.Services.GetRequiredService<MediaWork>().Failures;
                Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Key}: {f.Value}")));
                await Task.Delay(500, limit.Token);
            }
    }

    private async Task<bool> MadeAsync(string slug, bool video)
    {
        using var scope = site.Services.CreateScope();
        var lesson = await scope.ServiceProvider.GetRequiredService<LessonCatalog>().LessonAsync(slug, default);
        return lesson?.Listening is { } listening
            && listening.Parts.Where(p => p.Say.Length > 0).All(p => listening.Audio.ContainsKey(p.Number))
            && (!video || listening.VideoVersions.Count == 3);
    }

    [Fact]
    public async Task Listening_reads_the_title_then_each_step_highlighted_and_stops()
    {
        await ReadyAsync();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/bai-hoc/bat-tat-du-lieu-di-dong");
        var listen = page.GetByRole(AriaRole.Button, new() { Name = "Nghe bài" });
        await Assertions.Expect(listen).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("audio.read-audio").First).ToBeHiddenAsync(); // the panel replaces the plain players

        await page.GetByRole(AriaRole.Button, new() { Name = "1,25×" }).ClickAsync();
        await listen.ClickAsync();
        await Assertions.Expect(page.Locator("header.lesson__header")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-reading"));
        var step1 = page.Locator("li[data-part='1']");
        await Assertions.Expect(step1).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-reading"), new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserSite.Shot("read-aloud-step"), FullPage = false });

        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc lại bước này" }).ClickAsync();
        await Assertions.Expect(step1).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-reading"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Dừng" }).ClickAsync();
        await Assertions.Expect(page.Locator(".is-reading")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('audio')].every(a => a.paused)"));
    }

    /// <summary>
    /// The panel and the video's versions only show on a site that made the files, so the accessibility walk of the
    /// other pages (AccessibilityTests, on a site that makes none) is done here for them: as a phone, and as the
    /// largest text on a small screen.
    /// </summary>
    [Theory]
    [InlineData("phone-vi")]
    [InlineData("largest-vi")]
    public async Task The_read_aloud_panel_and_the_video_versions_fit_and_pass_axe(string readerName)
    {
        await ReadyAsync();
        var reader = AccessibilityTests.ReaderNamed(readerName);
        var page = await PageAudit.OpenAsync(site, reader);
        var figures = new List<PageFigures>();
        try
        {
            foreach (var path in new[] { "/bai-hoc/bat-tat-du-lieu-di-dong", "/bai-hoc/quet-ma-vietqr" })
            {
                await page.GotoAsync(path);
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nghe bài" })).ToBeVisibleAsync();
                figures.Add(await PageAudit.MeasureAsync(page, reader));
            }
            await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Tiết kiệm dữ liệu" })).ToBeVisibleAsync();
        }
        finally
        {
            PageAudit.Record("read-aloud-" + readerName, figures);
        }
        Assert.All(figures, f => Assert.False(f.ScrollsSideways, f.ToString()));
        Assert.All(figures, f => Assert.True(f.Violations.Count == 0, f.ToString()));
        if (reader.BrowserTextPercent == 100 && reader.SiteTextSize == 0)
            Assert.All(figures, f => Assert.True(f.SmallTargets.Count == 0, f.ToString()));
    }

    [Fact]
    public async Task Without_javascript_each_step_has_a_plain_player()
    {
        await ReadyAsync();
        var page = await site.PhoneAsync(javaScript: false);
        await page.GotoAsync("/bai-hoc/bat-tat-du-lieu-di-dong");
        await Assertions.Expect(page.Locator(".steps > ol > li > audio[controls]")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nghe bài" })).ToBeHiddenAsync();
        await page.Locator("li[data-part='1'] audio").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSite.Shot("read-aloud-nojs"), FullPage = false });
    }

    [Fact]
    public async Task The_video_starts_light_when_the_phone_saves_data_and_the_switch_changes_it()
    {
        await ReadyAsync();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/bai-hoc/quet-ma-vietqr");
        var video = page.Locator(".lesson__video video");
        var versions = page.Locator("[data-light-video]");
        var light = await versions.GetAttributeAsync("data-light-src");
        var normal = await versions.GetAttributeAsync("data-normal-src");
        var saveData = page.GetByRole(AriaRole.Switch, new() { Name = "Tiết kiệm dữ liệu" });
        await Assertions.Expect(saveData).ToHaveAttributeAsync("aria-checked", "false");
        await Assertions.Expect(video).ToHaveAttributeAsync("src", normal!);
        await saveData.ClickAsync();
        await Assertions.Expect(video).ToHaveAttributeAsync("src", light!);
        await Assertions.Expect(video.Locator("track[kind=captions]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tải video" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSite.Shot("video-light"), FullPage = false });

        var saver = await site.PhoneAsync();
        await saver.AddInitScriptAsync("Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } });");
        await saver.GotoAsync("/bai-hoc/quet-ma-vietqr");
        await Assertions.Expect(saver.GetByRole(AriaRole.Switch, new() { Name = "Tiết kiệm dữ liệu" })).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(saver.Locator(".lesson__video video")).ToHaveAttributeAsync("src", light!);
    }
}
