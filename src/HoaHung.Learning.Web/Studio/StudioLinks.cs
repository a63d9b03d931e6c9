namespace HoaHung.Learning.Web.Studio;

/// <summary>The studio's addresses (docs/architecture.md §8), built in one place like <c>Layout.SiteLinks</c>.</summary>
public static class StudioLinks
{
    public const string Home = "/soan-bai";
    public const string New = "/soan-bai/moi";
    public const string UploadPrefix = "/soan-bai/tai-len";

    public static string Edit(string slug) => $"{Home}/{slug}";

    /// <summary>Where the editor's browser streams a file to (pictures, videos, captions of a video, a replacement).</summary>
    public static string UploadPicture(int lessonId) => $"{UploadPrefix}/{lessonId}/anh";
    public static string UploadVideo(int lessonId) => $"{UploadPrefix}/{lessonId}/video";
    public static string UploadCaptions(int lessonId, string videoPath) => $"{UploadPrefix}/{lessonId}/phu-de?video={Uri.EscapeDataString(videoPath)}";
    public static string UploadReplacement(int lessonId, string path) => $"{UploadPrefix}/{lessonId}/thay?tep={Uri.EscapeDataString(path)}";
}
