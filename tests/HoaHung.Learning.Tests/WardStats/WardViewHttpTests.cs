using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.WardStats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.WardStats;

/// <summary>
/// Issue 22's "done when" over real HTTP on each provider: residents of two khu phố finish a lesson; the dashboard,
/// the monthly spreadsheet and the open data show 7 for one and &lt;5 for the other; the catalogue lists every dataset.
/// </summary>
public abstract class WardViewHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : WardSite
{
    /// <summary>One CSV line's fields (RFC 4180: a quoted field may hold commas and doubled quotes).</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private const string Many = "Khu phố 3";
    private const string Few = "Khu phố 7";
    private const string Password = "hoa mai nở sáng nay";
    private static int counter;

    private string Month => WardCalendar.Name(WardCalendar.MonthOf(WardCalendar.Today(site.Clock)));

    /// <summary>A resident who signs up through the form, naming her khu phố (each from her own address: sign-ups are limited per address).</summary>
    private async Task<Visitor> ResidentAsync(string neighbourhood, string displayName)
    {
        var n = Interlocked.Increment(ref counter);
        var visitor = new Visitor(site, peer: $"10.22.{n / 200}.{n % 200 + 1}");
        var (response, _) = await visitor.SubmitAsync("/tai-khoan/dang-ky", "sign-up", Fields(
            ("Input.Name", $"0986{n:D6}"), ("Input.DisplayName", displayName), ("Input.Password", Password), ("Input.Confirm", Password),
            ("Input.Consent", "true"), ("Input.Neighbourhood", neighbourhood)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return visitor;
    }

    private async Task<string> CookieOfAsync(params string[] roles) =>
        await site.SignInAsync(await site.UserAsync(AccountSeed.UniqueName("ward"), "Cán bộ Thu", roles: roles));

    private async Task<HttpResponseMessage> GetAsync(string url, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return await site.Client(followRedirects: false).SendAsync(request);
    }

    private static string Cell(IDocument page, string table, string row, string column)
    {
        var headers = page.QuerySelectorAll($"#{table} thead th").Select(h => h.TextContent.Trim()).ToList();
        var index = headers.IndexOf(column);
        Assert.True(index > 0, $"no column '{column}' in {string.Join(" | ", headers)}");
        var tr = page.QuerySelectorAll($"#{table} tr").FirstOrDefault(r => r.QuerySelector("th")?.TextContent.Trim() == row)
            ?? throw new Xunit.Sdk.XunitException($"no row '{row}' in #{table}");
        return tr.Children[index].TextContent.Trim();
    }

    [Fact]
    public async Task Seven_learners_in_one_khu_pho_and_two_in_another_show_as_7_and_under_5_on_the_dashboard_spreadsheet_and_open_data()
    {
        site.EnsureAvailable();
        for (var i = 0; i < 7; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await (await ResidentAsync(Many, $"Nguyễn Thị Chín {i}")).CompleteAsync(WardSite.Tutorial)).StatusCode);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await (await ResidentAsync(Few, $"Trần Văn Mười {i}")).CompleteAsync(WardSite.Tutorial)).StatusCode);

