using System.Security.Cryptography;
using System.Text.Encodings.Web;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Marks a learner page whose signed-in version is served from a <see cref="PageShell"/>: everything personal on it
/// (and in the layout) goes through slots, and <paramref name="filler"/> (an <see cref="IShellFiller"/>, resolved per
/// request) does the page's personal work and gives the slots' values.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PersonalShellAttribute(Type filler) : Attribute
{
    public Type Filler => filler;
}

/// <summary>A shell page's personal part: records what the page records for her and gives its slots' values.</summary>
public interface IShellFiller
{
    /// <summary>
    /// Does her part of the page and puts her values in <paramref name="values"/>; <paramref name="facts"/> are what
    /// the page noted while it was rendered as the shell (<see cref="ShellCapture.Note"/>, say the lesson's id). False
    /// when the page must be rendered for her after all.
    /// </summary>
    Task<bool> FillAsync(HttpContext http, IReadOnlyDictionary<string, string> facts, IDictionary<string, string> values);
}

/// <summary>A page with nothing personal but the layout's own slots (the header's name): nothing to record, nothing to add.</summary>
public sealed class LayoutOnly : IShellFiller
{
    public Task<bool> FillAsync(HttpContext http, IReadOnlyDictionary<string, string> facts, IDictionary<string, string> values) =>
        Task.FromResult(true);
}

/// <summary>Present on a request whose page is being rendered as a shell: components write slot markers, not her values.</summary>
public sealed class ShellCapture(string nonce)
{
    public static ShellCapture? Of(HttpContext? http) => http?.Features.Get<ShellCapture>();

    /// <summary>What the page noted for its <see cref="IShellFiller"/>.</summary>
    public Dictionary<string, string> Facts { get; } = [];

    /// <summary>Notes a fact of the page (the same for every reader) that its filler needs.</summary>
    public void Note(string key, string value) => Facts[key] = value;

    public MarkupString Text(string name) => new(SlotMarkers.Text(nonce, name));

    public MarkupString Variant(string name, string value) => new(SlotMarkers.Variant(nonce, name, value));

    public MarkupString End(string name) => new(SlotMarkers.End(nonce, name));
}

/// <summary>
/// This process's shells, by address, language and text size, dropped the moment the library changes here or in
/// another process (<see cref="ICatalogChanged"/>, like <see cref="CatalogCache"/>); at most
/// <see cref="SizeLimit"/> bytes, unused ones expire.
/// </summary>
public sealed class PageShells : ICatalogChanged, IDisposable
{
    public const long SizeLimit = 64L * 1024 * 1024;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(20);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private long generation;

    public string Nonce { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public long Generation => Volatile.Read(ref generation);

    /// <summary>Shells held (of every generation not yet evicted).</summary>
    public int Count => cache.Count;

    public PageShell? Find(string key) => cache.TryGetValue((Generation, key), out PageShell? shell) ? shell : null;

    /// <summary>Keeps a shell rendered in <paramref name="renderedIn"/>, unless the library changed meanwhile.</summary>
    public void Keep(string key, PageShell shell, long renderedIn)
    {
        if (renderedIn == Generation)
            cache.Set((renderedIn, key), shell, new MemoryCacheEntryOptions { Size = shell.Size, SlidingExpiration = Unused });
    }

    public ValueTask CatalogChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref generation);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>
/// Serves signed-in GETs of <see cref="PersonalShellAttribute"/> pages from their shell; on a miss renders the page
/// once as a shell (slot markers in place of her values), keeps it, and serves her from it. Runs after
/// authentication, the session check and must-change-password, so she is who the cookie says.
/// </summary>
public sealed class PageShellMiddleware(RequestDelegate next, PageShells shells, HtmlEncoder encoder, ILogger<PageShellMiddleware> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.Request.QueryString.HasValue
            || http.User.Identity?.IsAuthenticated != true || http.Request.Headers.ContainsKey("blazor-enhanced-nav")
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.GetEndpoint()?.Metadata.GetMetadata<PersonalShellAttribute>() is not { } page
            || AccountClaims.ShortName(http.User) is not { } name
            // Staff see their tools in the header (StaffToolLinks): their pages are rendered for them, never shared.
            || Layout.StaffTools.Of(http.User).Any)
        {
            await next(http);
            return;
        }
        // Her own page: no shared cache may keep it, her browser must ask again.
        http.Response.Headers.CacheControl = "private, no-cache";
        var key = $"{http.Request.Path.Value}\n{Preferences.Culture(http)}\n{Preferences.TextSize(http)}";
        var values = new Dictionary<string, string> { [NameSlot] = name };
        // Shells are gzip or plain (brotli streams cannot be joined): gzip only for a client that says it takes it.
        var gzip = http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var filler = (IShellFiller)http.RequestServices.GetRequiredService(page.Filler);
        if (shells.Find(key) is { } shell)
        {
            if (!await filler.FillAsync(http, shell.Facts, values) || !await shell.WriteAsync(http.Response, values, encoder, gzip, http.RequestAborted))
                await next(http);
            return;
        }

        var renderedIn = shells.Generation;
        var body = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        var capture = new ShellCapture(shells.Nonce);
        http.Features.Set(capture);
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(body);
            http.Features.Set<ShellCapture>(null);
        }
        var html = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        var contentType = http.Response.ContentType ?? "";
        if (http.Response.StatusCode == StatusCodes.Status200OK && contentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            var parsed = PageShell.Parse(html.Span, shells.Nonce, contentType, capture.Facts)
                ?? throw new InvalidOperationException($"The shell of {http.Request.Path} has slot markers that do not nest.");
            shells.Keep(key, parsed, renderedIn);
            if (await filler.FillAsync(http, parsed.Facts, values) && await parsed.WriteAsync(http.Response, values, encoder, gzip, http.RequestAborted))
                return;
        }
        // Not a page to keep (an error, a redirect) or not hers to fill: what was rendered, without markers.
        log.LogDebug("Not keeping a shell of {Path} ({Status})", http.Request.Path, http.Response.StatusCode);
        await http.Response.WriteAsync(SlotMarkers.Strip(System.Text.Encoding.UTF8.GetString(html.Span), shells.Nonce), http.RequestAborted);
    }

    /// <summary>The layout's slot with her short name (the account link in the header).</summary>
    public const string NameSlot = "name";
}
