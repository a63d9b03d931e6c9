using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// The one place that decides a response's content coding from <c>Accept-Encoding</c> (RFC 9110 §12.5.3): the
/// compression middleware (<see cref="SiteCompressionProvider"/>), the output cache's key (so a stored compressed page
/// is replayed only to clients that take that coding) and the page shells all ask here. A coding is acceptable with
/// a weight above zero, named or through <c>*</c>; <c>gzip;q=0</c> refuses gzip even beside <c>*</c>; the highest weight
/// wins and ties go to the server's order (brotli, then gzip); <c>identity</c> wins only when weighted above both.
/// </summary>
public static class ContentCodings
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    /// <summary>No coding: the plain bytes.</summary>
    public const string Identity = "";

    private static readonly object Chosen = new();

    /// <summary>
    /// This response's coding, decided once per request (the compression middleware and the output cache's key ask
    /// for the same request and must agree).
    /// </summary>
    public static string For(HttpContext http)
    {
        if (http.Items.TryGetValue(Chosen, out var chosen) && chosen is string coding)
            return coding;
        coding = Choose(http.Request.Headers.AcceptEncoding);
        http.Items[Chosen] = coding;
        return coding;
    }

    /// <summary>Whether a page shell goes out gzip (its pieces are joined gzip members: never brotli) or plain.</summary>
    public static bool ShellGzip(HttpContext http) => Choose(http.Request.Headers.AcceptEncoding, brotli: false) == Gzip;

    /// <param name="brotli">False for answers that cannot be brotli (page shells are joined gzip members).</param>
    public static string Choose(StringValues acceptEncoding, bool brotli = true)
    {
        double br = -1, gzip = -1, identity = -1, any = -1; // -1: not named
        foreach (var value in acceptEncoding)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? default : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (name.IsEmpty)
                    continue;
                var weight = semicolon < 0 ? 1 : Weight(item[(semicolon + 1)..]);
                if (weight < 0)
                    continue; // a malformed weight: as if the coding were not named
                // The first mention of a coding counts.
                if (name.Equals(Brotli, StringComparison.OrdinalIgnoreCase)) br = br < 0 ? weight : br;
                else if (name.Equals(Gzip, StringComparison.OrdinalIgnoreCase)) gzip = gzip < 0 ? weight : gzip;
                else if (name.Equals("identity", StringComparison.OrdinalIgnoreCase)) identity = identity < 0 ? weight : identity;
                else if (name.SequenceEqual("*")) any = any < 0 ? weight : any;
            }
        }
        var wildcard = Math.Max(any, 0);
        var brWeight = brotli ? (br >= 0 ? br : wildcard) : 0;
        var gzipWeight = gzip >= 0 ? gzip : wildcard;
        var best = Math.Max(brWeight, gzipWeight);
        if (best <= 0 || identity > best)
            return Identity;
        return brWeight == best ? Brotli : Gzip;
    }

    /// <summary>The <c>q</c> parameter of one coding's parameters (1 without one); -1 when it is not a weight from 0 to 1.</summary>
    private static double Weight(ReadOnlySpan<char> parameters)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? default : parameters[(semicolon + 1)..];
            if (parameter.IsEmpty || (parameter[0] | 0x20) != 'q')
                continue;
            var after = parameter[1..].TrimStart();
            if (after.IsEmpty || after[0] != '=')
                continue;
            var number = after[1..].Trim();
            return number.Length is > 0 and <= 5 && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
                && q is >= 0 and <= 1 ? q : -1;
        }
        return 1;
    }
}

/// <summary>
/// The response compression middleware's choice of coding, taken from <see cref="ContentCodings"/> (the stock provider
/// keeps its own reading of <c>Accept-Encoding</c>, which the output cache's key would then have to copy).
/// </summary>
internal sealed class SiteCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options,
    IOptions<BrotliCompressionProviderOptions> brotliOptions, IOptions<GzipCompressionProviderOptions> gzipOptions)
    : ResponseCompressionProvider(services, options)
{
    private readonly BrotliCompressionProvider brotli = new(brotliOptions);
    private readonly GzipCompressionProvider gzip = new(gzipOptions);
    // A page the output cache will keep is compressed once and sent thousands of times: the smallest coding is
    // worth its few milliseconds there (a lesson page 7.4 → 6.3 KB in brotli); answers made per request keep the
    // configured, faster level.
    private readonly BrotliCompressionProvider brotliSmallest = new(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.SmallestSize }));
    private readonly GzipCompressionProvider gzipSmallest = new(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.SmallestSize }));

    public override ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var stored = context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true };
        return ContentCodings.For(context) switch
        {
            ContentCodings.Brotli => stored ? brotliSmallest : brotli,
            ContentCodings.Gzip => stored ? gzipSmallest : gzip,
            _ => null,
        };
    }
}
