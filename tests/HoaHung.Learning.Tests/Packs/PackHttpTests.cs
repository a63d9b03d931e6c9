using System.Net;
using System.Net.Http.Json;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Studio;
using HoaHung.Learning.Web.Studio.Packs;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HoaHung.Learning.Studio;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>
/// The pack page and its two endpoints × every kind of visitor, decided on the server before a circuit starts, a byte
/// of a pack is read or a byte of one is written.
/// </summary>
public abstract class PackHttpTests<TSite>(TSite site) where TSite : PackSourceSite
{
    public enum Expect { SignIn, Denied, Allowed }

    public static TheoryData<string, Expect> Visitors => new()
    {
        { "anonymous", Expect.SignIn },
        { "learner", Expect.Denied },
        { "trainer", Expect.Denied },
        { "author", Expect.Allowed },
        { "reviewer", Expect.Allowed },
        { "admin", Expect.Allowed },
    };

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task The_pack_page_is_for_authors_reviewers_and_admins(string who, Expect expect)
    {
        site.EnsureAvailable();
        var cookie = await CookieAsync(who);

        var (response, doc) = await site.Client(followRedirects: false).GetPageAsync(PackEndpoints.Prefix, r => { if (cookie is not null) r.Headers.Add("Cookie", cookie); });

        AssertAccess(response, expect);
        if (expect == Expect.Allowed)
        {
            Assert.Equal("Gói bài học", doc.QuerySelector("h1")!.TextContent.Trim());
            Assert.NotNull(doc.QuerySelector("input#pack-file[type=file]"));
            Assert.Equal("Tệp gói bài học (.zip)", doc.QuerySelector("label[for=pack-file]")!.TextContent.Trim());
        }
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Exporting_is_for_staff_and_gives_a_zip_of_the_published_path(string who, Expect expect)
    {
        site.EnsureAvailable();
        var cookie = await CookieAsync(who);
        using var request = new HttpRequestMessage(HttpMethod.Get, PackEndpoints.Export(PackKind.Path, PackSourceSite.PathSlug));
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);

        using var response = await site.Client(followRedirects: false).SendAsync(request);

        AssertAccess(response, expect);
        if (expect == Expect.Allowed)
        {
            Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"goi-bai-{PackSourceSite.PathSlug}.zip", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
            using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
            Assert.Contains(zip.Entries, e => e.FullName == $"paths/{PackSourceSite.PathSlug}.yml");
            Assert.Contains(zip.Entries, e => e.FullName == $"lessons/{PackSourceSite.Video}/bai-giang.mp4");
        }
        else
        {
            Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Importing_is_for_staff_and_a_refused_visitor_adds_nothing(string who, Expect expect)
    {
        site.EnsureAvailable();
        var user = await UserAsync(who);
        var before = await site.FootprintAsync();

        using var response = await PostPackAsync(user, PackZip.Write(PackZip.Valid($"bai-http-{who}")));

        AssertAccess(response, expect);
        if (expect == Expect.Allowed)
        {
            var answer = await response.Content.ReadFromJsonAsync<PackAnswer>();
            Assert.Equal($"bai-http-{who}", answer!.Report!.Lessons.Single().Slug);
        }
        else
        {
            Assert.Equal(before, await site.FootprintAsync());
        }
    }

    [Fact]
    public async Task A_refused_pack_gets_its_problems_in_vietnamese_and_an_import_without_the_token_is_refused()
    {
        site.EnsureAvailable();
        var author = await site.AuthorAsync();
        var before = await site.FootprintAsync();

        using var hostile = await PostPackAsync(author, PackZip.Write([.. PackZip.Valid("bai-slip"), ("../../thoat.md", "x"u8.ToArray(), 0)]));
        using var noToken = await PostPackAsync(author, PackZip.Write(PackZip.Valid("bai-khong-token")), token: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);
        var problem = (await hostile.Content.ReadFromJsonAsync<PackAnswer>())!.Problems!.Single();
        Assert.Equal(("../../thoat.md", true), (problem.Path, problem.Message.Contains("ra ngoài gói")));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(before, await site.FootprintAsync());
    }

    /// <summary>
    /// Issue 26 item 4: an author without the reviewer role imported a pack with a new topic, and the topic appeared at
    /// once on the home page, the API and its own page. Now it arrives as a draft, like the pack's lessons: nobody sees
    /// it until a reviewer publishes one of its lessons.
    /// </summary>
    [Fact]
    public async Task A_topic_from_a_pack_stays_unseen_until_a_reviewer_publishes_one_of_its_lessons()
    {
        site.EnsureAvailable();
        var author = await site.AuthorAsync(StudioSite.TeamA);
        var slug = "ho-tro-khan-" + Guid.NewGuid().ToString("N")[..8];
        const string title = "Hỗ trợ khẩn: gọi 0900000000";
        var lesson = "bai-" + slug;
        using var response = await PostPackAsync(author, PackZip.Write([
            ("topics.yml", System.Text.Encoding.UTF8.GetBytes($"- slug: {slug}\n  title: \"{title}\"\n  icon: shield\n"), 0),
            ($"lessons/{lesson}/index.md", System.Text.Encoding.UTF8.GetBytes(PackZip.Index.Replace("topic: an-toan-tren-mang", $"topic: {slug}")), 0),
            ($"lessons/{lesson}/anh.png", TestMedia.Png(300, 200), 0),
        ]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([title], (await response.Content.ReadFromJsonAsync<PackAnswer>())!.Report!.TopicsAdded);

        async Task<bool> ShownAsync()
        {
            var client = site.Client(followRedirects: false);
            var topicPage = await client.GetAsync($"/chu-de/{slug}");
            var home = await client.GetStringAsync("/");
            var api = await client.GetStringAsync("/api/v1/topics");
            Assert.Equal(home.Contains(title, StringComparison.Ordinal), api.Contains(slug, StringComparison.Ordinal));
            Assert.Equal(topicPage.StatusCode == HttpStatusCode.OK, api.Contains(slug, StringComparison.Ordinal));
            return api.Contains(slug, StringComparison.Ordinal);
        }
        Assert.False(await ShownAsync());

        // A reviewer publishes the lesson (what "Xuất bản" does): the topic goes public with it, everywhere at once.
        var (lessonId, revisionId) = await site.WithDbAsync(async db => await db.LessonDrafts().Where(d => d.Lesson.Slug == lesson)
            .Select(d => new { d.LessonId, d.LastRevisionId }).SingleAsync() is var d ? (d.LessonId, d.LastRevisionId!.Value) : default);
        var reviewer = await site.StaffAsync(null, Roles.Reviewer);
        Assert.True(await site.Services.GetRequiredService<HoaHung.Learning.Studio.Review.LessonPublisher>()
            .PublishAsync(lessonId, revisionId, reviewer.Id, CancellationToken.None));
        Assert.True(await ShownAsync());
    }

    private static void AssertAccess(HttpResponseMessage response, Expect expect)
    {
        switch (expect)
        {
            case Expect.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/tai-khoan/dang-nhap", Visitor.Location(response));
                break;
            case Expect.Denied:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/tai-khoan/khong-co-quyen", Visitor.Location(response));
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
        }
    }

    private async Task<AppUser?> UserAsync(string who) => who switch
    {
        "anonymous" => null,
        "learner" => await site.UserAsync(AccountSeed.UniqueName()),
        "trainer" => await site.StaffAsync(StudioSite.TeamA, Roles.Trainer),
        "author" => await site.AuthorAsync(StudioSite.TeamA),
        "reviewer" => await site.StaffAsync(null, Roles.Reviewer),
        "admin" => await site.StaffAsync(null, Roles.Admin),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private async Task<string?> CookieAsync(string who) => await UserAsync(who) is { } user ? await site.SignInAsync(user) : null;

    /// <summary>What packs.js sends: the .zip as the body, the page's antiforgery token in a header, the sign-in cookie.</summary>
    private async Task<HttpResponseMessage> PostPackAsync(AppUser? user, string file, bool token = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PackEndpoints.Import) { Content = new ByteArrayContent(await File.ReadAllBytesAsync(file)) };
        request.Content.Headers.ContentType = new("application/zip");
        var cookies = new List<string>();
        if (user is not null)
        {
            cookies.Add(await site.SignInAsync(user));
            using var scope = site.Services.CreateScope();
            var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
            var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>()
                .GetAndStoreTokens(new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider });
            cookies.Add($"hh.af={tokens.CookieToken}");
            if (token)
                request.Headers.Add("RequestVerificationToken", tokens.RequestToken);
        }
        if (cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await site.Client(followRedirects: false).SendAsync(request);
    }
}

public sealed class PackHttpTestsOnSqlite(PackSourceSqliteSite site) : PackHttpTests<PackSourceSqliteSite>(site), IClassFixture<PackSourceSqliteSite>;

public sealed class PackHttpTestsOnPostgres(PackSourcePostgresSite site) : PackHttpTests<PackSourcePostgresSite>(site), IClassFixture<PackSourcePostgresSite>;
