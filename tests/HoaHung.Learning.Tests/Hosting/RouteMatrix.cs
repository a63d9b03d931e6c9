using System.Globalization;
using HoaHung.Learning.Tests.Infrastructure;
using static HoaHung.Learning.Tests.Hosting.Answer;
using static HoaHung.Learning.Tests.Hosting.Expect;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>What a request gets: a status and, for a redirect, where it goes (a path prefix).</summary>
public readonly record struct Answer(int Status, string? Location = null)
{
    public static readonly Answer Ok = new(200);
    public static readonly Answer NoContent = new(204);
    public static readonly Answer BadRequest = new(400);
    public static readonly Answer Forbidden = new(403);
    public static readonly Answer NotFound = new(404);
    public static readonly Answer Conflict = new(409);
    /// <summary>Sent to the sign-in page (not signed in).</summary>
    public static readonly Answer SignIn = new(302, "/tai-khoan/dang-nhap");
    /// <summary>Sent to the access-denied page (signed in, without the role).</summary>
    public static readonly Answer Denied = new(302, "/tai-khoan/khong-co-quyen");

    public static Answer RedirectTo(string path) => new(302, path);

    public override string ToString() => Location is null ? Status.ToString() : $"{Status}→{Location}";
}

/// <summary>The expected answer for each kind of visitor.</summary>
public sealed class Expect(Func<Role, Answer> answer)
{
    public Answer For(Role role) => answer(role);

    public static Expect Everyone(Answer a) => new(_ => a);

    /// <summary>Any account gets <paramref name="a"/>; an anonymous visitor is sent to sign in.</summary>
    public static Expect SignedIn(Answer a) => new(r => r == Role.Anonymous ? SignIn : a);

    /// <summary>Only the given kinds of staff; other accounts are denied; an anonymous visitor is sent to sign in.</summary>
    public static Expect Staff(params Role[] allowed) => new(r => r == Role.Anonymous ? SignIn : allowed.Contains(r) ? Ok : Denied);

    /// <summary>Something only <see cref="Role.Learner"/> owns (her quiz attempt): she gets <paramref name="owner"/>, everyone else <paramref name="others"/>.</summary>
    public static Expect Owner(Answer owner, Answer others) => new(r => r == Role.Learner ? owner : others);

    public Expect But(Role role, Answer a) => new(r => r == role ? a : For(r));
}

/// <summary>
/// One route (as the app maps it: its pattern and method) with a URL that reaches it and the answer each kind of
/// visitor must get. <c>Url</c> may use the placeholders of <see cref="RouteMatrix.Resolve"/>.
/// </summary>
public sealed record RouteRow(string Method, string Pattern, string Url, Expect Expect, string? Form = null);

