using System.Net;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>
/// The review pages × anonymous, learner, author of another team, the lesson's author, reviewer, admin over HTTP:
/// decided on the server before any circuit starts (the queue and review page for reviewers and admins; a lesson's
/// history for whoever may edit it), and nothing of the lesson reaches those refused.
/// </summary>
public abstract class ReviewHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private const string Secret = "Nội dung đang chờ duyệt của khu phố năm";

    public enum Expect { SignIn, Denied, Refused, Allowed }

    public static TheoryData<string, string, Expect> Pages => new()
    {
        { "/soan-bai/cho-duyet", "anonymous", Expect.SignIn },
        { "/soan-bai/cho-duyet", "learner", Expect.Denied },
        { "/soan-bai/cho-duyet", "author of another team", Expect.Denied },
        { "/soan-bai/cho-duyet", "author", Expect.Denied },
        { "/soan-bai/cho-duyet", "reviewer", Expect.Allowed },
        { "/soan-bai/cho-duyet", "admin", Expect.Allowed },
        { "/soan-bai/cho-duyet/{lesson}", "anonymous", Expect.SignIn },
        { "/soan-bai/cho-duyet/{lesson}", "learner", Expect.Denied },
        { "/soan-bai/cho-duyet/{lesson}", "author of another team", Expect.Denied },
        { "/soan-bai/cho-duyet/{lesson}", "author", Expect.Denied },
        { "/soan-bai/cho-duyet/{lesson}", "reviewer", Expect.Allowed },
        { "/soan-bai/cho-duyet/{lesson}", "admin", Expect.Allowed },
        { "/soan-bai/{lesson}/lich-su", "anonymous", Expect.SignIn },
        { "/soan-bai/{lesson}/lich-su", "learner", Expect.Denied },
        { "/soan-bai/{lesson}/lich-su", "author of another team", Expect.Refused },
        { "/soan-bai/{lesson}/lich-su", "author", Expect.Allowed },
        { "/soan-bai/{lesson}/lich-su", "reviewer", Expect.Allowed },
        { "/soan-bai/{lesson}/lich-su", "admin", Expect.Allowed },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Review_pages_are_for_reviewers_and_a_lessons_history_for_those_who_may_edit_it(string path, string who, Expect expect)
    {
        site.EnsureAvailable();
        var owner = await site.AuthorAsync(StudioSite.TeamA);
        var (lesson, _) = await site.SubmittedAsync(owner.Id, $"Bài chờ duyệt {Guid.NewGuid():N}", Secret);
        path = path.Replace("{lesson}", lesson.Slug);
        var user = who switch
        {
            "anonymous" => null,
            "learner" => await site.UserAsync(AccountSeed.UniqueName()),
            "author of another team" => await site.AuthorAsync(StudioSite.TeamB),
            "author" => owner,
            "reviewer" => await site.StaffAsync(null, Roles.Reviewer),
            "admin" => await site.StaffAsync(null, Roles.Admin),
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
        };
        var cookie = user is null ? null : await site.SignInAsync(user);

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
                break;
            case Expect.Allowed:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotNull(doc.QuerySelector("script[src*='blazor.web']"));
                if (path.EndsWith("/cho-duyet", StringComparison.Ordinal))
                    Assert.NotNull(doc.QuerySelector($"[data-lesson='{lesson.Slug}'] a.review-publish[href='/soan-bai/cho-duyet/{lesson.Slug}?xuat-ban=1']"));
                else if (path.EndsWith("/lich-su", StringComparison.Ordinal))
                    Assert.NotNull(doc.QuerySelector(".review-history__row[data-revision='1']"));
                else
                    Assert.Contains(Secret, doc.QuerySelector(".review-blocks")!.TextContent);
                break;
        }
        if (expect is not Expect.Allowed)
            Assert.DoesNotContain(Secret, body);
    }
}

public sealed class ReviewHttpTestsOnSqlite(StudioSqliteSite site) : ReviewHttpTests<StudioSqliteSite>(site);

public sealed class ReviewHttpTestsOnPostgres(StudioPostgresSite site) : ReviewHttpTests<StudioPostgresSite>(site);