        // The dashboard's table, read by an official
        var official = await CookieOfAsync(Roles.Official);
        var response = await GetAsync(WardViewHostingRoutes.Dashboard, official);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);
        Assert.Equal("7", Cell(page, "bang-khu-pho", Many, "Bài học xong"));
        Assert.Equal("<5", Cell(page, "bang-khu-pho", Few, "Bài học xong"));
        Assert.Equal("7", Cell(page, "bang-khu-pho", Many, "Tài khoản mới"));
        Assert.Equal("0", Cell(page, "bang-khu-pho", "Khu phố 1", "Bài học xong"));
        Assert.Equal("x", Cell(page, "bang-khu-pho", "Toàn phường", "Bài học xong")); // 9 − 7 would give the 2 away
        Assert.DoesNotContain("Nguyễn Thị Chín", html);
        Assert.DoesNotContain("Trần Văn Mười", html);
        Assert.DoesNotContain("0986", html);

        // The monthly report, printed and as a spreadsheet
        var report = await GetAsync($"/quan-tri/bao-cao/{Month}", official);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var printed = Html.Parse(await report.Content.ReadAsStringAsync());
        Assert.Equal("7", Cell(printed, "bao-cao-khu-pho", Many, "Bài học xong"));
        Assert.Equal("<5", Cell(printed, "bao-cao-khu-pho", Few, "Bài học xong"));
        var xlsx = await GetAsync($"/quan-tri/bao-cao/{Month}.xlsx", official);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var rows = (await stream.QueryAsync(useHeaderRow: false, sheetName: "Khu phố")).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToList()).ToList();
            var column = rows[0].IndexOf("Bài học xong");
            Assert.True(column > 0);
            Assert.Equal("7", rows.Single(r => r[0] == Many)[column]);
            Assert.Equal("<5", rows.Single(r => r[0] == Few)[column]);
        }

        // Open data, for anyone: CSV with a BOM, and JSON
        var csv = await GetAsync("/du-lieu-mo/hoc-tap-theo-khu-pho.csv", cookie: null);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var table = lines.Select(CsvFields).ToList();
        var header = table[0];
        Assert.Equal(OpenData.ColumnsOf(OpenData.Learning), header);
        var lessons = header.IndexOf("bai_hoc_xong");
        Assert.Equal("7", table.Single(r => r[0] == Month && r[1] == Many)[lessons]);
        Assert.Equal("<5", table.Single(r => r[0] == Month && r[1] == Few)[lessons]);
        Assert.Equal("x", table.Single(r => r[0] == Month && r[1] == OpenData.WardTotal)[lessons]);
        Assert.DoesNotContain(lines, l => l.Contains("Nguyễn") || l.Contains("0986"));

        using var json = JsonDocument.Parse(await (await GetAsync("/du-lieu-mo/hoc-tap-theo-khu-pho.json", null)).Content.ReadAsStringAsync());
        var rowsJson = json.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("thang").GetString() == Month).ToList();
        Assert.Equal(7, rowsJson.Single(r => r.GetProperty("khu_pho").GetString() == Many).GetProperty("bai_hoc_xong").GetInt32());
        Assert.Equal("<5", rowsJson.Single(r => r.GetProperty("khu_pho").GetString() == Few).GetProperty("bai_hoc_xong").GetString());
        Assert.Equal(Shown.Small, rowsJson.Single(r => r.GetProperty("khu_pho").GetString() == Few).GetProperty("tai_khoan_moi").GetString());
    }

    [Fact]
    public async Task The_catalogue_lists_every_dataset_with_its_download_urls_and_each_answers()
    {
        site.EnsureAvailable();
        var response = await GetAsync("/du-lieu-mo/catalog.json", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("http://www.w3.org/ns/dcat#", root.GetProperty("@context").GetProperty("dcat").GetString());
        Assert.Equal("dcat:Catalog", root.GetProperty("@type").GetString());
        var datasets = root.GetProperty("dcat:dataset").EnumerateArray().ToList();
        Assert.Equal(OpenData.Names.Order(), datasets.Select(d => d.GetProperty("dct:identifier").GetString()).Order());
        foreach (var set in datasets)
        {
            var name = set.GetProperty("dct:identifier").GetString()!;
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", set.GetProperty("dct:license").GetProperty("@id").GetString());
            Assert.Contains(set.GetProperty("dct:title").EnumerateArray(), t => t.GetProperty("@language").GetString() == "vi");
            var urls = set.GetProperty("dcat:distribution").EnumerateArray().Select(d => d.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!).ToList();
            Assert.Equal([$"/du-lieu-mo/{name}.csv", $"/du-lieu-mo/{name}.json"], urls.Select(u => new Uri(u).AbsolutePath));
            foreach (var url in urls)
                Assert.Equal(HttpStatusCode.OK, (await GetAsync(new Uri(url).PathAndQuery, null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/du-lieu-mo/khong-co.csv", null)).StatusCode);

        // The catalogue and the page read each dataset's facts without its rows: the same period, update and row count.
        var data = site.Services.GetRequiredService<OpenData>();
        foreach (var name in OpenData.Names)
        {
            var full = (await data.DatasetAsync(name, CancellationToken.None))!;
            var facts = (await data.FactsAsync(name, CancellationToken.None))!;
            Assert.Equal((full.Rows.Count, full.First, full.Last, full.Modified), (facts.Rows, facts.First, facts.Last, facts.Modified));
        }
        Assert.Null(await data.FactsAsync("khong-co", CancellationToken.None));

        var (_, page) = await site.Client().GetPageAsync("/du-lieu-mo");
        Assert.Equal("Dữ liệu mở", page.Text("h1"));
        foreach (var name in OpenData.Names)
            Assert.NotNull(page.QuerySelector($"a[href='/du-lieu-mo/{name}.csv']"));
        var (_, english) = await site.Client().GetPageAsync("/du-lieu-mo", r => r.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den"));
        Assert.Equal("Open data", english.Text("h1"));
    }

    [Fact]
    public async Task Learners_and_anonymous_readers_are_refused_the_dashboard_and_report_and_admins_see_them()
    {
        site.EnsureAvailable();
        var learner = await CookieOfAsync();
        var admin = await CookieOfAsync(Roles.Admin);
        foreach (var url in new[] { WardViewHostingRoutes.Dashboard, $"/quan-tri/bao-cao/{Month}", $"/quan-tri/bao-cao/{Month}.xlsx" })
        {
            var anonymous = await GetAsync(url, null);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/tai-khoan/dang-nhap", Location(anonymous));
            var refused = await GetAsync(url, learner);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/tai-khoan/khong-co-quyen", Location(refused));
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, admin)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/quan-tri/bao-cao/2026-13", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/quan-tri/bao-cao/thang-nay.xlsx", admin)).StatusCode);
    }

    [Fact]
    public async Task Searches_that_found_nothing_are_counted_by_folded_text_and_shown_on_the_dashboard()
    {
        site.EnsureAvailable();
        var client = site.Client();
        await client.GetAsync("/tim-kiem?q=Đổi+bằng+lái+xe+máy");
        await client.GetAsync("/api/v1/search?q=doi+bang+lai+xe+may&limit=5");
        await client.GetAsync("/api/v1/search?q=ho+chieu+gan+chip");
        await client.GetAsync("/api/v1/search/suggestions?q=khong+dem+goi+y"); // typing: never counted
        await client.GetAsync("/api/v1/search?q=huong+dan&type=video");          // filtered: not a gap in the library
        await client.GetAsync("/tim-kiem?q=0912345678");                         // a phone number: never stored
        await client.GetAsync("/api/v1/search?q=bai+huong+dan");                 // found: not counted

        var stored = await site.WithDbAsync(db => db.Set<SearchMiss>().AsNoTracking().ToListAsync());
        Assert.Equal(2, stored.Single(m => m.Query == "doi bang lai xe may").Count);
        Assert.Equal(1, stored.Single(m => m.Query == "ho chieu gan chip").Count);
        Assert.Equal(["doi bang lai xe may", "ho chieu gan chip"], stored.Select(m => m.Query).Order());

        var page = Html.Parse(await (await GetAsync(WardViewHostingRoutes.Dashboard, await CookieOfAsync(Roles.Official))).Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("#bang-tim-khong-thay tbody tr").Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim())).ToList();
        Assert.Equal([("doi bang lai xe may", "2"), ("ho chieu gan chip", "1")], rows);
    }
}

/// <summary>The routes of the ward view as the issue names them (contracts, written out here on purpose).</summary>
internal static class WardViewHostingRoutes
{
    public const string Dashboard = "/quan-tri/tong-quan";
}

public sealed class WardViewHttpTestsOnSqlite(SqliteWardSite site) : WardViewHttpTests<SqliteWardSite>(site);

public sealed class WardViewHttpTestsOnPostgres(PostgresWardSite site) : WardViewHttpTests<PostgresWardSite>(site);
