namespace HoaHung.Learning.Web.Layout;

/// <summary>
/// Every address the site links to, built in one place (docs/architecture.md §5). Route templates stay in their
/// <c>@page</c> directives and <c>Map*</c> calls; pages and endpoints link through here, never through literals.
/// Slugs and codes are the catalog's own (validated on import), so they need no escaping.
/// </summary>
public static class SiteLinks
{
    public const string Home = "/";
    public const string HomeTopics = "/#chu-de";
    public const string HomePaths = "/#lo-trinh";
    public const string Search = "/tim-kiem";
    public const string OpenApi = "/openapi/v1.json";
    public const string SearchSuggestions = "/api/v1/search/suggestions";

    public const string MyLearning = "/cua-toi";
    /// <summary>All her lessons in progress, and all she finished, 20 a page (<c>?trang=2</c>): "Xem tất cả" on Của tôi.</summary>
    public const string MyInProgress = "/cua-toi/dang-hoc";
    public const string MyCompleted = "/cua-toi/da-hoc-xong";
    public const string MyQuizzesPath = "/cua-toi/bai-kiem-tra";
    public static string MyQuizzes(int page = 1) => MyQuizzesPath + (page > 1 ? $"?trang={page}" : "");
    public static string MyLessons(HoaHung.Learning.Progress.MyList list, int page = 1) =>
        (list == HoaHung.Learning.Progress.MyList.Completed ? MyCompleted : MyInProgress) + (page > 1 ? $"?trang={page}" : "");

    /// <summary>"Bài đã lưu": what this phone keeps for learning offline (listed by saved.js).</summary>
    public const string Saved = "/da-luu";
    /// <summary>The page the service worker shows for an unsaved page when there is no connection.</summary>
    public const string Offline = "/ngoai-tuyen";
    public static string OfflineLesson(string slug) => $"{Offline}/bai-hoc/{slug}";
    public static string OfflinePath(string slug) => $"{Offline}/lo-trinh/{slug}";
    public const string MyData = "/cua-toi/du-lieu";
    public const string DeleteAccount = "/cua-toi/xoa-tai-khoan";

    public const string SignIn = "/tai-khoan/dang-nhap";
    public const string SignUp = "/tai-khoan/dang-ky";
    public const string SignOut = "/tai-khoan/dang-xuat";
    public const string ChangePassword = "/tai-khoan/doi-mat-khau";
    public const string AccessDenied = "/tai-khoan/khong-co-quyen";
    public const string AccountPages = "/tai-khoan";

    public const string Admin = "/quan-tri";
    public const string AdminUsers = "/quan-tri/nguoi-dung";

    public const string ErrorPage = "/loi";
    public const string NotFoundPage = "/khong-tim-thay";
    public const string StatusPage = "/trang-loi";

    public static string Lesson(string slug) => $"/bai-hoc/{slug}";
    public static string Topic(string slug) => $"/chu-de/{slug}";
    public static string Path(string slug) => $"/lo-trinh/{slug}";
    public static string Certificate(string code) => $"/chung-chi/{code}";
    public static string SearchFor(string query) => $"{Search}?q={Uri.EscapeDataString(query)}";

    public static string Quiz(string lessonSlug) => $"/bai-hoc/{lessonSlug}/kiem-tra";
    public static string QuizQuestion(string lessonSlug, Guid attempt, int position) => $"{Quiz(lessonSlug)}/{attempt:N}/{position}";
    public static string QuizResult(string lessonSlug, Guid attempt) => $"{Quiz(lessonSlug)}/ket-qua/{attempt:N}";

    /// <summary>The reader's own state in a lesson (GET, JSON) and the endpoints that record it (POST).</summary>
    public static string LessonProgress(string lessonSlug) => $"/tien-do/{lessonSlug}";
    public static string MarkLessonDone(string lessonSlug) => $"{LessonProgress(lessonSlug)}/hoan-thanh";
    public static string LessonDone(string lessonSlug) => $"/cua-toi/hoan-thanh/{lessonSlug}";

    public static string TextSize(int size, string returnPath) => $"/co-chu/{size}?r={Uri.EscapeDataString(returnPath)}";
    public static string Language(string culture, string returnPath) => $"/ngon-ngu/{culture}?r={Uri.EscapeDataString(returnPath)}";

    public static string SignInThen(string? returnUrl) => WithReturn(SignIn, returnUrl);
    public static string SignUpThen(string? returnUrl) => WithReturn(SignUp, returnUrl);
    public static string ChangePasswordThen(string? returnUrl) => WithReturn(ChangePassword, returnUrl);

    /// <summary>A return address that is only ever a local page outside the account pages (no open redirect, no loop).</summary>
    public static string LocalOr(string? returnUrl, string fallback) =>
        IsLocal(returnUrl) && !returnUrl!.StartsWith(AccountPages + "/", StringComparison.Ordinal) ? returnUrl : fallback;

    /// <summary>A path on this site: starts with one '/', not '//' or '/\' (another host), and has no control characters.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static string WithReturn(string path, string? returnUrl) =>
        IsLocal(returnUrl) ? $"{path}?ReturnUrl={Uri.EscapeDataString(returnUrl!)}" : path;
}
