namespace HoaHung.Learning.Web.Studio.Review;

/// <summary>The ward's clock (Vietnam, UTC+7, no daylight saving) for times reviewers type and read.</summary>
public static class WardTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateTime ToWard(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A date and time typed in the ward's clock (a datetime-local field), as an instant.</summary>
    public static DateTimeOffset FromWard(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));

    public static string Show(DateTime utc) => ToWard(utc).ToString("HH:mm dd/MM/yyyy");

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
