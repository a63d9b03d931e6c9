using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>How a reader has set her phone: the browser's text size (100 = default) and the site's A+ step.</summary>
public sealed record Reader(int Width, int Height, int BrowserTextPercent, int SiteTextSize, string Culture)
{
    /// <summary>The largest text: the phone's text at 200% and the site's A+ at its top step.</summary>
    public static Reader Largest(string culture = "vi", int width = 360, int height = 740) => new(width, height, 200, 4, culture);

    public static Reader Phone(string culture = "vi") => new(390, 844, 100, 0, culture);

    public override string ToString() => $"{Width}x{Height}-text{BrowserTextPercent}-a{SiteTextSize}-{Culture}";
}

/// <summary>What one page looks like to a reader: sideways scroll, small targets, axe-core violations.</summary>
public sealed record PageFigures(string Url, Reader Reader, int ScrollWidth, int ViewportWidth, IReadOnlyList<string> SmallTargets,
    IReadOnlyList<string> Violations, IReadOnlyList<string>? TooWide = null)
{
    public bool ScrollsSideways => ScrollWidth > ViewportWidth;

    /// <summary>Words cut off on the page, where a test looked for them (<see cref="PageAudit.ClippedTextAsync"/>).</summary>
    public IReadOnlyList<string>? CutText { get; init; }

    public override string ToString() =>
        $"{Url} [{Reader}] width {ScrollWidth}/{ViewportWidth}, small targets {SmallTargets.Count}, axe {Violations.Count}"
        + (SmallTargets.Count > 0 ? "\n    small: " + string.Join("; ", SmallTargets.Take(8)) : "")
        + (Violations.Count > 0 ? "\n    axe: " + string.Join("; ", Violations) : "")
        + (TooWide is { Count: > 0 } ? "\n    too wide: " + string.Join("; ", TooWide) : "")
        + (CutText is { Count: > 0 } ? "\n    cut: " + string.Join("; ", CutText) : "");
}

