using System.Collections;
using System.Globalization;
using System.Text;
using QRCoder;

namespace HoaHung.Learning.Web.Layout;

/// <summary>QR codes as inline SVG (no image request, sharp when printed).</summary>
public static class QrCodes
{
    /// <summary>An SVG QR code of <paramref name="url"/>; the input is our own URL, never a person's text.</summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return Svg(data.ModuleMatrix);
    }

    /// <summary>
    /// The modules (quiet zone included) as one path of one-module-high strokes, one per run of dark modules, each run
    /// after the first of its row placed relative to the end of the one before. Every lesson page carries one (the
    /// printed handout's code): this is about half the bytes of QRCoder's own SVG, a filled rectangle per run
    /// (3,218 → 1,6xx characters for a lesson's address; <c>QrCodesTests</c> reads the path back module by module).
    /// </summary>
    internal static string Svg(IReadOnlyList<BitArray> modules)
    {
        var size = modules.Count;
        var d = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            int? pen = null;
            for (var x = 0; x < size; x++)
            {
                if (!modules[y][x] || (x > 0 && modules[y][x - 1]))
                    continue;
                var end = x;
                while (end < size && modules[y][end])
                    end++;
                if (pen is { } at)
                    d.Append(CultureInfo.InvariantCulture, $"m{x - at} 0h{end - x}");
                else
                    d.Append(CultureInfo.InvariantCulture, $"M{x} {y}.5h{end - x}");
                pen = end;
            }
        }
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path stroke=\"#000\" d=\"{d}\"/></svg>";
    }
}
