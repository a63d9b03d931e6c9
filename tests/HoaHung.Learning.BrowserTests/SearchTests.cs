using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>A resident looks for a lesson on her phone: types without diacritics, picks a suggestion.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserSite site)
{
    [Fact]
    public async Task Typing_in_the_header_box_suggests_lessons_and_a_tap_opens_one()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/chu-de/an-toan-tren-mang");
        var box = page.Locator("#site-search");
        await box.PressSequentiallyAsync("lua dao", new() { Delay = 60 });

        var list = page.GetByRole(AriaRole.Listbox);
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        var option = list.GetByRole(AriaRole.Option).Filter(new() { HasText = "Lỡ bị lừa đảo" });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("search-suggestions"), FullPage = false });

        var heights = await list.Locator("[role=option] a").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 48, $"a suggestion is {h}px high"));

        await page.ClickAndWaitForUrlAsync(option, "**/bai-hoc/lo-bi-lua-dao-thi-lam-gi");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Lỡ bị lừa đảo");
    }

    [Fact]
    public async Task Suggestions_follow_the_keyboard_like_a_combobox()
    {
        BrowserSite.RequireChromium();
        var page = await site.PhoneAsync();
        await page.GotoAsync("/");
        var box = page.Locator("#site-search");
        await box.FillAsync("cong dan so");
        var options = page.GetByRole(AriaRole.Option);
        await Assertions.Expect(options.First).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("role", "combobox");

        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowDown");
        var second = await options.Nth(1).GetAttributeAsync("id");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", second!);
        await Assertions.Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");

        await box.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        // Enter without a chosen suggestion is the plain form: the results page.
        await box.FillAsync("cong dan so");
        await Assertions.Expect(options.First).ToBeVisibleAsync();
        var navigated = page.WaitForURLAsync("**/tim-kiem?q=cong+dan+so");
        await box.PressAsync("Enter");
        await navigated;
        await Assertions.Expect(page.Locator(".search-results mark").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("search-results"), FullPage = false });

        await page.GotoAsync("/");
        await page.Locator("#site-search").FillAsync("dang ky vneid");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await page.Locator("#site-search").PressAsync("ArrowDown");
        var first = page.WaitForURLAsync("**/bai-hoc/dang-ky-vneid-muc-1"); // the lesson that does the task (issue 12)
        await page.Locator("#site-search").PressAsync("Enter");
        await first;
    }

    private static string Shot(string name) => Path.Combine(BrowserSite.ScreenshotDirectory, $"{name}-390x844.png");
}