public static class PageAudit
{
    /// <summary>A browser context set up as <paramref name="reader"/> has her phone, JavaScript on.</summary>
    public static async Task<IPage> OpenAsync(BrowserSite site, Reader reader, bool javaScript = true)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = reader.Width, Height = reader.Height },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = reader.Culture == "vi" ? "vi-VN" : "en-US",
            JavaScriptEnabled = javaScript,
            BaseURL = site.BaseUrl,
        });
        var host = new Uri(site.BaseUrl).Host;
        await context.AddCookiesAsync([
            new Cookie { Name = "hh.textsize", Value = reader.SiteTextSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Domain = host, Path = "/" },
            new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={reader.Culture}|uic={reader.Culture}"), Domain = host, Path = "/" },
        ]);
        var page = await context.NewPageAsync();
        await SetBrowserTextAsync(page, reader.BrowserTextPercent);
        return page;
    }

    /// <summary>The browser's own text size (Settings › Text size): its default font size, as Chromium sets it.</summary>
    public static async Task SetBrowserTextAsync(IPage page, int percent)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Page.setFontSizes", new Dictionary<string, object>
        {
            ["fontSizes"] = new Dictionary<string, object> { ["standard"] = 16 * percent / 100, ["fixed"] = 13 * percent / 100 },
        });
    }

    /// <summary>Measures the page as it is now.</summary>
    /// <param name="frames">False on a page with a sandboxed frame (the studio's preview): axe cannot run inside it and waits
    /// for it; what it shows is a learner page, audited as such.</param>
    public static async Task<PageFigures> MeasureAsync(IPage page, Reader reader, bool axe = true, bool frames = true)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        // A staff page is measured once live: until then its controls are dimmed on purpose (js/staff-live.js).
        if (await page.Locator("script[src*='staff-live']").CountAsync() > 0)
            await page.WaitForSelectorAsync("html.hh-live", new() { State = WaitForSelectorState.Attached });
        // What a person sees once the page is still: a staff tab or a field's label mid-transition is no colour of its own.
        await page.EvaluateAsync(SettledScript);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        // The reader's setting is still in effect (a full-page screenshot, for one, drops the emulated text size).
        var rootPx = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        Assert.True(Math.Abs(rootPx - 16.0 * reader.BrowserTextPercent / 100) < 0.5, $"{page.Url}: root text {rootPx}px for {reader}");
        var small = await page.EvaluateAsync<string[]>(SmallTargetsScript);
        var violations = new List<string>();
        if (axe)
        {
            // Violations only: axe then builds no list of every node that passed (most of its time on a long page);
            // what it checks, and what it reports as a violation, is the same.
            var options = new AxeRunOptions { ResultTypes = [ResultType.Violations] };
            if (!frames)
                options.Iframes = false;
            var result = await page.RunAxe(options);
            violations.AddRange(result.Violations.Select(v => $"{v.Id}×{v.Nodes.Length} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})"
                + (v.Nodes.FirstOrDefault()?.Any?.FirstOrDefault()?.Message is { Length: > 0 } why ? $" [{why.ReplaceLineEndings(" ")[..Math.Min(why.Length, 160)]}]" : "")));
        }
        var path = new Uri(page.Url).PathAndQuery;
        var tooWide = widths[0] > widths[1] ? await page.EvaluateAsync<string[]>(TooWideScript) : [];
        return new PageFigures(path, reader, widths[0], widths[1], small, violations, tooWide);
    }

    /// <summary>
    /// Words cut off inside <paramref name="root"/> (a CSS selector): an element whose own text is wider or taller than
    /// its box while the box hides the rest ("…", overflow hidden), and a field whose value does not fit in it. Text
    /// hidden on purpose (1 px, for screen readers; visibility hidden) is not counted.
    /// </summary>
    public static Task<string[]> ClippedTextAsync(IPage page, string root) => page.EvaluateAsync<string[]>(ClippedScript, root);

    /// <summary>Visible elements matching <paramref name="inner"/> whose box reaches outside their nearest <paramref name="outer"/> ancestor or the screen.</summary>
    public static Task<string[]> OutsideAsync(IPage page, string inner, string outer) => page.EvaluateAsync<string[]>(OutsideScript, new[] { inner, outer });

    /// <summary>
    /// Whether the walks save a screenshot of every page they measure (TestResults/screenshots): on a developer's machine,
    /// to look at; not in CI (<c>CI=true</c>), where nobody opens them and the hundreds of PNGs cost minutes of the
    /// run's budget, unless <c>HH_SCREENSHOTS=1</c>. Stories' screenshots are always taken.
    /// </summary>
    public static bool SavesScreenshots { get; } =
        Environment.GetEnvironmentVariable("HH_SCREENSHOTS") is { Length: > 0 } set ? set == "1"
        : !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A screenshot of the page as it is (not full-page: that resets the emulated text size) when <see cref="SavesScreenshots"/>.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        SavesScreenshots ? page.ScreenshotAsync(new() { Path = BrowserSite.Shot(name) }) : Task.CompletedTask;

    /// <summary>Writes figures to TestResults/measurements/NAME.txt, for the closing note.</summary>
    public static void Record(string name, IEnumerable<PageFigures> figures)
    {
        var dir = Path.Combine(BrowserSite.RepoRoot, "TestResults", "measurements");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, name + ".txt"), figures.Select(f => f.ToString()));
    }

    /// <summary>Waits for the page's finite animations and transitions to end (spinners that run forever are left running).</summary>
    private const string SettledScript = """
        () => Promise.all(document.getAnimations()
          .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
          .map(a => a.finished.catch(() => null)))
          .then(() => new Promise(r => requestAnimationFrame(() => r(null))))
        """;

    private const string ClippedScript = """
        (root) => [...document.querySelectorAll(root)].flatMap(r => [r, ...r.querySelectorAll('*')]).filter(e => {
            const b = e.getBoundingClientRect(), s = getComputedStyle(e);
            if (b.width <= 1 || b.height <= 1 || s.visibility === 'hidden') return false;
            if (e.matches('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea'))
              return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
            if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return false;
            const hides = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
            return hides && (e.scrollWidth > e.clientWidth + 1 || (s.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1));
          }).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')} "${(e.value || e.textContent).trim().slice(0, 40)}" ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}`)
        """;

    private const string OutsideScript = """
        ([inner, outer]) => {
          const w = document.documentElement.clientWidth;
          return [...document.querySelectorAll(inner)].filter(e => e.getClientRects().length > 0).flatMap(e => {
            const r = e.getBoundingClientRect(), o = e.parentElement?.closest(outer);
            const b = o ? o.getBoundingClientRect() : { left: 0, right: w, top: -Infinity, bottom: Infinity };
            const out = r.left < Math.max(b.left, 0) - .5 || r.right > Math.min(b.right, w) + .5 || r.top < b.top - .5 || r.bottom > b.bottom + .5;
            return out ? [`${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join('.')} "${e.textContent.trim().slice(0, 30)}" x ${Math.round(r.left)}..${Math.round(r.right)}, y ${Math.round(r.top)}..${Math.round(r.bottom)} in ${o ? outer : 'the screen'} x ${Math.round(Math.max(b.left, 0))}..${Math.round(Math.min(b.right, w))}, y ${Math.round(b.top)}..${Math.round(b.bottom)}`] : [];
          });
        }
        """;

    /// <summary>The innermost elements reaching past the right edge: what makes a page scroll sideways.</summary>
    private const string TooWideScript = """
        () => {
          const w = document.documentElement.clientWidth;
          const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 1);
          return wide.filter(e => ![...e.children].some(c => wide.includes(c))).slice(0, 6)
            .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`);
        }
        """;

    /// <summary>
    /// Visible links, buttons, fields and summaries smaller than 48×48 CSS px, outside running text (a link inside
    /// a sentence of a paragraph or a list item is exempt, as WCAG 2.5.8 allows).
    /// </summary>
    private const string SmallTargetsScript = """
        () => {
          const inline = el => el.tagName === 'A' && el.closest('p, li, td, dd, figcaption') &&
            !el.closest('nav, .button, .chips, .tags, .pager, .suggest') && getComputedStyle(el).display === 'inline' &&
            (el.closest('p, li, td, dd, figcaption').textContent.trim().length > el.textContent.trim().length + 2);
          const out = [];
          for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            if (el.closest('[hidden], .visually-hidden, .skip-link')) continue;
            if ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) continue; // the label is the target
            // A file box hidden behind its label (the studio's "Thêm ảnh"): the label is the target, measured instead.
            const label = el.type === 'file' && r.width <= 1 ? (el.closest('label') || (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))) : null;
            if (label) {
              const lr = label.getBoundingClientRect();
              if (lr.width < 47.5 || lr.height < 47.5) out.push(`label.${[...label.classList].slice(0, 2).join('.')} "${label.textContent.trim().slice(0, 30)}" ${Math.round(lr.width)}×${Math.round(lr.height)}`);
              continue;
            }
            if (inline(el)) continue;
            const after = getComputedStyle(el, '::after');
            if (after.content !== 'none' && after.position === 'absolute') continue; // a card's link: the whole card is its target
            if (r.width < 47.5 || r.height < 47.5)
              out.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${(el.textContent || el.value || el.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
          }
          return out;
        }
        """;
}
