using System.Globalization;
using System.Text.Json;
using HoaHung.Learning.Classes;
using HoaHung.Learning.WardStats;
using HoaHung.Learning.Web.Layout;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HoaHung.Learning.Web.WardView;

/// <summary>
/// The files of the ward view: the monthly report as .xlsx (officials and admins), and the open data (public): each
/// dataset as CSV (UTF-8 with BOM) and JSON, and the DCAT catalogue in JSON-LD that a city portal harvests.
/// </summary>
internal static class WardDownloads
{
    public const string License = "https://creativecommons.org/licenses/by/4.0/";
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public static async Task<IResult> ReportXlsxAsync(string month, WardFigures figures, WardLabels labels, HttpContext ctx, CancellationToken ct)
    {
        if (WardCalendar.Parse(month) is not { } m)
            return Results.NotFound();
        var report = await MonthlyReport.BuildAsync(figures, m, ct);
        IEnumerable<IDictionary<string, object?>> Sheet(IEnumerable<IEnumerable<object?>> rows) => rows.Select(Row);
        var sheets = new Dictionary<string, object>
        {
            [labels["Xlsx.Headline"]] = Sheet(
                new[] { new object?[] { labels["Report.Figure"], labels.Month(m) } }
                    .Concat(report.Learning.Measures.Select(x => new object?[] { labels.Measure(x), report.Learning.TotalOf(x).Json }))
                    .Concat(report.Classes.Measures.Select(x => new object?[] { labels.Measure(x), report.Classes.TotalOf(x).Json }))),
            [labels["Xlsx.Areas"]] = Sheet(
                new[] { new object?[] { labels["Table.Area"] }.Concat(report.Measures.Select(labels.Measure)) }
                    .Concat(report.Rows.Select(r => new object?[] { labels.Area(r.Area) }.Concat(r.Values.Select(v => v.Json))))
                    .Append(new object?[] { labels.WardTotal }.Concat(report.Total.Select(v => v.Json)))),
            [labels["Xlsx.NewLessons"]] = Sheet(
                new[] { new object?[] { labels["Table.Lesson"], labels["Table.Topic"], labels["Table.Team"], labels["Table.PublishedOn"] } }
                    .Concat(report.NewLessons.Select(l => new object?[] { l.Title, l.Topic, labels.Team(l.Team ?? ""), WardCalendar.Day(l.PublishedAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) }))),
        };
        using var buffer = new MemoryStream(); // Kestrel's body is async-only; a month's workbook is a few KB
        await buffer.SaveAsAsync(sheets, printHeader: false, excelType: ExcelType.XLSX, cancellationToken: ct);
        ctx.Response.Headers.CacheControl = "no-store, private";
        return Results.File(buffer.ToArray(), ReportFiles.XlsxType, $"bao-cao-phuong-{WardCalendar.Name(m)}.xlsx");
    }

    public static async Task<IResult> CsvAsync(string dataset, OpenData data, HttpContext ctx, CancellationToken ct)
    {
        if (await data.DatasetAsync(dataset, ct) is not { } set)
            return Results.NotFound();
        var table = new ReportTable(set.Columns, set.Rows.Select(r => (IReadOnlyList<object?>)r.Select(Cell).ToList()).ToList());
        using var buffer = new MemoryStream();
        await ReportFiles.WriteCsvAsync(table, buffer, ct);
        Public(ctx);
        return Results.File(buffer.ToArray(), ReportFiles.CsvType, $"{set.Name}.csv");
    }

    public static async Task<IResult> JsonAsync(string dataset, OpenData data, SiteUrls urls, HttpContext ctx, CancellationToken ct)
    {
        if (await data.DatasetAsync(dataset, ct) is not { } set)
            return Results.NotFound();
        var body = new Dictionary<string, object?>
        {
            ["dataset"] = set.Name,
            ["license"] = License,
            ["catalog"] = urls.Absolute(WardViewHosting.Catalog),
            ["period"] = set.First is null ? null : new { start = Date(set.First), end = Date(set.Last) },
            ["modified"] = Date(set.Modified),
            ["columns"] = set.Columns,
            ["rows"] = set.Rows.Select(r => set.Columns.Select((c, i) => (c, v: JsonCell(r[i]))).ToDictionary(x => x.c, x => x.v)).ToList(),
        };
        Public(ctx);
        return Results.Text(JsonSerializer.Serialize(body, Json), "application/json; charset=utf-8");
    }