/// <summary>
/// The authorization matrix (issue 16 item 9): every route and endpoint of the site, with the answer every kind of
/// visitor gets. <see cref="AuthorizationMatrixTests{TSite}"/> enumerates the running app's endpoints: a route without a
/// row here fails with a message naming it. Adding a route is one line: <c>Page(...)</c> for a Razor page (its GET;
/// the POST without a form token follows from it), <c>Get</c>/<c>Post</c> for an endpoint.
/// </summary>
public static class RouteMatrix
{
    public static IReadOnlyList<RouteRow> Rows { get; } =
    [
        // Catalog: public, cached for anonymous readers (docs/architecture.md §5)
        .. Page("/", "/", Everyone(Ok)),
        .. Page("/chu-de/{Slug}", "/chu-de/{topic}", Everyone(Ok)),
        .. Page("/lo-trinh/{Slug}", "/lo-trinh/{path}", Everyone(Ok)),
        .. Page("/bai-hoc/{Slug}", "/bai-hoc/{lesson}", Everyone(Ok)),
        .. Page("/tim-kiem", "/tim-kiem?q=bai", Everyone(Ok)),

        // Quizzes: the attempt belongs to one learner; nobody else sees it
        .. Page("/bai-hoc/{Slug}/kiem-tra", "/bai-hoc/{quiz}/kiem-tra", Everyone(Ok)),
        .. Page("/bai-hoc/{Slug}/kiem-tra/{AttemptId:guid}/{Position:int}", "/bai-hoc/{quiz}/kiem-tra/{attempt}/1", Owner(Ok, NotFound)),
        .. Page("/bai-hoc/{Slug}/kiem-tra/ket-qua/{AttemptId:guid}", "/bai-hoc/{quiz}/kiem-tra/ket-qua/{finished}", Owner(Ok, NotFound)),

        // Progress: per reader (account or anonymous cookie)
        .. Page("/cua-toi", "/cua-toi", Everyone(Ok)),
        .. Page("/cua-toi/dang-hoc", "/cua-toi/dang-hoc", Everyone(Ok)),
        .. Page("/cua-toi/da-hoc-xong", "/cua-toi/da-hoc-xong?trang=2", Everyone(Ok)),
        .. Page("/cua-toi/bai-kiem-tra", "/cua-toi/bai-kiem-tra?trang=2", Everyone(Ok)),
        .. Page("/cua-toi/hoan-thanh/{Slug}", "/cua-toi/hoan-thanh/{lesson}", Everyone(Ok)),
        .. Page("/chung-chi/{Code}", "/chung-chi/{code}", Everyone(Ok)),
        Get("/tien-do/{slug}/", "/tien-do/{lesson}", Everyone(Ok)),
        Post("/tien-do/{slug}/hoan-thanh", "/tien-do/{lesson}/hoan-thanh", Everyone(RedirectTo("/cua-toi/hoan-thanh/"))),
        Post("/tien-do/{slug}/mo", "/tien-do/{lesson}/mo", Everyone(Ok)),
        Post("/tien-do/{slug}/video", "/tien-do/{lesson}/video", Everyone(Ok), Form: "position=12&duration=300"),
        Get("/cua-toi/du-lieu", "/cua-toi/du-lieu", SignedIn(Ok)),

        // Offline: "Bài đã lưu", the worker's offline page and the save lists, public and the same for everyone
        .. Page("/da-luu", "/da-luu", Everyone(Ok)),
        .. Page("/ngoai-tuyen", "/ngoai-tuyen", Everyone(Ok)),
        Get("/ngoai-tuyen/bai-hoc/{slug}", "/ngoai-tuyen/bai-hoc/{lesson}", Everyone(Ok)),
        Get("/ngoai-tuyen/lo-trinh/{slug}", "/ngoai-tuyen/lo-trinh/{path}", Everyone(Ok)),

        // Accounts
        .. Page("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", Everyone(Ok)),
        .. Page("/tai-khoan/dang-ky", "/tai-khoan/dang-ky", Everyone(Ok)),
        .. Page("/tai-khoan/dang-xuat", "/tai-khoan/dang-xuat", Everyone(Ok)),
        .. Page("/tai-khoan/doi-mat-khau", "/tai-khoan/doi-mat-khau", SignedIn(Ok)),
        .. Page("/tai-khoan/khong-co-quyen", "/tai-khoan/khong-co-quyen", Everyone(Forbidden)),
        .. Page("/cua-toi/xoa-tai-khoan", "/cua-toi/xoa-tai-khoan", Everyone(Ok)),

        // Staff tools (Interactive Server)
        .. Page("/quan-tri", "/quan-tri", Staff(Role.Admin)),
        .. Page("/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung", Staff(Role.Admin)),

        // The ward's view (issue 22): figures for officials and admins, never a person; open data for anyone
        .. Page("/quan-tri/tong-quan", "/quan-tri/tong-quan", Staff(Role.Official, Role.Admin)),
        .. Page("/quan-tri/bao-cao/{Month}", "/quan-tri/bao-cao/{month}", Staff(Role.Official, Role.Admin)),
        Get("/quan-tri/bao-cao/{month}.xlsx", "/quan-tri/bao-cao/{month}.xlsx", Staff(Role.Official, Role.Admin)),
        .. Page("/du-lieu-mo", "/du-lieu-mo", Everyone(Ok)),
        Get("/du-lieu-mo/catalog.json", "/du-lieu-mo/catalog.json", Everyone(Ok)),
        Get("/du-lieu-mo/{dataset}.csv", "/du-lieu-mo/hoc-tap-theo-khu-pho.csv", Everyone(Ok)),
        Get("/du-lieu-mo/{dataset}.json", "/du-lieu-mo/bai-hoc.json", Everyone(Ok)),

        // Classes: the trainer's class, the learner is a member; trainers and admins only, and a
        // trainer only her own classes (another trainer's: ClassesHttpTests). Joining and self-attendance are open:
        // the page itself asks a signed-out visitor to sign in.
        .. Page("/lop-hoc", "/lop-hoc", Staff(Role.Trainer, Role.Admin)),
        .. Page("/lop-hoc/moi", "/lop-hoc/moi", Staff(Role.Trainer, Role.Admin)),
        .. Page("/lop-hoc/{Id:int}", "/lop-hoc/{class}", Staff(Role.Trainer, Role.Admin)),
        .. Page("/lop-hoc/{Id:int}/ap-phich", "/lop-hoc/{class}/ap-phich", Staff(Role.Trainer, Role.Admin)),
        .. Page("/lop-hoc/buoi/{SessionId:int}/diem-danh", "/lop-hoc/buoi/{session}/diem-danh", Staff(Role.Trainer, Role.Admin)),
        Get("/lop-hoc/{id:int}/bao-cao.csv", "/lop-hoc/{class}/bao-cao.csv", Staff(Role.Trainer, Role.Admin)),
        Get("/lop-hoc/{id:int}/bao-cao.xlsx", "/lop-hoc/{class}/bao-cao.xlsx", Staff(Role.Trainer, Role.Admin)),
        .. Page("/tham-gia", "/tham-gia", Everyone(Ok)),
        .. Page("/tham-gia/{Code}", "/tham-gia/{join}", Everyone(Ok)),
        .. Page("/diem-danh/{SessionId:int}/{Code?}", "/diem-danh/{session}/ZZZZZZ", Everyone(Ok)),

        // Studio (authors, reviewers, admins; which lesson each may edit: StudioAuthorizationTests). An upload
        // without the page's antiforgery token is refused after the same authorization.
        .. Page("/soan-bai", "/soan-bai", Staff(Role.Author, Role.Reviewer, Role.Admin)),
        .. Page("/soan-bai/moi", "/soan-bai/moi", Staff(Role.Author, Role.Reviewer, Role.Admin)),
        .. Page("/soan-bai/{Slug}", "/soan-bai/{lesson}", Staff(Role.Author, Role.Reviewer, Role.Admin)),
        .. Upload("anh"), .. Upload("video"), .. Upload("phu-de"), .. Upload("thay"),
        // Review (reviewers and admins; the history: whoever may edit the lesson, others see a refusal on the page:
        // ReviewHttpTests) and lesson packs (export of published lessons, import as drafts: PackHttpTests).
        .. Page("/soan-bai/cho-duyet", "/soan-bai/cho-duyet", Staff(Role.Reviewer, Role.Admin)),
        .. Page("/soan-bai/cho-duyet/{Slug}", "/soan-bai/cho-duyet/{lesson}", Staff(Role.Reviewer, Role.Admin)),
        .. Page("/soan-bai/{Slug}/lich-su", "/soan-bai/{lesson}/lich-su", Staff(Role.Author, Role.Reviewer, Role.Admin)),
        .. Page("/soan-bai/goi-bai", "/soan-bai/goi-bai", Staff(Role.Author, Role.Reviewer, Role.Admin)),
        Get("/soan-bai/goi-bai/xuat/{kind}/{slug}", "/soan-bai/goi-bai/xuat/bai/{lesson}", Staff(Role.Author, Role.Reviewer, Role.Admin)),
        Post("/soan-bai/goi-bai/nhap", "/soan-bai/goi-bai/nhap",
            new(r => r == Role.Anonymous ? SignIn : r is Role.Author or Role.Reviewer or Role.Admin ? BadRequest : Denied)),

        // The kiosk (issue 23): on a browser that is not a kiosk, every kiosk page leads home and changes nothing; the
        // start answers 404 without the key; a hand-off code is for anyone (an unknown one gets a kind sentence).
        .. Page("/kiosk", "/kiosk", Everyone(RedirectTo("/"))),
        .. Page("/kiosk/tai-khoan", "/kiosk/tai-khoan", Everyone(RedirectTo("/"))),
        .. Page("/kiosk/tiep-tuc", "/kiosk/tiep-tuc", Everyone(RedirectTo("/"))),
        .. Page("/kiosk/tiep-tuc/{Slug}", "/kiosk/tiep-tuc/{lesson}", Everyone(RedirectTo("/"))),
        .. Page("/tiep-tuc/{Code}", "/tiep-tuc/ZZZZZZ", Everyone(Ok)),
        Get("/kiosk/bat-dau", "/kiosk/bat-dau?khoa=sai", Everyone(NotFound)),
        Get("/kiosk/xong", "/kiosk/xong", Everyone(RedirectTo("/"))),
        // The Zalo OA's events: an unsigned one is refused whoever sends it (404 where no OA is configured).
        Post("/zalo/webhook", "/zalo/webhook", Everyone(NotFound)),

        // Status pages, visited directly
        .. Page("/loi", "/loi", Everyone(NotFound)),
        .. Page("/khong-tim-thay", "/khong-tim-thay", Everyone(NotFound)),
        .. Page("/trang-loi", "/trang-loi", Everyone(NotFound)),

        // Reader preferences, public API, machinery
        Get("/ngon-ngu/{culture}", "/ngon-ngu/en?r=%2Fcua-toi", Everyone(RedirectTo("/cua-toi"))),
        Get("/co-chu/{size:int}", "/co-chu/2?r=%2F", Everyone(RedirectTo("/"))),
        Get("/api/v1/topics", "/api/v1/topics", Everyone(Ok)),
        Get("/api/v1/lessons", "/api/v1/lessons", Everyone(Ok)),
        Get("/api/v1/lessons/{slug}", "/api/v1/lessons/{lesson}", Everyone(Ok)),
        Get("/api/v1/search", "/api/v1/search?q=bai", Everyone(Ok)),
        Get("/api/v1/hoi-dap", "/api/v1/hoi-dap?q=bai", Everyone(Ok)),
        Get("/api/v1/search/suggestions", "/api/v1/search/suggestions?q=ba", Everyone(Ok)),
        Get("/healthz", "/healthz", Everyone(Ok)),
        Get("/openapi/{documentName}.json", "/openapi/v1.json", Everyone(Ok)),
        Get("{**path:file}", "/khong-co-tep-nay.txt", Everyone(NotFound)),
        Get("/_framework/opaque-redirect", "/_framework/opaque-redirect", Everyone(BadRequest)),
        Get("/_blazor", "/_blazor", Everyone(BadRequest)),
        Post("/_blazor/negotiate", "/_blazor/negotiate?negotiateVersion=1", Everyone(Ok)),
        Post("/_blazor/disconnect/", "/_blazor/disconnect/", Everyone(BadRequest)),
        Get("/_blazor/initializers/", "/_blazor/initializers/", Everyone(Ok)),

        // Served by middleware, not an endpoint (the app cannot list it): checked all the same
        Get(MiddlewareRoute, "/media/{media}", Everyone(Ok)),
    ];

