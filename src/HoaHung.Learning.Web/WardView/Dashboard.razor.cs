using HoaHung.Learning.WardStats;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HoaHung.Learning.Web.WardView;

public partial class Dashboard
{
    /// <summary>How many months the month filter and the trend go back.</summary>
    public const int MonthsShown = 12;

    /// <summary>Khu phố drawn in the chart (the table beside it has all of them).</summary>
    public const int TopAreas = 10;

    [SupplyParameterFromQuery(Name = "thang")] private string? MonthQuery { get; set; }
    [SupplyParameterFromQuery(Name = "khu-pho")] private string? AreaQuery { get; set; }
    [SupplyParameterFromQuery(Name = "chu-de")] private string? TopicQuery { get; set; }

    private DateOnly month;
    private string? area;
    private string? topic;
    private List<DateOnly> months = [];
    private IReadOnlyList<(string Slug, string Title)> topics = [];
    private WardTable? learning;
    private WardTable? classes;
    private IReadOnlyList<TrendPoint>? trend;

    /// <summary>The figures of the 12-month trend, in its columns' order.</summary>
    private static readonly IReadOnlyList<string> TrendMeasures = [Measures.Active, Measures.Lessons, Measures.Quizzes];
    private IReadOnlyList<NamedCount>? teams;
    private IReadOnlyList<NamedCount>? misses;
    private IReadOnlyList<HoaHung.Learning.Gains.GainFigure>? gains;
    private List<ChartSeries<double>> areaSeries = [], trendSeries = [], teamSeries = [], missSeries = [];
    private string[] areaLabels = [], trendLabels = [], teamLabels = [], missLabels = [];

    private string Subtitle => string.Join(" · ", new[] { W.Month(month), area ?? W["Filter.AllAreas"],
        topic is null ? W["Filter.AllTopics"] : topics.FirstOrDefault(t => t.Slug == topic).Title ?? topic });

    protected override async Task OnParametersSetAsync()
    {
        var today = WardCalendar.MonthOf(WardCalendar.Today(Clock));
        months = Enumerable.Range(0, MonthsShown * 2).Select(i => today.AddMonths(-i)).ToList();
        // Anything typed into the address that is not one of the choices falls back to the default, never an error.
        month = WardCalendar.Parse(MonthQuery) is { } m && m <= today && m >= months[^1] ? m : today;
        topics = await Figures.TopicsAsync(CancellationToken.None);
        area = Figures.Neighbourhoods.Contains(AreaQuery ?? "") ? AreaQuery : null;
        topic = topics.Any(t => t.Slug == TopicQuery) ? TopicQuery : null;

        var learningMeasures = topic is null ? Measures.Learning : Measures.Learning.Where(Measures.IsTopical).ToList();
        learning = await Figures.TableAsync(month, learningMeasures, area, topic, CancellationToken.None);
        classes = await Figures.TableAsync(month, Measures.ClassWork, area, null, CancellationToken.None);
        trend = await Figures.TrendAsync(month.AddMonths(-(MonthsShown - 1)), month, TrendMeasures, area, topic, CancellationToken.None);
        teams = await Figures.PublishedByTeamAsync(month, CancellationToken.None);
        misses = await Figures.TopMissesAsync(month, 10, CancellationToken.None);
        gains = await Gains.WardAsync(CancellationToken.None);

        // Charts draw only what the tables show: a hidden count is drawn as nothing.
        var lessons = learning.Measures.ToList().IndexOf(Measures.Lessons);
        // 42 bars are unreadable on a phone: the chart shows the khu phố that finished most lessons, the table every one.
        var top = learning.Rows.Where(r => Plot(r.Values[lessons]) > 0).OrderByDescending(r => r.Values[lessons].Value).Take(TopAreas).ToList();
        areaLabels = top.Select(r => W.Area(r.Area)).ToArray();
        areaSeries = [new() { Name = W.Measure(Measures.Lessons), Data = top.Select(r => Plot(r.Values[lessons])).ToArray() }];
        trendLabels = trend.Select(t => $"{t.Month.Month}/{t.Month.Year % 100:00}").ToArray();
        trendSeries = TrendMeasures.Select((measure, i) => new ChartSeries<double>
        {
            Name = W.Measure(measure),
            Data = trend.Select(t => Plot(t.Values[i])).ToArray(),
        }).ToList();
        teamLabels = teams.Select(t => W.Team(t.Name)).ToArray();
        teamSeries = [new() { Name = W["Table.Lessons"], Data = teams.Select(t => Plot(t.Count)).ToArray() }];
        missLabels = misses.Select(m => m.Name).ToArray();
        missSeries = [new() { Name = W["Table.Times"], Data = misses.Select(m => Plot(m.Count)).ToArray() }];
    }

    private static double Plot(Shown value) => value.Hidden ? 0 : value.Value;
}
