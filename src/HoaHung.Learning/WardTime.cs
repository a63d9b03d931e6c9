namespace HoaHung.Learning;

/// <summary>
/// The ward's clock (Ho Chi Minh City: UTC+7 all year, no daylight saving): the one place that turns a stored UTC
/// instant into what a person reads, and what she types into an instant (docs/architecture.md §8). Every "now" comes
/// from a <see cref="TimeProvider"/> (tests move it); nothing in src/ reads the machine's clock or zone directly — the
/// server's own zone is never the ward's (OneClockTests).
/// </summary>
public static class WardTime
{
    private static readonly TimeZoneInfo Zone = Find();

    /// <summary>A UTC instant (a stored <c>DateTime</c>, its kind ignored) in the ward's clock.</summary>
    public static DateTime ToWard(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToWard(DateTimeOffset instant) => ToWard(instant.UtcDateTime);

    /// <summary>A date and time typed in the ward's clock, as an instant.</summary>
    public static DateTimeOffset FromWard(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>A day and a time of the ward's clock (a class session's start), in UTC as stored.</summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time) => FromWard(day.ToDateTime(time)).UtcDateTime;

    /// <summary>Now, in the ward's clock.</summary>
    public static DateTime Now(TimeProvider clock) => ToWard(clock.GetUtcNow());

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    /// <summary>The next quarter hour of the ward's clock (17:00 → 17:00 only if it is exactly 17:00; 16:52 → 17:00).</summary>
    public static DateTime NextQuarterHour(TimeProvider clock)
    {
        var now = Now(clock);
        var quarters = (long)Math.Ceiling(now.TimeOfDay.Ticks / (double)TimeSpan.FromMinutes(15).Ticks);
        return now.Date.AddTicks(quarters * TimeSpan.FromMinutes(15).Ticks);
    }

    /// <summary>"HH:mm dd/MM/yyyy" in the ward's clock: how staff pages show an instant.</summary>
    public static string Show(DateTime utc) => ToWard(utc).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Show(DateTime utc, string format) => ToWard(utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        }
    }
}