    /// <summary>
    /// Routes a session that must change its password still reaches as <see cref="Role.Admin"/> would (issue 26 item 5):
    /// the account pages, and the GETs of the machinery that any anonymous visitor may read. Nothing else.
    /// </summary>
    private static readonly string[] OpenWhileMustChangePassword =
    [
        "/api/v1/topics", "/api/v1/lessons", "/api/v1/lessons/{slug}", "/api/v1/search", "/api/v1/search/suggestions", "/api/v1/hoi-dap",
        "/healthz", "/openapi/{documentName}.json", "/_framework/opaque-redirect", "/_blazor", "/_blazor/initializers/",
        "/tien-do/{slug}/", MiddlewareRoute,
    ];

    /// <summary>
    /// What a session that must change its password gets (an admin's, so that every refusal is the middleware's): what an
    /// admin gets on the open routes; elsewhere a GET is sent to the change-password page, a page's form post too (303,
    /// nothing done), any other post refused with 403.
    /// </summary>
    public static Answer ForMustChangePassword(RouteRow row)
    {
        // The kiosk's pages lead any browser that is not a kiosk home and change nothing, before anything else is asked.
        if (row.Pattern.StartsWith("/tai-khoan/", StringComparison.Ordinal)
            || (row.Method == "GET" && (OpenWhileMustChangePassword.Contains(row.Pattern) || (row.Pattern.StartsWith("/kiosk", StringComparison.Ordinal) && row.Pattern != "/kiosk/bat-dau"))))
            return row.Expect.For(Role.Admin);
        if (row.Method == "GET")
            return RedirectTo("/tai-khoan/doi-mat-khau");
        // A machine's post (JSON, not a page's form) is refused outright.
        return row.Pattern.StartsWith("/tien-do/", StringComparison.Ordinal) || row.Pattern.StartsWith("/_blazor", StringComparison.Ordinal)
            || row.Pattern == "/zalo/webhook"
            ? Forbidden : new Answer(303, "/tai-khoan/doi-mat-khau");
    }

