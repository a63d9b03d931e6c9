using System.Globalization;
using System.Text.RegularExpressions;
using HoaHung.Learning.Web.Layout;
using QRCoder;

namespace HoaHung.Learning.Tests.Layout;

/// <summary>The compact SVG paints exactly the dark modules of the code QRCoder makes, quiet zone included.</summary>
public sealed partial class QrCodesTests
{
    [Theory]
    [InlineData("https://hoahung.example.vn/bai-hoc/dang-ky-vneid-muc-1")]
    [InlineData("http://127.0.0.1:5093/bai-hoc/ket-noi-wi-fi")]
    [InlineData("https://hoahung.example.vn/diem-danh/9f2c1a7e-0b9d-4c1e-9a51-3f0f2b6c8d11?ve=Q7K2M9PX4T")]
    public void The_svg_paints_every_dark_module_and_nothing_else(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;

        var svg = QrCodes.Svg(url);

        Assert.StartsWith($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\"", svg);
        Assert.Contains($"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>", svg);
        var painted = new bool[size, size];
        var path = Path().Match(svg).Groups[1].Value;
        int x = 0, y = 0;
        foreach (Match step in Step().Matches(path))
        {
            int a = Number(step.Groups[2].Value), length = Number(step.Groups[4].Value);
            if (step.Groups[1].Value == "M")
            {
                x = a;
                y = Number(step.Groups[3].Value);
            }
            else
            {
                Assert.True(a > 0, "a run starts after the one before on its row");
                x += a;
            }
            Assert.True(length > 0);
            for (var i = 0; i < length; i++)
            {
                Assert.False(painted[y, x + i], $"module ({x + i}, {y}) painted twice");
                painted[y, x + i] = true;
            }
            x += length;
        }
        Assert.Equal(path, string.Concat(Step().Matches(path).Select(m => m.Value))); // nothing but steps in the path
        for (var row = 0; row < size; row++)
            for (var column = 0; column < size; column++)
                Assert.True(data.ModuleMatrix[row][column] == painted[row, column], $"module ({column}, {row})");
        var theirs = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        Assert.True(svg.Length < theirs.Length * 0.6, $"{svg.Length} characters, QRCoder's own SVG {theirs.Length}");
    }

    private static int Number(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex("<path stroke=\"#000\" d=\"([^\"]*)\"/></svg>$")]
    private static partial Regex Path();

    // "M4 6.5h7" (a row's first run, stroked along the middle of its row) or "m2 0h1" (the next run on the same row).
    [GeneratedRegex(@"([Mm])(\d+) (?:(\d+)\.5|0)h(\d+)")]
    private static partial Regex Step();
}
