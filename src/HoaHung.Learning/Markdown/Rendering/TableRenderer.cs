using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary>Pipe tables with <c>align</c> on cells: Markdig's own renderer writes a style attribute, which the site does not allow.</summary>
internal sealed class TableRenderer : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<table>");

        var section = "";
        foreach (var row in table.OfType<TableRow>())
        {
            var next = row.IsHeader && section != "tbody" ? "thead" : "tbody";
            if (next != section)
            {
                if (section.Length > 0) renderer.WriteLine($"</{section}>");
                renderer.WriteLine($"<{next}>");
                section = next;
            }

            renderer.WriteLine("<tr>");
            var cellTag = row.IsHeader ? "th" : "td";
            for (var i = 0; i < row.Count; i++)
            {
                if (row[i] is not TableCell cell) continue;
                renderer.Write($"<{cellTag}{Align(table, cell, i)}>");

                var implicitParagraph = renderer.ImplicitParagraph;
                renderer.ImplicitParagraph = cell.Count == 1; // one paragraph per cell: no <p> inside
                renderer.Write(cell);
                renderer.ImplicitParagraph = implicitParagraph;
                renderer.WriteLine($"</{cellTag}>");
            }
            renderer.WriteLine("</tr>");
        }

        if (section.Length > 0) renderer.WriteLine($"</{section}>");
        renderer.WriteLine("</table>");
    }

    private static string Align(Table table, TableCell cell, int position)
    {
        var columns = table.ColumnDefinitions;
        if (columns.Count == 0) return "";
        var index = cell.ColumnIndex >= 0 && cell.ColumnIndex < columns.Count ? cell.ColumnIndex : position;
        return columns[Math.Min(index, columns.Count - 1)].Alignment switch
        {
            TableColumnAlign.Left => " align=\"left\"",
            TableColumnAlign.Center => " align=\"center\"",
            TableColumnAlign.Right => " align=\"right\"",
            _ => "",
        };
    }
}
