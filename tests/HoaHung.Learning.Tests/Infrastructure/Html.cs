using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HoaHung.Learning.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string url,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response, Parse(body));
    }

    public static string Text(this IDocument doc, string selector) =>
        doc.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}'");
}
