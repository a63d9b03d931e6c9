using System.Globalization;

namespace HoaHung.Learning.Classes;

/// <summary>The words of the report, in the reader's language (the web layer fills them from its resources).</summary>
public sealed record ReportLabels(
    string Name,
    string UserName,
    string Group,
    string Attended,
    string NeedsHelp,
    string Yes,
    string SessionHeader,
    string QuizHeader,
    string PathProgress,
    string Done,
    string InProgress,
    string NotStarted,
    string NotAssigned,
    IReadOnlyDictionary<AttendanceStatus, string> Attendance,
    string Neighbourhood);

/// <summary>
/// The report as a table of cells (text or whole numbers), the one source of both the CSV and the .xlsx files:
/// one header row, then one row per learner.
/// </summary>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>
    /// Columns: name, username, group, one per session ("Buổi 1 — 07/12"), sessions attended, one per assignment
    /// (a quiz's best score as a number, "3/5 bài" for a path, done / in progress / not started for a lesson), needs help,
    /// her khu phố.
    /// </summary>
    public static ReportTable From(ClassReport report, ReportLabels labels, CultureInfo culture)
    {
        var header = new List<string> { labels.Name, labels.UserName, labels.Group };
        header.AddRange(report.Sessions.Select((s, i) =>
            string.Format(culture, labels.SessionHeader, i + 1, WardTime.ToWard(s.StartsAt))));
        header.Add(labels.Attended);
        header.AddRange(report.Assignments.Select(a => a.Kind == AssignmentKind.Quiz ? string.Format(culture, labels.QuizHeader, a.Title) : a.Title));
        header.Add(labels.NeedsHelp);
        header.Add(labels.Neighbourhood);
        var groups = report.Groups.ToDictionary(g => g.Id, g => g.Name);
        var rows = report.Rows.Select(r =>
        {
            var row = new List<object?> { r.DisplayName, r.UserName, r.GroupId is { } g ? groups.GetValueOrDefault(g) : null };
            row.AddRange(r.Attendance.Select(a => (object?)(a is { } status ? labels.Attendance[status] : null)));
            row.Add(r.Attended);
            row.AddRange(report.Assignments.Select((a, i) => Cell(a, r.Cells[i], labels, culture)));
            row.Add(r.NeedsHelp ? labels.Yes : null);
            row.Add(r.Neighbourhood);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new ReportTable(Unique(header), rows);
    }

    private static object? Cell(GridColumn column, GridCell cell, ReportLabels labels, CultureInfo culture) => cell.State switch
    {
        CellState.NotAssigned => labels.NotAssigned,
        CellState.Done when column.Kind == AssignmentKind.Quiz && cell.Score is { } score => score,
        _ when column.Kind == AssignmentKind.Path => string.Format(culture, labels.PathProgress, cell.Completed, cell.Total),
        CellState.Done => labels.Done,
        CellState.InProgress => labels.InProgress,
        _ => labels.NotStarted,
    };

    /// <summary>Spreadsheet headers must differ (the same lesson given to two groups): later ones get " (2)", " (3)".</summary>
    private static List<string> Unique(List<string> header)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<string>(header.Count);
        foreach (var h in header)
        {
            var n = seen.GetValueOrDefault(h) + 1;
            seen[h] = n;
            unique.Add(n == 1 ? h : $"{h} ({n})");
        }
        return unique;
    }
}
