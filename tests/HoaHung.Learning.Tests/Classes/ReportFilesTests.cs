using System.Globalization;
using System.IO.Compression;
using System.Text;
using HoaHung.Learning.Classes;
using MiniExcelLibs;

namespace HoaHung.Learning.Tests.Classes;

public sealed class ReportFilesTests
{
    public static readonly ReportLabels Labels = new("Họ tên", "Tên đăng nhập", "Nhóm", "Số buổi có mặt", "Cần giúp", "Có",
        "Buổi {0} ({1:dd/MM})", "{0} (điểm %)", "{0}/{1} bài", "Xong", "Đang học", "Chưa bắt đầu", "Không giao",
        new Dictionary<AttendanceStatus, string>
        {
            [AttendanceStatus.Present] = "Có mặt", [AttendanceStatus.Late] = "Đi trễ",
            [AttendanceStatus.Excused] = "Có phép", [AttendanceStatus.Absent] = "Vắng",
        }, "Khu phố");

    private static readonly CultureInfo Vi = new("vi");

    internal static ReportTable Table() => ReportTable.From(new ClassReport(1, "Lớp", null, null, new DateTime(2026, 12, 5, 1, 0, 0, DateTimeKind.Utc),
        [new SessionView(1, new DateTime(2026, 12, 5, 1, 0, 0, DateTimeKind.Utc), 90, null)],
        [new GridColumn(1, AssignmentKind.Lesson, "a", "=HYPERLINK(\"http://x\")", null, null),
         new GridColumn(2, AssignmentKind.Quiz, "q", "Kiểm tra, \"nhanh\"", null, null),
         new GridColumn(3, AssignmentKind.Path, "p", "Lộ trình", 9, null)],
        [new GroupView(9, "Nhóm A")],
        [new ReportRow("Nguyễn Thị Ánh", "anhnt", 9, [AttendanceStatus.Late],
            [new GridCell(CellState.Done), new GridCell(CellState.Done, 67, true), new GridCell(CellState.InProgress, Completed: 1, Total: 2)])
            { Neighbourhood = "Khu phố 5" },
         new ReportRow("+84 Trần Văn B", "-bt", null, [null],
            [new GridCell(CellState.NotStarted), new GridCell(CellState.InProgress, NeedsHelp: true), GridCell.NotAssigned]),
         new ReportRow("@SUM(A1)", "tabby", null, [AttendanceStatus.Absent],
            [new GridCell(CellState.InProgress), GridCell.NotStarted, GridCell.NotAssigned])]), Labels, Vi);

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Bà Tư", "Bà Tư")]
    [InlineData("a=1", "a=1")]
    [InlineData("", "")]
    public void Formula_starts_are_neutralised(string value, string expected) => Assert.Equal(expected, ReportFiles.Neutralise(value));

    [Fact]
    public void Table_has_one_column_per_session_and_assignment_with_words_and_scores()
    {
        var table = Table();
        Assert.Equal(["Họ tên", "Tên đăng nhập", "Nhóm", "Buổi 1 (05/12)", "Số buổi có mặt", "=HYPERLINK(\"http://x\")",
            "Kiểm tra, \"nhanh\" (điểm %)", "Lộ trình", "Cần giúp", "Khu phố"], table.Header);
        Assert.Equal(["Nguyễn Thị Ánh", "anhnt", "Nhóm A", "Đi trễ", 1, "Xong", 67, "1/2 bài", null, "Khu phố 5"], table.Rows[0]);
        Assert.Equal(["+84 Trần Văn B", "-bt", null, null, 0, "Chưa bắt đầu", "Đang học", "Không giao", "Có", null], table.Rows[1]);
    }