    /// <summary>DCAT (W3C Data Catalog Vocabulary) in JSON-LD: the catalogue, each dataset, its CSV and JSON distributions.</summary>
    public static async Task<IResult> CatalogAsync(OpenData data, SiteUrls urls, IStringLocalizerFactory localizers, HttpContext ctx, CancellationToken ct)
    {
        var vi = Localizer(localizers, "vi");
        var en = Localizer(localizers, "en");
        object Text(string key) => new[] { new Dictionary<string, string> { ["@language"] = "vi", ["@value"] = vi[key] },
            new Dictionary<string, string> { ["@language"] = "en", ["@value"] = en[key] } };
        var datasets = new List<object>();
        foreach (var name in OpenData.Names)
        {
            var set = (await data.FactsAsync(name, ct))!; // period and last update, without building the rows
            var page = urls.Absolute(WardViewHosting.OpenDataPage) + "#" + name;
            datasets.Add(new Dictionary<string, object?>
            {
                ["@id"] = page,
                ["@type"] = "dcat:Dataset",
                ["dct:identifier"] = name,
                ["dct:title"] = Text($"Dataset.{name}.Title"),
                ["dct:description"] = Text($"Dataset.{name}.Description"),
                ["dct:license"] = new Dictionary<string, string> { ["@id"] = License },
                ["dct:publisher"] = new Dictionary<string, object> { ["@type"] = "foaf:Agent", ["foaf:name"] = Text("Publisher") },
                ["dct:language"] = new Dictionary<string, string> { ["@id"] = "http://publications.europa.eu/resource/authority/language/VIE" },
                ["dct:modified"] = Typed(set.Modified),
                ["dct:temporal"] = set.First is null ? null : new Dictionary<string, object?>
                {
                    ["@type"] = "dct:PeriodOfTime", ["dcat:startDate"] = Typed(set.First), ["dcat:endDate"] = Typed(set.Last),
                },
                ["dcat:landingPage"] = new Dictionary<string, string> { ["@id"] = page },
                ["dcat:keyword"] = Text($"Dataset.{name}.Keywords"),
                ["dcat:distribution"] = new[] { ("csv", "text/csv"), ("json", "application/json") }.Select(f => new Dictionary<string, object>
                {
                    ["@type"] = "dcat:Distribution",
                    ["dct:title"] = $"{name}.{f.Item1}",
                    ["dcat:downloadURL"] = new Dictionary<string, string> { ["@id"] = urls.Absolute(WardViewHosting.DatasetFile(name, f.Item1)) },
                    ["dcat:accessURL"] = new Dictionary<string, string> { ["@id"] = page },
                    ["dcat:mediaType"] = f.Item2,
                    ["dct:format"] = f.Item1.ToUpperInvariant(),
                    ["dct:license"] = new Dictionary<string, string> { ["@id"] = License },
                }).ToList(),
            });
        }
        var catalog = new Dictionary<string, object?>
        {
            ["@context"] = new Dictionary<string, string>
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#", ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/", ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = urls.Absolute(WardViewHosting.Catalog),
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Text("Catalog.Title"),
            ["dct:description"] = Text("Catalog.Description"),
            ["dct:publisher"] = new Dictionary<string, object> { ["@type"] = "foaf:Agent", ["foaf:name"] = Text("Publisher") },
            ["dct:license"] = new Dictionary<string, string> { ["@id"] = License },
            ["foaf:homepage"] = new Dictionary<string, string> { ["@id"] = urls.Absolute(WardViewHosting.OpenDataPage) },
            ["dcat:dataset"] = datasets,
        };
        Public(ctx);
        return Results.Text(JsonSerializer.Serialize(catalog, Json), "application/ld+json; charset=utf-8");
    }

    private static IStringLocalizer Localizer(IStringLocalizerFactory factory, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var localizer = factory.Create(typeof(WardResource));
            // Read every string now: the localizer reads the culture at each lookup.
            return new FixedStrings(localizer.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed class FixedStrings(Dictionary<string, string> strings) : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, strings.GetValueOrDefault(name) ?? name, !strings.ContainsKey(name));
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, this[name].Value, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => strings.Select(s => new LocalizedString(s.Key, s.Value));
    }

    private static void Public(HttpContext ctx) => ctx.Response.Headers.CacheControl = "public, max-age=300";

    private static object? Cell(object cell) => cell is Shown s ? s.Text : cell;

    private static object? JsonCell(object cell) => cell is Shown s ? s.Json : cell;

    private static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object? Typed(DateOnly? day) => day is null ? null : new Dictionary<string, string> { ["@value"] = Date(day)!, ["@type"] = "xsd:date" };

    private static Dictionary<string, object?> Row(IEnumerable<object?> cells)
    {
        var row = new Dictionary<string, object?>();
        var i = 0;
        foreach (var cell in cells)
            row[(i++).ToString(CultureInfo.InvariantCulture)] = cell is string s ? ReportFiles.Neutralise(s) : cell;
        return row;
    }
}
