using System.IO.Compression;
using System.Net;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Hosting;
using HoaHung.Learning.Web.Shell;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Catalog;

/// <summary>
/// A signed-in learner's lesson page served from the page's shell (docs/architecture.md §7): the same page the
/// renderer makes for her, with her name and her state, whoever else read it before; on each provider.
/// </summary>
public abstract class SignedInLessonTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Lesson = "vneid-la-gi";
    private static int counter = 300_000;

    private PageShells Shells => site.Services.GetRequiredService<PageShells>();

    private async Task<Visitor> LearnerAsync(string displayName)
    {
        var visitor = new Visitor(site);
        var phone = $"0978{Interlocked.Increment(ref counter):D6}";
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignUpAsync(phone, displayName)).StatusCode);
        return visitor;
    }

    [Fact]
    public async Task Two_learners_get_their_own_name_and_state_from_one_shell()
    {
        var lan = await LearnerAsync("Nguyễn Thị Lan");
        var hung = await LearnerAsync("Trần Văn Hùng");
        await lan.CompleteAsync(Lesson);

        var before = Shells.Count;
        var (first, lanPage) = await lan.GetAsync($"/bai-hoc/{Lesson}");   // rendered once as the shell, filled for her
        var afterFirst = Shells.Count;
        var (second, hungPage) = await hung.GetAsync($"/bai-hoc/{Lesson}"); // from the shell
        var (third, lanAgain) = await lan.GetAsync($"/bai-hoc/{Lesson}");

        Assert.True(afterFirst >= before && afterFirst <= before + 1, $"{before} → {afterFirst}");
        Assert.Equal(afterFirst, Shells.Count); // no second shell for the same page
        foreach (var (response, page, name, done) in new[] { (first, lanPage, "Lan", true), (second, hungPage, "Hùng", false), (third, lanAgain, "Lan", true) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(name, page.QuerySelector(".prefs__item--account .prefs__label")!.TextContent);
            Assert.Equal(!done, page.QuerySelector("[data-done-state]")!.HasAttribute("hidden"));
            Assert.Single(page.QuerySelectorAll("[data-done-state]"));
            Assert.Equal("1", page.QuerySelector("article.lesson")!.GetAttribute("data-signed-in"));
            Assert.DoesNotContain("hh-slot", page.DocumentElement.OuterHtml);
            Assert.Contains("private", response.Headers.CacheControl!.ToString());
            Assert.True(response.Headers.CacheControl.NoCache);
        }
    }

    [Fact]
    public async Task The_compressed_page_is_the_same_page_as_the_plain_one()
    {
        var learner = await LearnerAsync("Lê Thị Nén");
        await learner.GetAsync($"/bai-hoc/{Lesson}");
        using var http = site.CreateDefaultClient(new Uri(Visitor.Origin), new CookieContainerHandler(learner.Cookies));

        using var zipped = new HttpRequestMessage(HttpMethod.Get, $"/bai-hoc/{Lesson}");
        zipped.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var zippedResponse = await http.SendAsync(zipped);
        var plain = await http.GetStringAsync($"/bai-hoc/{Lesson}");

        Assert.Equal("gzip", Assert.Single(zippedResponse.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", zippedResponse.Headers.Vary);
        var bytes = await zippedResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, zippedResponse.Content.Headers.ContentLength);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        Assert.Equal(plain, await new StreamReader(gzip).ReadToEndAsync());
        Assert.Contains("Nén", plain);

        // A client that takes brotli only is not sent gzip it did not ask for: the plain pieces, compressed on the way out.
        using var brotliOnly = new HttpRequestMessage(HttpMethod.Get, $"/bai-hoc/{Lesson}");
        brotliOnly.Headers.AcceptEncoding.ParseAdd("br");
        using var brotliResponse = await http.SendAsync(brotliOnly);
        Assert.Equal("br", Assert.Single(brotliResponse.Content.Headers.ContentEncoding));
        using var brotli = new BrotliStream(await brotliResponse.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Equal(plain, await new StreamReader(brotli).ReadToEndAsync());
    }

    [Fact]
    public async Task Her_visits_through_the_shell_are_recorded()
    {
        var learner = await LearnerAsync("Võ Thị Ghé");
        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.DisplayName == "Võ Thị Ghé").Select(u => u.Id).SingleAsync());
        await learner.GetAsync($"/bai-hoc/{Lesson}");
        site.Clock.Advance(TimeSpan.FromMinutes(7));
        var second = site.Clock.GetUtcNow().UtcDateTime;
        await learner.GetAsync($"/bai-hoc/{Lesson}"); // from the shell
        await site.FlushProgressAsync();
        var row = await site.WithDbAsync(db => db.Set<LessonProgress>().AsNoTracking().SingleAsync(p => p.UserId == userId));
        Assert.True(row.LastOpenedAt >= second.AddSeconds(-1), $"{row.LastOpenedAt:o} < {second:o}");
        Assert.True(row.FirstOpenedAt < second.AddMinutes(-6));
    }

    [Fact]
    public async Task What_she_did_shows_at_once_before_and_after_the_visits_are_written()
    {
        // "Của tôi" reads her stored rows from what this process holds of them, with unwritten visits laid over:
        // writing a batch of visits, or a completion, must never make anything disappear or come back stale.
        var learner = await LearnerAsync("Lý Thị Nhớ");
        const string second = "nop-ho-so-truc-tuyen";
        async Task<string?> ContinueAsync() =>
            (await learner.GetAsync("/cua-toi")).Document.QuerySelector("#continue-heading + a")?.GetAttribute("href");

        await learner.GetAsync($"/bai-hoc/{Lesson}");
        Assert.Equal($"/bai-hoc/{Lesson}", await ContinueAsync());      // held in memory, laid over
        await site.FlushProgressAsync();
        Assert.Equal($"/bai-hoc/{Lesson}", await ContinueAsync());      // written: read back from the database
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        await learner.GetAsync($"/bai-hoc/{second}");
        await site.FlushProgressAsync();
        Assert.Equal($"/bai-hoc/{second}", await ContinueAsync());      // the newer visit, after its batch was written

        await learner.CompleteAsync(second);
        var (_, my) = await learner.GetAsync("/cua-toi");
        Assert.Contains(my.QuerySelectorAll(".done-list a"), a => a.GetAttribute("href") == $"/bai-hoc/{second}");
        Assert.Equal($"/bai-hoc/{Lesson}", await ContinueAsync());
        var (_, page) = await learner.GetAsync($"/bai-hoc/{second}");
        Assert.False(page.QuerySelector("[data-done-state]")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Each_language_and_text_size_has_its_own_shell()
    {
        var learner = await LearnerAsync("Đặng Thị Chữ");
        var (_, vi) = await learner.GetAsync($"/bai-hoc/{Lesson}");
        await learner.GetAsync($"/ngon-ngu/en?r=/bai-hoc/{Lesson}");
        await learner.GetAsync($"/co-chu/3?r=/bai-hoc/{Lesson}");
        var (_, en) = await learner.GetAsync($"/bai-hoc/{Lesson}");

        Assert.Equal("vi", vi.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains("ts-3", en.DocumentElement.ClassName);
        Assert.Equal("Chữ", en.QuerySelector(".prefs__item--account .prefs__label")!.TextContent);
    }

    [Fact]
    public async Task A_library_change_drops_the_shells_and_she_reads_the_new_lesson()
    {
        const string slug = "nop-ho-so-truc-tuyen";
        var learner = await LearnerAsync("Phan Thị Mới");
        await learner.GetAsync($"/bai-hoc/{slug}");
        var generation = Shells.Generation;

        await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == slug)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Title, "Nộp hồ sơ trực tuyến — bản mới")));
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CatalogChanges>().PublishedAsync(CancellationToken.None);

        Assert.NotEqual(generation, Shells.Generation);
        var (_, page) = await learner.GetAsync($"/bai-hoc/{slug}");
        Assert.Equal("Nộp hồ sơ trực tuyến — bản mới", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Mới", page.QuerySelector(".prefs__item--account .prefs__label")!.TextContent);
    }

    [Theory]
    [InlineData("/chu-de/vneid")]
    [InlineData("/lo-trinh/bat-dau-voi-dien-thoai-thong-minh")]
    public async Task Topic_and_path_pages_come_from_their_shell_with_her_name(string url)
    {
        var mai = await LearnerAsync("Bùi Thị Mai");
        var tuan = await LearnerAsync("Đỗ Văn Tuấn");
        var anonymous = (await new Visitor(site).GetAsync(url)).Document;
        var before = Shells.Count;
        var (first, maiPage) = await mai.GetAsync(url);
        var (second, tuanPage) = await tuan.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(Shells.Count <= before + 1);
        Assert.Equal("Mai", maiPage.QuerySelector(".prefs__item--account .prefs__label")!.TextContent);
        Assert.Equal("Tuấn", tuanPage.QuerySelector(".prefs__item--account .prefs__label")!.TextContent);
        Assert.DoesNotContain("hh-slot", tuanPage.DocumentElement.OuterHtml);
        Assert.True(second.Headers.CacheControl!.Private);
        // The same page as an anonymous reader's but for the header's name.
        Assert.Equal(anonymous.QuerySelector("main")!.OuterHtml, tuanPage.QuerySelector("main")!.OuterHtml);
    }

    [Fact]
    public async Task An_unknown_lesson_is_still_not_found_for_a_signed_in_learner()
    {
        var learner = await LearnerAsync("Hồ Thị Lạc");
        var (response, page) = await learner.GetAsync("/bai-hoc/khong-co-bai-nay");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("hh-slot", page.DocumentElement.OuterHtml);
    }
}

public sealed class SignedInLessonTestsOnSqlite(SqliteSite site) : SignedInLessonTests<SqliteSite>(site);

public sealed class SignedInLessonTestsOnPostgres(PostgresSite site) : SignedInLessonTests<PostgresSite>(site);