    [Fact]
    public async Task Csv_is_utf8_with_a_bom_quoted_and_neutralised_and_reads_back()
    {
        using var stream = new MemoryStream();
        await ReportFiles.WriteCsvAsync(Table(), stream, default);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(4, rows.Count);
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[0][5]);
        Assert.Equal("Kiểm tra, \"nhanh\" (điểm %)", rows[0][6]);
        Assert.Equal(["Nguyễn Thị Ánh", "anhnt", "Nhóm A", "Đi trễ", "1", "Xong", "67", "1/2 bài", "", "Khu phố 5"], rows[1]);
        Assert.Equal(["'+84 Trần Văn B", "'-bt"], rows[2][..2]);
        Assert.Equal("'@SUM(A1)", rows[3][0]);
        Assert.All(rows.Skip(1).SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), cell));
    }

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    [InlineData('\t')]
    public async Task No_field_becomes_a_formula_whatever_the_spreadsheet_list_separator(char separator)
    {
        // Issue 26 item 6: "Lan;=1+1" written unquoted is two cells, the second a formula, where the list separator is ';'.
        // Such a spreadsheet honours a quote only at the start of one of its own cells, so quoting alone is not enough.
        var hostile = new[] { "Lan;=1+1", "Mai;@SUM(1)", "Hoa,+1", "Cúc\t-2", "Đào; =1", "Sen\r\n=1", "Tư;\"=1\"", "Na; \" @A1" };
        var table = new ReportTable(["Họ tên", "Tên đăng nhập"], [.. hostile.Select(h => new object?[] { h, "x" + h })]);
        using var stream = new MemoryStream();
        await ReportFiles.WriteCsvAsync(table, stream, default);
        var text = Encoding.UTF8.GetString(stream.ToArray(), 3, (int)stream.Length - 3);
        var cells = Csv.Parse(text, separator).SelectMany(r => r).ToList();
        Assert.All(cells, cell => Assert.False(cell.TrimStart(' ', '"').Length > 0 && "=+-@".Contains(cell.TrimStart(' ', '"')[0]), cell));
        if (separator == ',')
            Assert.Equal(["Lan;'=1+1", "Mai;'@SUM(1)", "Hoa,'+1", "Cúc\t'-2", "Đào; '=1", "Sen\r\n'=1", "Tư;\"'=1\"", "Na; \" '@A1"],
                Csv.Parse(text).Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData("Lan;=1+1", "Lan;'=1+1")]
    [InlineData("Nguyễn Thị Ánh, Khu phố 5", "Nguyễn Thị Ánh, Khu phố 5")]
    [InlineData("a=1;b", "a=1;b")]
    public void Every_piece_a_spreadsheet_could_cut_is_neutralised(string value, string expected) =>
        Assert.Equal(expected, ReportFiles.Neutralise(value));

    [Fact]
    public async Task Xlsx_reads_back_with_numbers_as_numbers_and_no_formulas()
    {
        using var stream = new MemoryStream();
        await ReportFiles.WriteXlsxAsync(Table(), "Lớp: VNeID/mức 2 — Khu phố 5 sáng thứ Bảy", stream, default);
        stream.Position = 0;
        var rows = (await stream.QueryAsync(useHeaderRow: false)).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[0][5]);
        Assert.Equal("Nguyễn Thị Ánh", rows[1][0]);
        Assert.Equal(67d, Convert.ToDouble(rows[1][6], CultureInfo.InvariantCulture));
        Assert.Equal("'+84 Trần Văn B", rows[2][0]);
        Assert.Equal("'@SUM(A1)", rows[3][0]);

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sheets);
        foreach (var sheet in sheets)
        {
            using var reader = new StreamReader(sheet.Open());
            Assert.DoesNotMatch(@"<(\w+:)?f[ >]", await reader.ReadToEndAsync());
        }
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        Assert.Contains("name=\"Lớp VNeIDmức 2 — Khu phố 5 sáng", workbook);
    }

    [Theory]
    [InlineData("VNeID mức 2 — Khu phố 5 — sáng thứ Bảy", "lop-vneid-muc-2-khu-pho-5-sang-thu-bay-20261205.csv")]
    [InlineData("Đường/..\\\"quê\" <tôi>", "lop-duong-que-toi-20261205.csv")]
    [InlineData("———", "lop-20261205.csv")]
    public void File_names_are_ascii(string name, string expected)
    {
        var file = ReportFiles.FileName(name, new DateTime(2026, 12, 4, 20, 0, 0, DateTimeKind.Utc), "csv");
        Assert.Equal(expected, file);
        Assert.All(file, c => Assert.True(char.IsAscii(c)));
    }
}

/// <summary>A strict RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF rows).</summary>
internal static class Csv
{
    /// <summary>Reads <paramref name="text"/> as a spreadsheet whose list separator is <paramref name="separator"/> would.</summary>
    public static List<List<string>> Parse(string text, char separator = ',')
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
            rows.Add([.. row, field.ToString()]);
        return rows;
    }
}
