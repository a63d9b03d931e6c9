using System.Net;
using System.Text.Json;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.Progress;

/// <summary>Progress, anonymous progress, certificates and personal data through real HTTP, on each provider.</summary>
public abstract class ProgressHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Tutorial = "vneid-la-gi";
    private const string VideoLesson = "nop-ho-so-truc-tuyen";
    private const string Path = "bat-dau-voi-dien-thoai-thong-minh";
    private static int counter = 200_000;

    private static string NewPhone() => $"0987{Interlocked.Increment(ref counter):D6}";

    private async Task<(Visitor Visitor, string UserId)> LearnerAsync(string displayName = "Phạm Thị Mai")
    {
        var visitor = new Visitor(site);
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignUpAsync(phone, displayName)).StatusCode);
        return (visitor, await site.WithDbAsync(db => db.Users.Where(u => u.UserName == phone).Select(u => u.Id).SingleAsync()));
    }

    /// <summary>Her stored rows, once the visits the site holds in memory are written (they are, within a second).</summary>
    private async Task<List<LessonProgress>> RowsAsync(string userId)
    {
        await site.FlushProgressAsync();
        return await site.WithDbAsync(db => db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId).ToListAsync());
    }

    private Task<List<LessonProgress>> RowsWithoutFlushAsync(string userId) =>
        site.WithDbAsync(db => db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId).ToListAsync());

    [Fact]
    public async Task A_visit_costs_no_write_per_page_view_yet_shows_at_once_and_is_stored_with_the_next_batch()
    {
        var (learner, userId) = await LearnerAsync("Lê Thị Đọc");
        await site.FlushProgressAsync();
        await learner.GetAsync($"/bai-hoc/{Tutorial}");
        await learner.PostAsync($"/tien-do/{VideoLesson}/video", Fields(("position", "12"), ("duration", "100")));

        Assert.Empty(await RowsWithoutFlushAsync(userId)); // nothing written while she reads
        var (_, my) = await learner.GetAsync("/cua-toi");      // yet her own pages show it at once
        Assert.Contains(my.QuerySelectorAll(".lesson-card__title a"), a => a.GetAttribute("href") == $"/bai-hoc/{Tutorial}");
        Assert.Equal(12, (await StateAsync(learner, VideoLesson)).GetProperty("position").GetInt32());

        var video = await LessonIdAsync(VideoLesson);
        var stored = await RowsAsync(userId);
        Assert.Equal(2, stored.Count);
        Assert.Equal(12, stored.Single(r => r.LessonId == video).VideoPositionSeconds);
    }

    [Fact]
    public async Task Visits_held_in_memory_are_written_when_the_site_stops()
    {
        // A site of its own: this test stops it.
        await using var own = (SiteFactory)Activator.CreateInstance(site.GetType())!;
        var learner = new Visitor(own);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SignUpAsync("0911000222", "Ngô Thị Dừng")).StatusCode);
        var userId = await own.WithDbAsync(db => db.Users.Where(u => u.UserName == "0911000222").Select(u => u.Id).SingleAsync());
        await own.FlushProgressAsync();
        await learner.GetAsync($"/bai-hoc/{Tutorial}");
        Assert.Empty(await own.WithDbAsync(db => db.Set<LessonProgress>().Where(p => p.UserId == userId).ToListAsync()));

        var flusher = own.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ProgressFlusher>().Single();
        await flusher.StopAsync(CancellationToken.None); // what a normal stop (SIGTERM, a redeploy) runs

        Assert.Single(await own.WithDbAsync(db => db.Set<LessonProgress>().Where(p => p.UserId == userId).ToListAsync()));
    }

    private Task<int> LessonIdAsync(string slug) => site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync());

    private static async Task<JsonElement> StateAsync(Visitor visitor, string slug)
    {
        var (response, doc) = await visitor.GetAsync($"/tien-do/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        return JsonDocument.Parse(doc.Body!.TextContent).RootElement;
    }

    [Fact]
    public async Task A_signed_in_learner_opening_and_finishing_a_lesson_sees_it_in_my_learning()
    {
        var (learner, userId) = await LearnerAsync();

        var (page, doc) = await learner.GetAsync($"/bai-hoc/{Tutorial}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(doc.QuerySelector("[data-done-state][hidden]"));
        var opened = Assert.Single(await RowsAsync(userId));
        Assert.Null(opened.CompletedAt);
        var (_, before) = await learner.GetAsync("/cua-toi");
        Assert.Equal($"/bai-hoc/{Tutorial}", before.QuerySelector("#continue-heading + a")!.GetAttribute("href"));

        var done = await learner.CompleteAsync(Tutorial);

        Assert.Equal($"/cua-toi/hoan-thanh/{Tutorial}", Location(done));
        var (finished, finishedDoc) = await learner.GetAsync(Location(done));
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Contains("1/8", finishedDoc.Text(".path-progress__meta"));
        Assert.NotNull(Assert.Single(await RowsAsync(userId)).CompletedAt);
        var (_, again) = await learner.GetAsync($"/bai-hoc/{Tutorial}");
        Assert.Null(again.QuerySelector("[data-done-state]")!.GetAttribute("hidden"));
        var (_, my) = await learner.GetAsync("/cua-toi");
        Assert.Contains(my.QuerySelectorAll(".done-list a"), a => a.GetAttribute("href") == $"/bai-hoc/{Tutorial}");
        Assert.True((await StateAsync(learner, Tutorial)).GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task Finishing_again_keeps_one_row_and_moves_its_completion_time()
    {
        // Saying "done" again after reading is what makes a too-early first "done" count toward a certificate.
        var (learner, userId) = await LearnerAsync();
        await learner.CompleteAsync(Tutorial);
        var first = Assert.Single(await RowsAsync(userId)).CompletedAt;
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        await learner.CompleteAsync(Tutorial);
        Assert.True(Assert.Single(await RowsAsync(userId)).CompletedAt >= first!.Value.AddMinutes(5));
    }

    [Fact]
    public async Task The_video_position_is_saved_resumed_and_90_percent_completes_the_lesson()
    {
        var (learner, userId) = await LearnerAsync();
        var (saved, _) = await learner.PostAsync($"/tien-do/{VideoLesson}/video", Fields(("position", "42.7"), ("duration", "100")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var resumed = await learner.Reconnect().GetAsync($"/tien-do/{VideoLesson}");
        var state = await StateAsync(learner.Reconnect(), VideoLesson);
        Assert.Equal(HttpStatusCode.OK, resumed.Response.StatusCode);
        Assert.Equal(42, state.GetProperty("position").GetInt32());
        Assert.False(state.GetProperty("completed").GetBoolean());

        await learner.PostAsync($"/tien-do/{VideoLesson}/video", Fields(("position", "91"), ("duration", "100")));
        Assert.NotNull(Assert.Single(await RowsAsync(userId)).CompletedAt);
    }

    [Theory]
    [InlineData("abc", "100")]
    [InlineData("-5", "100")]
    [InlineData("NaN", "100")]
    [InlineData("1e9", "100")]
    public async Task Nonsense_video_positions_are_refused(string position, string duration)
    {
        var (learner, userId) = await LearnerAsync();
        var (response, _) = await learner.PostAsync($"/tien-do/{VideoLesson}/video", Fields(("position", position), ("duration", duration)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RowsAsync(userId));
    }

    [Fact]
    public async Task Posts_from_other_sites_are_refused()
    {
        var (learner, userId) = await LearnerAsync();
        var (foreign, _) = await learner.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", [], origin: "https://evil.example");
        var (none, _) = await learner.PostAsync($"/tien-do/{Tutorial}/hoan-thanh", [], origin: null);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Empty(await RowsAsync(userId));
    }

    [Fact]
    public async Task Anonymous_progress_lives_in_a_cookie_and_the_cached_page_stays_shared()
    {
        var reader = new Visitor(site);
        var (first, _) = await reader.GetAsync($"/bai-hoc/{Tutorial}");
        var (second, _) = await new Visitor(site).GetAsync($"/bai-hoc/{Tutorial}");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.True(second.Headers.Age.HasValue, "the anonymous lesson page comes from the output cache");

        await reader.PostAsync($"/tien-do/{Tutorial}/mo", []);
        await reader.CompleteAsync("ket-noi-wi-fi");

        Assert.NotNull(reader.Cookie("hh.progress"));
        Assert.True(reader.Cookie("hh.progress")!.Length < 4000);
        Assert.True((await StateAsync(reader, "ket-noi-wi-fi")).GetProperty("completed").GetBoolean());
        var (_, my) = await reader.GetAsync("/cua-toi");
        Assert.Contains(my.QuerySelectorAll(".done-list a"), a => a.GetAttribute("href") == "/bai-hoc/ket-noi-wi-fi");
        Assert.NotNull(my.QuerySelector(".my-signup"));
        var (cached, _) = await reader.GetAsync($"/bai-hoc/{Tutorial}");
        Assert.True(cached.Headers.Age.HasValue, "a reader with a progress cookie still gets the shared page");
    }

    [Fact]
    public async Task A_reader_without_an_account_records_her_visit_and_gets_her_state_in_one_request()
    {
        var reader = new Visitor(site);
        var (fresh, body) = await reader.PostAsync("/tien-do/ket-noi-wi-fi/mo", []);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains("no-store", fresh.Headers.CacheControl!.ToString());
        Assert.False(JsonDocument.Parse(body.Body!.TextContent).RootElement.GetProperty("completed").GetBoolean());
        Assert.NotNull(reader.Cookie("hh.progress")); // the visit is recorded

        await reader.CompleteAsync("ket-noi-wi-fi");
        var (_, again) = await reader.PostAsync("/tien-do/ket-noi-wi-fi/mo", []);

        Assert.True(JsonDocument.Parse(again.Body!.TextContent).RootElement.GetProperty("completed").GetBoolean());
        var (missing, _) = await reader.PostAsync("/tien-do/khong-co-bai-nay/mo", []);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Anonymous_progress_joins_the_account_exactly_once()
    {
        var reader = new Visitor(site);
        await reader.PostAsync($"/tien-do/{Tutorial}/mo", []);
        await reader.CompleteAsync("ket-noi-wi-fi");
        await reader.PostAsync($"/tien-do/{VideoLesson}/video", Fields(("position", "30"), ("duration", "200")));
        var oldCookie = reader.Cookie("hh.progress")!;
        var phone = NewPhone();

        await reader.SignUpAsync(phone);
        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.UserName == phone).Select(u => u.Id).SingleAsync());
        var rows = await RowsAsync(userId);
        Assert.Equal(3, rows.Count);
        Assert.Null(reader.Cookie("hh.progress"));
        var wifi = rows.Single(r => r.LessonId == LessonIdAsync("ket-noi-wi-fi").Result);
        Assert.NotNull(wifi.CompletedAt);
        Assert.Equal(30, rows.Single(r => r.VideoPositionSeconds > 0).VideoPositionSeconds);

        // The same cookie again (another tab, the back button): nothing doubles, nothing moves.
        var replay = new Visitor(site);
        replay.Cookies.Add(new Uri(Origin), new System.Net.Cookie("hh.progress", oldCookie));
        await replay.SignInAsync(phone);
        var after = await RowsAsync(userId);
        Assert.Equal(3, after.Count);
        Assert.Equal(wifi.CompletedAt, after.Single(r => r.LessonId == wifi.LessonId).CompletedAt);
    }

    [Fact]
    public async Task Finishing_soon_after_opening_keeps_the_first_open_time_the_buffer_held()
    {
        var (learner, userId) = await LearnerAsync("Cao Thị Nhớ");
        await site.FlushProgressAsync();
        await learner.GetAsync($"/bai-hoc/{Tutorial}");               // the visit is held in memory...
        site.Clock.Advance(TimeSpan.FromMinutes(10));
        await learner.CompleteAsync(Tutorial);                          // ...when "done" writes her row
        var row = Assert.Single(await RowsAsync(userId));
        Assert.True(row.CompletedAt - row.FirstOpenedAt >= TimeSpan.FromMinutes(10), $"{row.FirstOpenedAt} → {row.CompletedAt}");
    }

    [Fact]
    public async Task Pressing_done_on_every_lesson_of_a_path_in_seconds_earns_no_certificate()
    {
        var (learner, userId) = await LearnerAsync("Đỗ Thị Vội");
        foreach (var slug in await PathLessonsAsync())
        {
            await learner.GetAsync($"/bai-hoc/{slug}");
            await learner.CompleteAsync(slug);
        }
        var (_, my) = await learner.GetAsync("/cua-toi");
        Assert.Contains(my.QuerySelectorAll(".path-progress__meta"), m => m.TextContent.Contains("100%"));
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<Certificate>().CountAsync(c => c.UserId == userId)));
        Assert.Empty(my.QuerySelectorAll(".certificate-list a"));
    }

    private Task<List<string>> PathLessonsAsync() =>
        site.WithDbAsync(db => db.PathLessons.Where(pl => db.LearningPaths.Any(p => p.Slug == Path && p.Id == pl.PathId))
            .OrderBy(pl => pl.Position).Select(pl => pl.Lesson.Slug).ToListAsync());

    private Task<int> MinutesAsync(string slug) => site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == slug).Select(l => l.Minutes).SingleAsync());

    /// <summary>Records that she learned a lesson the way that counts: read an hour, watched its video, passed its quiz.</summary>
    private Task LearnedAsync(string userId, string slug) => site.WithDbAsync(async db =>
    {
        var lesson = await db.Lessons.Where(l => l.Slug == slug)
            .Select(l => new { l.Id, l.PublishedRevisionId, HasQuiz = l.QuizTitle != null }).SingleAsync();
        var now = site.Clock.GetUtcNow().UtcDateTime;
        db.Add(new LessonProgress { UserId = userId, LessonId = lesson.Id, FirstOpenedAt = now.AddHours(-1), LastOpenedAt = now,
            CompletedAt = now, VideoWatchedAt = now });
        if (lesson.HasQuiz)
            db.Add(new HoaHung.Learning.Quizzes.QuizAttempt { Id = Guid.NewGuid(), LessonId = lesson.Id, RevisionId = lesson.PublishedRevisionId!.Value,
                UserId = userId, Open = null, StartedAt = now, FinishedAt = now, ScorePercent = 100, Passed = true });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Finishing_a_path_issues_a_certificate_anyone_can_verify()
    {
        var (learner, userId) = await LearnerAsync("Võ Thị Sáu Mươi");
        // A name saved before names were cleaned, with a zero-width space and a direction override: not printed.
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Võ Thị\u200b Sáu Mươi\u202e")));
        var lessons = await PathLessonsAsync();
        foreach (var slug in lessons.SkipLast(1))
            await LearnedAsync(userId, slug);
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<Certificate>().CountAsync(c => c.UserId == userId)));

        // The last lesson: opened, read for half its minutes, then done.
        var last = lessons[^1];
        await learner.GetAsync($"/bai-hoc/{last}");
        await site.FlushProgressAsync();
        site.Clock.Advance(CertificateRule.PlausibleReadingTime(await MinutesAsync(last)));
        var done = await learner.CompleteAsync(last);
        var (_, finished) = await learner.GetAsync(Location(done));
        var certificate = await site.WithDbAsync(db => db.Set<Certificate>().SingleAsync(c => c.UserId == userId));
        Assert.Matches("^[a-z2-9]{20}$", certificate.Code);
        Assert.Contains($"/chung-chi/{certificate.Code}", finished.QuerySelector(".certificate-earned a")!.GetAttribute("href"));
        var (page, doc) = await new Visitor(site).GetAsync($"/chung-chi/{certificate.Code}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Võ Thị Sáu Mươi", doc.Text(".certificate__name"));
        Assert.Equal("Bắt đầu với điện thoại thông minh", doc.Text(".certificate__path"));
        Assert.NotNull(doc.QuerySelector(".certificate__qr svg"));
        Assert.Equal("noindex", doc.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.DoesNotContain("0987", doc.Body!.TextContent); // nothing about her but the name

        var (_, my) = await learner.GetAsync("/cua-toi");
        Assert.Contains(my.QuerySelectorAll(".certificate-list a"), a => a.GetAttribute("href") == $"/chung-chi/{certificate.Code}");
        await learner.CompleteAsync(lessons[0]);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<Certificate>().CountAsync(c => c.UserId == userId)));
    }

    [Theory]
    [InlineData("khongcochungchinaoca")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("a")]
    public async Task Unknown_certificate_codes_say_not_valid(string code)
    {
        var (response, doc) = await new Visitor(site).GetAsync($"/chung-chi/{Uri.EscapeDataString(code)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy chứng chỉ", doc.Text("h1"));
    }

    [Fact]
    public async Task A_learner_reads_and_changes_only_her_own_progress()
    {
        var (alice, aliceId) = await LearnerAsync("Alice");
        var (bob, bobId) = await LearnerAsync("Bob");
        await alice.CompleteAsync(Tutorial);

        // Bob asks for Alice's state, passing her id every way a guesser might: he gets only his own.
        Assert.False((await StateAsync(bob, Tutorial + "?userId=" + aliceId)).GetProperty("completed").GetBoolean());
        await bob.PostAsync($"/tien-do/{VideoLesson}/video?userId={aliceId}", Fields(("userId", aliceId), ("position", "5"), ("duration", "100")));
        var (export, _) = await bob.GetAsync($"/cua-toi/du-lieu?userId={aliceId}");
        var json = await export.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Alice", json);
        Assert.Contains("Bob", json);
        Assert.DoesNotContain(await RowsAsync(aliceId), r => r.VideoPositionSeconds == 5);
        Assert.Single(await RowsAsync(bobId));

        // A forged anonymous cookie is ignored, not trusted.
        var forger = new Visitor(site);
        forger.Cookies.Add(new Uri(Origin), new System.Net.Cookie("hh.progress", "AQAAAAAAAAAAAAAAAAAAAAABAA"));
        Assert.False((await StateAsync(forger, Tutorial)).GetProperty("completed").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await forger.GetAsync("/cua-toi/du-lieu")).Response.StatusCode);
    }

    [Fact]
    public async Task A_learner_downloads_her_data_and_deleting_the_account_leaves_only_totals()
    {
        var (learner, userId) = await LearnerAsync("Đỗ Thị Xóa");
        var lessonId = await LessonIdAsync(Tutorial);
        var totalBefore = await site.WithDbAsync(db => db.Set<DeletedLearnerTotal>().Where(t => t.LessonId == lessonId).Select(t => t.Completions).SingleOrDefaultAsync());
        await learner.CompleteAsync(Tutorial);

        var (export, _) = await learner.GetAsync("/cua-toi/du-lieu");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString() ?? export.Headers.GetValues("Content-Disposition").Single());
        var data = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Đỗ Thị Xóa", data.GetProperty("account").GetProperty("displayName").GetString());
        Assert.Equal(Tutorial, data.GetProperty("progress").GetProperty("lessons")[0].GetProperty("lesson").GetString());

        var (wrong, wrongDoc) = await learner.SubmitAsync("/cua-toi/xoa-tai-khoan", "delete-account", Fields(("Password", "không đúng đâu")));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull(wrongDoc.QuerySelector(".alert--error"));
        var (deleted, _) = await learner.SubmitAsync("/cua-toi/xoa-tai-khoan", "delete-account", Fields(("Password", "hoa mai nở sáng nay")));

        Assert.Equal("/cua-toi/xoa-tai-khoan?xong=1", Location(deleted));
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        Assert.Empty(await RowsAsync(userId));
        Assert.Equal(totalBefore + 1, await site.WithDbAsync(db => db.Set<DeletedLearnerTotal>().Where(t => t.LessonId == lessonId).Select(t => t.Completions).SingleAsync()));
        Assert.Null(learner.Cookie("hh.auth"));
    }
}

/// <summary>The seed library, with buffered visits written only when a test asks (so "not yet written" can be seen).</summary>
public abstract class ProgressSite(DatabaseProvider provider) : SiteFactory(provider)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:Progress:FlushSeconds", "3600");
    }
}

public sealed class ProgressSiteOnSqlite() : ProgressSite(DatabaseProvider.Sqlite);

public sealed class ProgressSiteOnPostgres() : ProgressSite(DatabaseProvider.Postgres);

public sealed class ProgressHttpTestsOnSqlite(ProgressSiteOnSqlite site) : ProgressHttpTests<ProgressSiteOnSqlite>(site);

public sealed class ProgressHttpTestsOnPostgres(ProgressSiteOnPostgres site) : ProgressHttpTests<ProgressSiteOnPostgres>(site);
