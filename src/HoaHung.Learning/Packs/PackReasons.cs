using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;

namespace HoaHung.Learning.Packs;

/// <summary>
/// The media library's and the studio's refusal keys as the sentences a pack report shows (the same words as the
/// studio's resources): a report is also printed by the admin command, which has no localizer.
/// </summary>
internal static class PackReasons
{
    public static string Media(string key) => key switch
    {
        MediaReasons.ImageTooLarge => "ảnh quá lớn (tối đa 15 MB)",
        MediaReasons.ImageUnsupportedFormat => "chỉ nhận ảnh JPEG, PNG hoặc WebP (không nhận SVG, GIF hay tệp khác) — xét theo nội dung tệp",
        MediaReasons.ImageCorrupt => "ảnh bị hỏng hoặc không đọc được",
        MediaReasons.ImageTooManyPixels => "ảnh quá to (hơn 40 triệu điểm ảnh)",
        MediaReasons.ImageTooManyFrames => "không nhận ảnh động",
        MediaReasons.ImageBadDimensions => "ảnh quá hẹp và dài",
        MediaReasons.VideoTooLarge => "video quá lớn",
        MediaReasons.VideoUnsupportedFormat => "chỉ nhận video MP4 hoặc WebM (xét theo nội dung tệp)",
        MediaReasons.CaptionsTooLarge => "tệp phụ đề quá lớn",
        MediaReasons.CaptionsInvalidEncoding => "tệp phụ đề phải là chữ UTF-8",
        MediaReasons.CaptionsMissingHeader => "tệp phụ đề phải là WebVTT (dòng đầu là WEBVTT)",
        MediaReasons.CaptionsNoCues => "tệp phụ đề không có câu nào có thời gian",
        _ => $"tệp bị từ chối ({key})",
    };

    public static string Studio(string key) => key switch
    {
        StudioReasons.BodyTooLong => "nội dung bài quá dài",
        StudioReasons.QuizTooLong => "bài kiểm tra quá dài",
        _ => $"không nhập được ({key})",
    };
}
