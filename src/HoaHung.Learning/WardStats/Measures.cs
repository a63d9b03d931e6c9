namespace HoaHung.Learning.WardStats;

/// <summary>The figures the rollups keep (<see cref="WardDailyCount.Measure"/>).</summary>
public static class Measures
{
    /// <summary>Accounts made (by the account's creation time).</summary>
    public const string Accounts = "accounts";

    /// <summary>Learners who finished at least one lesson in the month (distinct; kept on the month's first day).</summary>
    public const string Active = "active";

    /// <summary>Lessons finished: (learner, lesson) pairs by the time the lesson counts as finished.</summary>
    public const string Lessons = "lessons";

    /// <summary>Quizzes passed: finished quiz lessons (a quiz lesson is finished only by passing its quiz).</summary>
    public const string Quizzes = "quizzes";

    public const string Certificates = "certificates";

    /// <summary>Classes with at least one session in the month (distinct; kept on the month's first day).</summary>
    public const string Classes = "classes";

    /// <summary>Class sessions, by the day they are held.</summary>
    public const string Sessions = "sessions";

    /// <summary>Attendances marked present or late, by the day of the session.</summary>
    public const string Attendances = "attendances";

    /// <summary>Figures counted per topic: their rows carry the lesson's topic, never "".</summary>
    public static bool IsTopical(string measure) => measure is Lessons or Quizzes or Active;

    /// <summary>Figures of distinct things in a month (summing them over days or months would count one twice).</summary>
    public static bool IsMonthly(string measure) => measure is Active or Classes;

    /// <summary>
    /// Figures of events counted per topic, whose all-topics month row (<see cref="WardMonthCount"/>, topic "") is the
    /// sum of their topic rows. <see cref="Active"/> is topical too but its all-topics row is its own distinct count.
    /// </summary>
    public static bool AddsUpOverTopics(string measure) => measure is Lessons or Quizzes;

    public static readonly IReadOnlyList<string> Learning = [Accounts, Active, Lessons, Quizzes, Certificates];
    public static readonly IReadOnlyList<string> ClassWork = [Classes, Sessions, Attendances];
    public static readonly IReadOnlyList<string> All = [.. Learning, .. ClassWork];
}

/// <summary>The ward's calendar (UTC+7, no daylight saving): every figure is counted on the ward's day.</summary>
public static class WardCalendar
{
    /// <summary>The ward day (the one clock, <see cref="WardTime"/>) of a stored UTC instant.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(WardTime.ToWard(utc));

    /// <summary>The instant (UTC) a ward day begins.</summary>
    public static DateTime Start(DateOnly day) => WardTime.ToUtc(day, TimeOnly.MinValue);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly Today(TimeProvider clock) => WardTime.Today(clock);

    /// <summary>"2026-12" for a month (the format of every route, file and dataset).</summary>
    public static string Name(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A month written <c>yyyy-MM</c> (2000–2100), or null for anything else.</summary>
    public static DateOnly? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
        && int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
        && y is >= 2000 and <= 2100 && m is >= 1 and <= 12
            ? new DateOnly(y, m, 1) : null;
}
