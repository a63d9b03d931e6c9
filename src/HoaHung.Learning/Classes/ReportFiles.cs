using System.Text;
using HoaHung.Learning.Text;
using MiniExcelLibs;

namespace HoaHung.Learning.Classes;

/// <summary>
/// The report as files, the site's one CSV writer: CSV (UTF-8 with a byte order mark, so Excel shows Vietnamese) and .xlsx (MiniExcel, which
/// writes rows as it enumerates them instead of building the workbook in memory). Every text cell is neutralised
/// against formula injection (OWASP "CSV Injection"), in both, since an .xlsx is often saved again as CSV.
/// </summary>
public static class ReportFiles
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A text that a spreadsheet could read as a formula gets an apostrophe: at its start, and at the start of every
    /// piece a spreadsheet could cut it into. A spreadsheet whose list separator is <c>;</c> (Vietnamese regional
    /// settings) or a tab splits a comma file there and honours a quote only at the start of a cell, so in
    /// <c>Lan;=1+1</c> the <c>=1+1</c> is a cell of its own: it becomes <c>Lan;'=1+1</c>. Spaces and quotes before the
    /// formula sign do not hide it.
    /// </summary>
    public static string Neutralise(string value)
    {
        if (value.Length == 0)
            return value;
        if (value[0] is '\t' or '\r')
            return "'" + value;
        StringBuilder? text = null;
        var pieceStart = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (pieceStart && c is '=' or '+' or '-' or '@')
            {
                text ??= new StringBuilder(value, 0, i, value.Length + 4);
                text.Append('\'');
                pieceStart = false;
            }
            else if (c is ';' or ',' or '\t' or '\r' or '\n')
                pieceStart = true;
            else if (c is not (' ' or '"'))
                pieceStart = false;
            text?.Append(c);
        }
        return text?.ToString() ?? value;
    }

    public static async Task WriteCsvAsync(ReportTable table, Stream stream, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await WriteLineAsync(writer, table.Header, ct);
        foreach (var row in table.Rows)
            await WriteLineAsync(writer, row, ct);
        await writer.FlushAsync(ct);
    }

    /// <summary>Several tables as sheets of one workbook, in order (the class report and its gains, say).</summary>
    public static async Task WriteXlsxAsync(IReadOnlyList<(string SheetName, ReportTable Table)> sheets, Stream stream, CancellationToken ct)
    {
        static IEnumerable<IDictionary<string, object?>> Rows(ReportTable table)
        {
            yield return Row(table.Header);
            foreach (var row in table.Rows)
                yield return Row(row);
        }
        var book = new Dictionary<string, object>();
        foreach (var (name, table) in sheets)
        {
            var sheet = SheetName(name);
            for (var n = 2; book.ContainsKey(sheet); n++)
                sheet = SheetName($"{name[..Math.Min(name.Length, 26)]} ({n})");
            book[sheet] = Rows(table);
        }
        await stream.SaveAsAsync(book, printHeader: false, excelType: ExcelType.XLSX, cancellationToken: ct);
    }

    public static async Task WriteXlsxAsync(ReportTable table, string sheetName, Stream stream, CancellationToken ct)
    {
        // Keys are column numbers, so equal headers cannot collide; the header is the first row of data.
        IEnumerable<IDictionary<string, object?>> Rows()
        {
            yield return Row(table.Header);
            foreach (var row in table.Rows)
                yield return Row(row);
        }
        await stream.SaveAsAsync(Rows(), printHeader: false, sheetName: SheetName(sheetName), excelType: ExcelType.XLSX, cancellationToken: ct);
    }

    /// <summary>An ASCII file name for the class: <c>lop-vneid-muc-2-kp5-20261205.csv</c>.</summary>
    public static string FileName(string className, DateTime generatedAt, string extension)
    {
        var slug = new StringBuilder();
        foreach (var c in TextFolding.Fold(className))
        {
            if (slug.Length >= 40)
                break;
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        return $"lop-{(name.Length > 0 ? name + "-" : "")}{WardTime.ToWard(generatedAt):yyyyMMdd}.{extension}";
    }

    private static async Task WriteLineAsync(StreamWriter writer, IEnumerable<object?> cells, CancellationToken ct)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
                await writer.WriteAsync(',');
            first = false;
            await writer.WriteAsync(Field(cell));
        }
        await writer.WriteAsync("\r\n".AsMemory(), ct);
    }

    /// <summary>
    /// RFC 4180, every text field quoted (its quotes doubled), numbers bare. A spreadsheet splits an unquoted field at its
    /// own list separator, which is <c>;</c> under Vietnamese regional settings and may be a tab: unquoted, <c>Lan;=1+1</c>
    /// is two cells and the second a formula. Quoted, it is one cell whatever the separator, and its start is neutralised.
    /// </summary>
    private static string Field(object? cell) => cell switch
    {
        null => "",
        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "\"" + Neutralise(cell.ToString() ?? "").Replace("\"", "\"\"") + "\"",
    };

    private static Dictionary<string, object?> Row(IEnumerable<object?> cells)
    {
        var row = new Dictionary<string, object?>();
        var i = 0;
        foreach (var cell in cells)
            row[(i++).ToString(System.Globalization.CultureInfo.InvariantCulture)] = cell is string s ? Neutralise(s) : cell;
        return row;
    }

    /// <summary>Excel's rules: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => !"[]:*?/\\".Contains(c) && !char.IsControl(c)).ToArray()).Trim('\'', ' ');
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }
}
