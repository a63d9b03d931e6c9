using HoaHung.Learning.WardStats;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.WardView;

/// <summary>The names of figures, columns and rows in the reader's language, for pages and files alike.</summary>
public sealed class WardLabels(IStringLocalizer<WardResource> w)
{
    public string Measure(string measure) => w[$"Measure.{measure}"];

    /// <summary>A khu phố row's name: "" is the row of people and classes without a known khu phố.</summary>
    public string Area(string area) => area.Length == 0 ? w["Area.Unknown"] : area;

    public string Team(string team) => team.Length == 0 ? w["Team.None"] : team;

    public string WardTotal => w["Area.Total"];

    public string Month(DateOnly month) => string.Format(System.Globalization.CultureInfo.InvariantCulture, w["Month.Format"], month.Month, month.Year);

    /// <summary>A median score ("62,5%"), or "—" when it is not shown (fewer than 5 people).</summary>
    public string Percent(double? median) => median is { } m ? w["Gains.Percent", m.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)] : "—";

    /// <summary>A median gain in points ("+20 điểm", "−5 điểm"), or "—" when it is not shown.</summary>
    public string Points(double? median) => median is { } m
        ? w["Gains.Points", (m > 0 ? "+" : m < 0 ? "−" : "") + Math.Abs(m).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)]
        : "—";

    public string this[string key] => w[key];

    public string this[string key, params object[] arguments] => w[key, arguments];
}
