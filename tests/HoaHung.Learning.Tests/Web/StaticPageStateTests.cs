using System.Net;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Progress;

namespace HoaHung.Learning.Tests.Web;

/// <summary>
/// Learner pages are static: no encrypted component-state comment at their end (Hosting/StaticPageState.cs), for
/// an anonymous reader (the cached bytes) and for a signed-in one; their forms still carry their antiforgery token.
/// </summary>
public sealed class StaticPageStateTests(ProgressSiteOnSqlite site) : IClassFixture<ProgressSiteOnSqlite>
{
    private const string State = "Blazor-Server-Component-State";

    [Theory]
    [InlineData("/")]
    [InlineData("/bai-hoc/vneid-la-gi")]
    [InlineData("/tim-kiem?q=vneid")]
    [InlineData("/cua-toi")]
    [InlineData("/khong-co-trang-nay")]
    public async Task An_anonymous_reader_gets_no_component_state(string path)
    {
        var response = await site.Client().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.Contains("</html>", body);
        Assert.DoesNotContain(State, body);
    }

    [Fact]
    public async Task A_signed_in_learner_gets_none_and_forms_keep_their_token()
    {
        var visitor = new Visitor(site);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignUpAsync(AccountSeedPhone())).StatusCode);

        foreach (var path in new[] { "/bai-hoc/vneid-la-gi", "/cua-toi", "/tai-khoan/doi-mat-khau" })
        {
            var (response, doc) = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(State, doc.DocumentElement.OuterHtml);
            Assert.DoesNotContain(State, await response.Content.ReadAsStringAsync());
        }
        var (_, form) = await visitor.GetAsync("/tai-khoan/doi-mat-khau");
        Assert.False(string.IsNullOrEmpty(form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")));
    }

    private static string AccountSeedPhone() => HoaHung.Learning.Tests.Accounts.AccountSeed.UniquePhone();
}
