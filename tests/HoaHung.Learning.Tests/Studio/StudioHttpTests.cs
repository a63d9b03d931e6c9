using System.Net;
using System.Net.Http.Json;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>
/// Every studio page and upload endpoint × anonymous, learner, author of another team, author, reviewer, admin:
/// decided on the server before any circuit starts or any byte of a file is read.
/// </summary>
public abstract class StudioHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private const string Secret = "Nội dung bí mật của tổ khu phố năm";

    public enum Expect { SignIn, Denied, Refused, Allowed }

    public static TheoryData<string, string, Expect> Pages => new()
    {
        { "/soan-bai", "anonymous", Expect.SignIn },
        { "/soan-bai", "learner", Expect.Denied },
        { "/soan-bai", "author of another team", Expect.Allowed },
        { "/soan-bai", "author", Expect.Allowed },
        { "/soan-bai", "reviewer", Expect.Allowed },
        { "/soan-bai", "admin", Expect.Allowed },
        { "/soan-bai/moi", "anonymous", Expect.SignIn },
        { "/soan-bai/moi", "learner", Expect.Denied },
        { "/soan-bai/moi", "author of another team", Expect.Allowed },
        { "/soan-bai/moi", "author", Expect.Allowed },
        { "/soan-bai/moi", "reviewer", Expect.Allowed },
        { "/soan-bai/moi", "admin", Expect.Allowed },
        { "{lesson}", "anonymous", Expect.SignIn },
        { "{lesson}", "learner", Expect.Denied },
        { "{lesson}", "author of another team", Expect.Refused },
        { "{lesson}", "author", Expect.Allowed },
        { "{lesson}", "reviewer", Expect.Allowed },
        { "{lesson}", "admin", Expect.Allowed },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Studio_pages_are_for_staff_and_a_lesson_for_those_who_may_edit_it(string path, string who, Expect expect)
    {
        site.EnsureAvailable();
        var (lesson, owner) = await TeamLessonAsync();
        path = path.Replace("{lesson}", $"/soan-bai/{lesson.Slug}");
        var cookie = await CookieAsync(who, owner);

        var (response, doc) = await site.Client(followRedirects: false).GetPageAsync(path, r => { if (cookie is not null) r.Headers.Add("Cookie", cookie); });

        var body = doc.Body?.OuterHtml ?? "";
        switch (expect)
        {
            case Expect.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/tai-khoan/dang-nhap?ReturnUrl=", Visitor.Location(response));
                break;
            case Expect.Denied:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/tai-khoan/khong-co-quyen", Visitor.Location(response));
                break;
            case Expect.Refused:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("Bạn không có quyền sửa bài này", doc.QuerySelector(".studio-refusal")!.TextContent);
                Assert.Null(doc.QuerySelector("#studio-body"));
                break;
            case Expect.Allowed:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotNull(doc.QuerySelector("script[src*='blazor.web']"));
                if (path.Contains(lesson.Slug))
                    Assert.Contains(Secret, doc.QuerySelector("#studio-body")!.GetAttribute("value") ?? doc.QuerySelector("#studio-body")!.TextContent);
                break;
        }
        if (expect != Expect.Allowed)
            Assert.DoesNotContain(Secret, body);
    }

    private static readonly string[] Visitors = ["anonymous", "learner", "author of another team", "author", "reviewer", "admin"];

    /// <summary>Every upload endpoint (picture, video, captions, replacement) × every kind of visitor.</summary>
    public static TheoryData<string, string, HttpStatusCode> Uploads
    {
        get
        {
            var data = new TheoryData<string, string, HttpStatusCode>();
            foreach (var endpoint in new[] { "anh", "video", "phu-de", "thay" })
                foreach (var who in Visitors)
                    data.Add(endpoint, who, who switch
                    {
                        "anonymous" or "learner" => HttpStatusCode.Redirect,
                        "author of another team" => HttpStatusCode.Forbidden,
                        _ => HttpStatusCode.OK,
                    });
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task Uploads_are_checked_before_the_file_is_read(string endpoint, string who, HttpStatusCode expected)
    {
        site.EnsureAvailable();
        var (lesson, owner) = await TeamLessonAsync();
        var prefix = $"/soan-bai/tai-len/{lesson.LessonId}";
        // What the captions and the replacement need in the library first, put there by the lesson's author.
        if (endpoint == "phu-de")
            Assert.Equal(HttpStatusCode.OK, (await UploadAsync(owner, $"{prefix}/video", TestMedia.Mp4(), "Bài giảng.mp4")).StatusCode);
        if (endpoint == "thay")
            Assert.Equal(HttpStatusCode.OK, (await UploadAsync(owner, $"{prefix}/anh", TestMedia.Png(320, 180), "Ảnh cũ.png")).StatusCode);
        var actor = await UserAsync(who, owner);
        var files = Directory.GetFiles(site.MediaDirectory, "*", SearchOption.AllDirectories).Length;

        var (url, bytes, name, path) = endpoint switch
        {
            "anh" => ($"{prefix}/anh", TestMedia.Png(300, 200 + who.Length), "Ảnh màn hình.png", "anh-man-hinh.png"),
            "video" => ($"{prefix}/video", TestMedia.Mp4(), "Bài giảng.mp4", "bai-giang.mp4"),
            "phu-de" => ($"{prefix}/phu-de?video=bai-giang.mp4", System.Text.Encoding.UTF8.GetBytes(TestMedia.Vtt()), "a.vtt", "bai-giang.vi.vtt"),
            _ => ($"{prefix}/thay?tep=anh-cu.png", TestMedia.Png(300, 300 + who.Length), "Ảnh mới.png", "anh-cu.png"),
        };
        var response = await UploadAsync(actor, url, bytes, name);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Equal(path, (await response.Content.ReadFromJsonAsync<LibraryItem>())!.Path);
        else
            Assert.Equal(files, Directory.GetFiles(site.MediaDirectory, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task An_upload_without_the_pages_antiforgery_token_is_refused()
    {
        site.EnsureAvailable();
        var (lesson, owner) = await TeamLessonAsync();

        var response = await UploadAsync(owner, $"/soan-bai/tai-len/{lesson.LessonId}/anh", TestMedia.Png(300, 250), "anh.png", token: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_hostile_upload_gets_its_reason_key_and_the_video_and_captions_endpoints_pair_them()
    {
        site.EnsureAvailable();
        var (lesson, owner) = await TeamLessonAsync();

        var svg = await UploadAsync(owner, $"/soan-bai/tai-len/{lesson.LessonId}/anh", HostileFiles.SvgWithScript(), "x.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, svg.StatusCode);
        Assert.Equal(HoaHung.Learning.Media.MediaReasons.ImageUnsupportedFormat, (await svg.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["reason"]);

        var video = await UploadAsync(owner, $"/soan-bai/tai-len/{lesson.LessonId}/video", TestMedia.Mp4(), "Bài giảng.mp4");
        Assert.Equal("bai-giang.mp4", (await video.Content.ReadFromJsonAsync<LibraryItem>())!.Path);
        var captions = await UploadAsync(owner, $"/soan-bai/tai-len/{lesson.LessonId}/phu-de?video=bai-giang.mp4", System.Text.Encoding.UTF8.GetBytes(TestMedia.Vtt()), "a.vtt");
        Assert.Equal("bai-giang.vi.vtt", (await captions.Content.ReadFromJsonAsync<LibraryItem>())!.Path);
    }

    private async Task<(DraftView Lesson, AppUser Owner)> TeamLessonAsync()
    {
        var owner = await site.AuthorAsync(StudioSite.TeamA);
        var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.CreateAsync(owner.Id,
            new LessonContent { Title = $"Bài của tổ {Guid.NewGuid():N}", Summary = "Tóm tắt.", Topic = "dien-thoai", Body = Secret }, CancellationToken.None)).Draft;
        return (draft, owner);
    }

    private async Task<AppUser?> UserAsync(string who, AppUser owner) => who switch
    {
        "anonymous" => null,
        "learner" => await site.UserAsync(AccountSeed.UniqueName()),
        "author of another team" => await site.AuthorAsync(StudioSite.TeamB),
        "author" => owner,
        "reviewer" => await site.StaffAsync(null, Roles.Reviewer),
        "admin" => await site.StaffAsync(null, Roles.Admin),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private async Task<string?> CookieAsync(string who, AppUser owner) =>
        await UserAsync(who, owner) is { } user ? await site.SignInAsync(user) : null;

    private Task<HttpResponseMessage> UploadAsync(AppUser? user, string url, byte[] bytes, string fileName, bool token = true) =>
        site.UploadAsync(user, url, new ByteArrayContent(bytes), fileName, token);
}

public sealed class StudioHttpTestsOnSqlite(StudioSqliteSite site) : StudioHttpTests<StudioSqliteSite>(site);

public sealed class StudioHttpTestsOnPostgres(StudioPostgresSite site) : StudioHttpTests<StudioPostgresSite>(site);