    /// <summary>Pattern of the rows for routes answered by middleware rather than an endpoint.</summary>
    public const string MiddlewareRoute = "(middleware)";

    /// <summary>A Razor page: its GET, and its POST without a form token (refused, after the same authorization).</summary>
    private static RouteRow[] Page(string pattern, string url, Expect get) =>
    [
        new("GET", pattern, url, get),
        new("POST", pattern, url, new Expect(r => get.For(r) is { Status: 302 } redirect && (redirect == SignIn || redirect == Denied) ? redirect : BadRequest)),
    ];

    private static RouteRow[] Upload(string kind) =>
    [
        Post($"/soan-bai/tai-len/{{lessonId:int}}/{kind}", $"/soan-bai/tai-len/{{lessonId}}/{kind}",
            new(r => r == Role.Anonymous ? SignIn : r is Role.Author or Role.Reviewer or Role.Admin ? BadRequest : Denied)),
    ];

    private static RouteRow Get(string pattern, string url, Expect expect) => new("GET", pattern, url, expect);

    private static RouteRow Post(string pattern, string url, Expect expect, string? Form = null) => new("POST", pattern, url, expect, Form);

    /// <summary>Fills a row's URL with the test library's own slugs and the learner's own things.</summary>
    public static string Resolve(string url, RolesSite site) => url
        .Replace("{topic}", RolesSite.Topic).Replace("{path}", RolesSite.Path).Replace("{lesson}", RolesSite.Tutorial)
        .Replace("{quiz}", RolesSite.QuizLesson).Replace("{attempt}", site.AttemptId.ToString("N"))
        .Replace("{finished}", site.FinishedAttemptId.ToString("N"))
        .Replace("{class}", site.ClassId.ToString(CultureInfo.InvariantCulture)).Replace("{join}", site.JoinCode)
        .Replace("{session}", site.ClassSessionId.ToString(CultureInfo.InvariantCulture))
        .Replace("{lessonId}", site.TutorialId.ToString(CultureInfo.InvariantCulture))
        .Replace("{month}", DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", CultureInfo.InvariantCulture))
        .Replace("{code}", site.CertificateCode).Replace("{media}", site.MediaFile);
}
