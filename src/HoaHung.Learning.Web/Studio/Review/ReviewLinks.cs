namespace HoaHung.Learning.Web.Studio.Review;

/// <summary>The review side of the studio's addresses (docs/architecture.md §8).</summary>
public static class ReviewLinks
{
    /// <summary>The reviewer's queue: what waits for review, oldest first.</summary>
    public const string Queue = "/soan-bai/cho-duyet";

    public static string Review(string slug) => $"{Queue}/{slug}";

    /// <summary>The review page with its "Xuất bản" confirmation open (what a queue row's "Xuất bản" opens).</summary>
    public static string ConfirmPublish(string slug) => $"{Queue}/{slug}?xuat-ban=1";

    public static string History(string slug) => $"{StudioLinks.Home}/{slug}/lich-su";
}

/// <summary>Marker for the review pages' UI strings: Resources/Studio/Review/ReviewResource.resx (Vietnamese) and .en.resx (English).</summary>
public sealed class ReviewResource;
