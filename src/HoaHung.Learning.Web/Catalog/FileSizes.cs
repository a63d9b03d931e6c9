using System.Globalization;

namespace HoaHung.Learning.Web.Catalog;

/// <summary>File sizes as a person reads them, in the page's culture: "2,1 MB", "850 KB" (decimal units, as phones show them).</summary>
public static class FileSizes
{
    public static string Format(long bytes, CultureInfo? culture = null) => bytes >= 1_000_000
        ? (bytes / 1_000_000.0).ToString("0.0", culture ?? CultureInfo.CurrentCulture) + " MB"
        : Math.Max(1, (long)Math.Round(bytes / 1000.0)).ToString(culture ?? CultureInfo.CurrentCulture) + " KB";
}
