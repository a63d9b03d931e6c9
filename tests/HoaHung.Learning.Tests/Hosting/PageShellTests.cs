using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Shell;
using Microsoft.AspNetCore.Http;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>A page kept as a shell: parsed from its slot markers, sent with her values, compressed once or not at all.</summary>
public sealed class PageShellTests
{
    private const string Nonce = "ABC123";
    private static readonly Dictionary<string, string> NoFacts = [];

    // The site's encoder: Vietnamese letters as they are, markup escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Page(string middle) =>
        $"<!DOCTYPE html><html><body><header><span>{SlotMarkers.Text(Nonce, "name")}</span></header>"
        + string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>Đoạn văn số {i} về VNeID.</p>"))
        + middle + "<footer>Hòa Hưng</footer></body></html>";

    private static readonly string Done =
        $"{SlotMarkers.Variant(Nonce, "done", "0")}<p hidden>✓ Đã học</p>{SlotMarkers.Variant(Nonce, "done", "1")}<p>✓ Đã học</p>{SlotMarkers.End(Nonce, "done")}";

    private static PageShell Parse(string html) =>
        PageShell.Parse(Encoding.UTF8.GetBytes(html), Nonce, "text/html; charset=utf-8", NoFacts) ?? throw new InvalidOperationException("no shell");

    private static async Task<(bool Written, HttpResponse Response, byte[] Body)> WriteAsync(PageShell shell, Dictionary<string, string> values, bool gzip)
    {
        var http = new DefaultHttpContext();
        var body = new MemoryStream();
        http.Response.Body = body;
        var written = await shell.WriteAsync(http.Response, values, Encoder, gzip, CancellationToken.None);
        return (written, http.Response, body.ToArray());
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Theory]
    [InlineData("1", "<p>✓ Đã học</p>")]
    [InlineData("0", "<p hidden>✓ Đã học</p>")]
    public async Task Her_values_fill_the_slots_compressed_or_not_and_both_give_the_same_page(string done, string line)
    {
        var shell = Parse(Page(Done));
        var values = new Dictionary<string, string> { ["name"] = "Lan", ["done"] = done };
        var expected = Page(line).Replace(SlotMarkers.Text(Nonce, "name"), "Lan");

        var (plainWritten, plain, plainBody) = await WriteAsync(shell, values, gzip: false);
        var (gzipWritten, zipped, gzipBody) = await WriteAsync(shell, values, gzip: true);

        Assert.True(plainWritten && gzipWritten);
        Assert.Equal(expected, Encoding.UTF8.GetString(plainBody));
        Assert.Equal(expected, Gunzip(gzipBody)); // GZipStream checks the CRC-32 and length in the trailer
        Assert.Equal("gzip", zipped.Headers.ContentEncoding.ToString());
        Assert.Equal(gzipBody.Length, zipped.ContentLength);
        Assert.Equal(plainBody.Length, plain.ContentLength);
        Assert.True(gzipBody.Length < plainBody.Length / 4, $"{gzipBody.Length} of {plainBody.Length} bytes");
        Assert.Equal("text/html; charset=utf-8", zipped.ContentType);
    }

    [Fact]
    public async Task A_name_is_html_encoded_and_a_value_longer_than_one_stored_block_survives()
    {
        var shell = Parse(Page(""));
        var hostile = "<script>alert('x')</script>&";
        var (_, _, body) = await WriteAsync(shell, new() { ["name"] = hostile }, gzip: true);
        var html = Gunzip(body);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);

        var longName = new string('ầ', 40_000); // 120,000 UTF-8 bytes: two stored blocks
        var (_, _, longBody) = await WriteAsync(shell, new() { ["name"] = longName }, gzip: true);
        Assert.Contains(longName, Gunzip(longBody));
    }

    [Fact]
    public async Task A_missing_value_writes_nothing_so_the_page_is_rendered_for_her()
    {
        var shell = Parse(Page(Done));
        var (written, response, body) = await WriteAsync(shell, new() { ["name"] = "Lan" }, gzip: true);
        Assert.False(written);
        Assert.Empty(body);
        Assert.False(response.Headers.ContainsKey("Content-Encoding"));

        var (unknown, _, _) = await WriteAsync(shell, new() { ["name"] = "Lan", ["done"] = "2" }, gzip: false);
        Assert.False(unknown);
    }

    [Theory]
    [InlineData("v:done:0-->a")]                                    // a group never ended
    [InlineData("v:done:0-->a<!--hh-slot:ABC123:t:name-->")]        // a text slot inside a group
    [InlineData("v:done:0-->a<!--hh-slot:ABC123:e:other-->")]       // ended by another name
    [InlineData("e:done-->")]                                       // an end with no group
    [InlineData("x:what-->")]                                       // a kind that does not exist
    [InlineData("t:name")]                                          // a marker never closed
    public void Markers_that_do_not_nest_give_no_shell(string marker)
    {
        var html = Encoding.UTF8.GetBytes($"<p>a</p>{SlotMarkers.Prefix(Nonce)}{marker}<p>b</p>");
        Assert.Null(PageShell.Parse(html, Nonce, "text/html", NoFacts));
    }

    [Fact]
    public async Task A_marker_of_another_nonce_is_only_text()
    {
        var forged = "<!--hh-slot:FFFF:t:name-->";
        var shell = Parse(Page(forged));
        var (_, _, body) = await WriteAsync(shell, new() { ["name"] = "Lan" }, gzip: false);
        Assert.Contains(forged, Encoding.UTF8.GetString(body));
    }
}
