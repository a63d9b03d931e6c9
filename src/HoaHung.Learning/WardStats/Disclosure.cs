using System.Globalization;

namespace HoaHung.Learning.WardStats;

/// <summary>A published count: its value, or hidden because it is 1–4 (<c>&lt;5</c>) or would reveal one that is (<c>x</c>).</summary>
public readonly record struct Shown(int Value, bool Hidden)
{
    public const string Small = "<5";
    public const string Withheld = "x";

    /// <summary>What every table, file and page writes: the number, <c>&lt;5</c>, or <c>x</c>. Never the hidden value.</summary>
    public string Text => !Hidden ? Value.ToString(CultureInfo.InvariantCulture) : Value is >= 1 and <= 4 ? Small : Withheld;

    /// <summary>For JSON: the number, or the text when hidden.</summary>
    public object Json => Hidden ? Text : Value;
}

/// <summary>
/// No person can be singled out (issue 22 item 5): a count from 1 to 4 is shown as <c>&lt;5</c>, and a total is
/// withheld (<c>x</c>) when, with the cells shown, it would give back a hidden one — one hidden cell, or hidden cells
/// that could only all be 1 or all be 4. Pure; the dashboard, the report, its spreadsheet and the open data all use it.
/// </summary>
public static class Disclosure
{
    public static bool IsSmall(int value) => value is >= 1 and <= 4;

    public static Shown Cell(int value) => new(value, IsSmall(value));

    /// <summary>The cells of one column and their total, protected together.</summary>
    public static (Shown[] Cells, Shown Total) Column(IReadOnlyList<int> cells)
    {
        var shown = cells.Select(Cell).ToArray();
        var total = cells.Sum();
        var hidden = shown.Where(c => c.Hidden).ToList();
        return (shown, Total(total, hidden.Count, hidden.Sum(c => c.Value)));
    }

    /// <summary>
    /// A column's total, protected, from what the rule needs of its cells: the total, how many cells are hidden (1–4)
    /// and their sum. The same answer as <see cref="Column"/>'s, for totals added up where the cells are (in SQL).
    /// </summary>
    public static Shown Total(int total, int hiddenCells, int hiddenSum)
    {
        var reveals = hiddenCells > 0 && (hiddenCells == 1 || hiddenSum == hiddenCells || hiddenSum == 4 * hiddenCells);
        return new Shown(total, IsSmall(total) || reveals);
    }
}
