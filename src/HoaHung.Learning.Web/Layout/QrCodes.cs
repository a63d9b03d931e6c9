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
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
