using System.Net;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Kiosk;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Counter;

/// <summary>
/// The kiosk over HTTP (issue 23 items 1 and 4): becoming a kiosk only with the key, the account pages never shown,
/// the reset, the output cache for ordinary visitors untouched, the hand-off code (once, 10 minutes, merged as at
/// sign-up) and the Zalo share link on the lesson page.
/// </summary>
public abstract class KioskHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CounterSite
{
    private const string Lesson = "dang-ky-vneid-muc-1";
    private static int peers;

    private Visitor NewVisitor()
    {
        var n = Interlocked.Increment(ref peers);
        return new Visitor(site, peer: $"10.24.{n / 250}.{n % 250 + 1}");
    }

    private async Task<Visitor> KioskAsync()
    {
        var kiosk = NewVisitor();
        var (start, _) = await kiosk.GetAsync("/kiosk/bat-dau?khoa=" + Uri.EscapeDataString(CounterSite.KioskKey));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/kiosk", Visitor.Location(start));
        Assert.NotNull(kiosk.Cookie(KioskMode.CookieName));
        return kiosk;
    }

    [Fact]
    public async Task A_wrong_key_or_none_answers_404_and_sets_nothing()
    {
        var phone = NewVisitor();
        var (wrong, _) = await phone.GetAsync("/kiosk/bat-dau?khoa=sai-khoa");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        var (none, _) = await phone.GetAsync("/kiosk/bat-dau");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Null(phone.Cookie(KioskMode.CookieName));
        // Kiosk links on an ordinary phone lead home and change nothing.
        foreach (var url in new[] { "/kiosk", "/kiosk/xong", "/kiosk/tai-khoan", "/kiosk/tiep-tuc/" + Lesson })
        {
            var (response, _) = await phone.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", Visitor.Location(response));
            Assert.False(response.Headers.Contains("Set-Cookie"), url);
        }
        // A hand-made kiosk cookie is not a kiosk.
        phone.Cookies.Add(new Uri(Visitor.Origin), new Cookie(KioskMode.CookieName, "1"));
        var (signIn, page) = await phone.GetAsync("/tai-khoan/dang-nhap");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.NotNull(page.QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task A_kiosk_never_shows_a_sign_in_or_sign_up_form_and_offers_the_phone_instead()
    {
        var kiosk = await KioskAsync();
        foreach (var url in new[] { "/tai-khoan/dang-nhap", "/tai-khoan/dang-ky", "/tai-khoan/dang-nhap?ReturnUrl=%2Fcua-toi", "/tai-khoan/doi-mat-khau", "/cua-toi/xoa-tai-khoan" })
        {
            var (response, _) = await kiosk.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(KioskEndpoints.NoAccount, Visitor.Location(response));
        }
        var (post, _) = await kiosk.PostAsync("/tai-khoan/dang-nhap", Visitor.Fields(("Input.Name", "0903123456"), ("Input.Password", "mật khẩu")));
        Assert.Equal(KioskEndpoints.NoAccount, Visitor.Location(post));
        var (explain, doc) = await kiosk.GetAsync(KioskEndpoints.NoAccount);
        Assert.Equal(HttpStatusCode.OK, explain.StatusCode);
        Assert.Null(doc.QuerySelector("input[type=password]"));
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.TextContent.Contains("Học tiếp trên điện thoại"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("/tai-khoan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ordinary_visitors_keep_the_cached_page_and_a_kiosk_gets_its_own_uncached_one()
    {
        var reader = NewVisitor();
        await reader.GetAsync("/bai-hoc/" + Lesson);
        var (cached, plain) = await reader.GetAsync("/bai-hoc/" + Lesson);
        Assert.Equal("public, max-age=300", cached.Headers.CacheControl?.ToString());
        Assert.True(cached.Headers.Age is not null, "the second anonymous request is an output-cache hit");
        Assert.Null(plain.QuerySelector("#kiosk"));

        var kiosk = await KioskAsync();
        var (kioskPage, kioskDoc) = await kiosk.GetAsync("/bai-hoc/" + Lesson);
        Assert.Equal("no-store", kioskPage.Headers.CacheControl?.ToString());
        Assert.Null(kioskPage.Headers.Age);
        Assert.NotNull(kioskDoc.QuerySelector("#kiosk"));
        Assert.Equal("ts-2", kioskDoc.DocumentElement.GetAttribute("class")); // large text by default
        Assert.Null(kioskDoc.QuerySelector(".lesson__share-zalo"));
        Assert.DoesNotContain(kioskDoc.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal)
            || a.GetAttribute("href")!.StartsWith("//", StringComparison.Ordinal));
        Assert.DoesNotContain(kioskDoc.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("/tai-khoan", StringComparison.Ordinal));

        var (after, afterDoc) = await NewVisitor().GetAsync("/bai-hoc/" + Lesson);
        Assert.Equal("public, max-age=300", after.Headers.CacheControl?.ToString());
        Assert.Null(afterDoc.QuerySelector("#kiosk"));
    }

    [Fact]
    public async Task Every_lesson_page_offers_Zalo_share_with_its_canonical_address_and_stays_cached()
    {
        var reader = NewVisitor();
        var (first, doc) = await reader.GetAsync("/bai-hoc/" + Lesson);
        var share = doc.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Chia sẻ qua Zalo");
        Assert.Equal("https://sp.zalo.me/share_inline?url=" + Uri.EscapeDataString($"{CounterSite.PublicBaseUrl}/bai-hoc/{Lesson}"), share.GetAttribute("href"));
        Assert.Contains("noopener", share.GetAttribute("rel"));
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var (again, _) = await reader.GetAsync("/bai-hoc/" + Lesson);
        Assert.NotNull(again.Headers.Age);
    }

    [Fact]
    public async Task The_reset_forgets_every_cookie_but_the_kiosks_its_storage_and_its_quiz_attempts()
    {
        var kiosk = await KioskAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await kiosk.CompleteAsync(Lesson)).StatusCode);
        var visit = kiosk.Cookie(Web.Progress.LearnerSession.CookieName);
        Assert.NotNull(visit);
        var (quiz, _) = await kiosk.SubmitAsync("/bai-hoc/kiem-tra-an-toan-tren-mang/kiem-tra", "quiz-start", []);
        Assert.Equal(HttpStatusCode.Redirect, quiz.StatusCode);
        var attempts = await site.WithDbAsync(db => db.Set<HoaHung.Learning.Quizzes.QuizAttempt>().CountAsync(a => a.AnonymousId != null));

        var (reset, _) = await kiosk.GetAsync(KioskEndpoints.Reset);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(KioskEndpoints.Home, Visitor.Location(reset));
        Assert.Equal("\"cache\", \"storage\"", string.Join(", ", reset.Headers.GetValues("Clear-Site-Data")));
        Assert.Null(kiosk.Cookie(Web.Progress.LearnerSession.CookieName));
        Assert.NotNull(kiosk.Cookie(KioskMode.CookieName));
        Assert.Equal(attempts - 1, await site.WithDbAsync(db => db.Set<HoaHung.Learning.Quizzes.QuizAttempt>().CountAsync(a => a.AnonymousId != null)));
        var (home, doc) = await kiosk.GetAsync(KioskEndpoints.Home);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("no-store", home.Headers.CacheControl?.ToString());
        Assert.NotNull(doc.QuerySelector("noscript"));
    }

    [Fact]
    public async Task A_hand_off_code_carries_the_visit_to_a_phone_once_and_only_for_10_minutes()
    {
        var kiosk = await KioskAsync();
        await kiosk.CompleteAsync(Lesson);
        var code = await HandOffAsync(kiosk);
        Assert.Null(kiosk.Cookie(Web.Progress.LearnerSession.CookieName)); // the kiosk forgot her progress at once

        var phone = NewVisitor();
        var (open, _) = await phone.GetAsync("/tiep-tuc/" + code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/bai-hoc/" + Lesson, Visitor.Location(open));
        var (state, _) = await phone.GetAsync("/tien-do/" + Lesson);
        Assert.Contains("\"completed\":true", await state.Content.ReadAsStringAsync());

        var (twice, doc) = await NewVisitor().GetAsync("/tiep-tuc/" + code);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("đã được dùng", doc.QuerySelector("[role=alert]")!.TextContent);

        var late = await HandOffAsync(await KioskAsync());
        site.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var (expired, expiredDoc) = await NewVisitor().GetAsync("/tiep-tuc/" + late);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains("quá 10 phút", expiredDoc.QuerySelector("[role=alert]")!.TextContent);
        var (unknown, unknownDoc) = await NewVisitor().GetAsync("/tiep-tuc/ZZZZZZ");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Không tìm thấy", unknownDoc.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_hand_off_merges_into_a_signed_in_phone_as_sign_up_does()
    {
        var kiosk = await KioskAsync();
        await kiosk.CompleteAsync(Lesson);
        var code = await HandOffAsync(kiosk);

        var phone = NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SignUpAsync("0912" + Random.Shared.Next(100000, 999999))).StatusCode);
        var (open, _) = await phone.GetAsync("/tiep-tuc/" + code);
        Assert.Equal("/bai-hoc/" + Lesson, Visitor.Location(open));
        var lessonId = await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == Lesson).Select(l => l.Id).SingleAsync());
        var done = await site.WithDbAsync(db => db.Set<LessonProgress>().Where(p => p.LessonId == lessonId && p.CompletedAt != null)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => u.UserName).ToListAsync());
        Assert.NotEmpty(done);
    }

    private static async Task<string> HandOffAsync(Visitor kiosk)
    {
        var (page, doc) = await kiosk.GetAsync(KioskEndpoints.Handoff(Lesson));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(doc.QuerySelector(".handoff__qr svg"));
        var code = doc.QuerySelector(".handoff__code strong")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-9]{6}$", code);
        Assert.Contains("/tiep-tuc/" + code, doc.QuerySelector(".handoff__address")!.TextContent);
        return code;
    }
}

public sealed class KioskHttpTestsOnSqlite(CounterSqliteSite site) : KioskHttpTests<CounterSqliteSite>(site);

public sealed class KioskHttpTestsOnPostgres(CounterPostgresSite site) : KioskHttpTests<CounterPostgresSite>(site);
