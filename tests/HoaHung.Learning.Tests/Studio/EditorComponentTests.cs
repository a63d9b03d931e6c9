using System.Text.Json;
using System.Text.RegularExpressions;
using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Web.Studio;
using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>The editor in a circuit (bUnit) over a real SQLite site: preview, checks, recovery after an interruption.</summary>
public sealed class EditorComponentTests(StudioSqliteSite site) : IClassFixture<StudioSqliteSite>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(AppUser Author, DraftView Draft)> LessonAsync(string body)
    {
        var author = await site.AuthorAsync();
        var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.CreateAsync(author.Id,
            new LessonContent { Title = "Nhận biết cuộc gọi lừa đảo", Summary = "Tóm tắt.", Topic = "an-toan-tren-mang", Body = body },
            CancellationToken.None)).Draft;
        return (author, draft);
    }

    private static string Stash(long basedOn, string? session, LessonContent content) =>
        JsonSerializer.Serialize(new { basedOn, session, content, at = 1_764_460_800_000L }, Json);

    [Fact]
    public async Task The_editor_shows_the_lesson_previews_it_through_the_public_pipeline_and_checks_as_the_text_changes()
    {
        var (author, draft) = await LessonAsync("## Bắt đầu\n\nMở **ứng dụng** ngân hàng.");
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        ctx.BrowserKept(null);

        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Equal("Nhận biết cuộc gọi lừa đảo", cut.Find("#studio-title").GetAttribute("value")));
        Assert.Equal("## Bắt đầu\n\nMở **ứng dụng** ngân hàng.", cut.Find("#studio-body").GetAttribute("value"));
        var preview = cut.Find("iframe.studio-preview__frame").GetAttribute("srcdoc")!;
        Assert.Contains("<h2 id=\"bat-dau\">Bắt đầu</h2>", preview);
        Assert.Contains("<strong>ứng dụng</strong>", preview);
        Assert.Contains("<h1>Nhận biết cuộc gọi lừa đảo</h1>", preview);
        Assert.Equal("Không có gì cần sửa. Bài dễ đọc.", cut.Find(".studio-checks__none").TextContent);

        var longSentence = "Mở ứng dụng " + string.Join(' ', Enumerable.Repeat("và", 30)) + ".";
        await cut.InvokeAsync(() => cut.Instance.OnBodyChanged($"## Bắt đầu\n\n{longSentence}\n\n#### Nhảy cấp"));

        cut.WaitForAssertion(() =>
        {
            var checks = cut.FindAll(".studio-check__text").Select(c => c.TextContent).ToList();
            Assert.Contains(checks, c => c.Contains("Câu dài 33 chữ"));
            Assert.Contains(checks, c => c.Contains("Đề mục nhảy cấp"));
        });
        Assert.Contains("<h4", cut.Find("iframe.studio-preview__frame").GetAttribute("srcdoc"));

        // In the cards, a check leads to the card that holds its line (the long sentence, second block); in the source text, to the line.
        Taps.Tap(() => cut.FindAll(".studio-check__jump").First(b => b.TextContent.Contains("Đến dòng 3")));
        cut.WaitForAssertion(() => Assert.Contains(ctx.Module.Invocations["focus"], i => Equals(i.Arguments[0], "card-1-text")));
        Taps.Tap(() => cut.FindAll("button").Single(b => b.TextContent == "Văn bản gốc"));
        Taps.Tap(() => cut.FindAll(".studio-check__jump").First(b => b.TextContent.Contains("Đến dòng 3")));
        Assert.Equal(3, ctx.Module.VerifyInvoke("jumpToLine").Arguments[0]);
    }

    [Fact]
    public async Task Typing_the_server_never_got_is_restored_from_the_browser_with_a_message_and_saved()
    {
        var (author, draft) = await LessonAsync("Đoạn đã lưu.");
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        var typed = draft.Content with { Body = "Đoạn đã lưu. Và những chữ gõ lúc mất mạng." };
        ctx.BrowserKept(Stash(draft.Version, "tab-a", typed));

        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Contains("Đã khôi phục phần bạn gõ", cut.Find(".studio-notice").TextContent));
        Assert.Equal(typed.Body, ctx.Module.VerifyInvoke("setBody").Arguments[0]);
        cut.WaitForAssertion(() => Assert.Equal(typed.Body, Stored(draft.LessonId).Body));
        Assert.Equal("tab-a", Stored(draft.LessonId).UpdatedSession);
    }

    [Fact]
    public async Task Typing_that_reached_the_circuit_is_on_the_server_less_than_5_seconds_after_the_last_keystroke()
    {
        // studio.js sends the body to the circuit after a pause of SEND_AFTER_MS; the rest of the 5 s is the server's.
        var script = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepoRoot, "wwwroot", "js", "studio.js"));
        var sendAfter = TimeSpan.FromMilliseconds(int.Parse(Regex.Match(script, @"const SEND_AFTER_MS = (\d+);").Groups[1].Value));
        var budget = TimeSpan.FromSeconds(5) - sendAfter;
        var (author, draft) = await LessonAsync("Đoạn đã lưu.");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ctx = new StudioComponents(site, clock, author, Roles.Author);
        ctx.BrowserKept(null);
        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));
        cut.WaitForAssertion(() => ctx.Module.VerifyInvoke("stash")); // the autosave timer starts right after
        await cut.InvokeAsync(() => { });

        const string typed = "Đoạn đã lưu. Chữ gõ ngay trước khi máy chủ khởi động lại.";
        await cut.InvokeAsync(() => cut.Instance.OnBodyChanged(typed));
        Assert.Equal("Đoạn đã lưu.", Stored(draft.LessonId).Body);

        clock.Advance(budget);

        cut.WaitForAssertion(() => Assert.Equal(typed, Stored(draft.LessonId).Body));
        cut.WaitForAssertion(() => Assert.Contains("Đã lưu lúc", cut.Find(".studio-editor__saved").TextContent));
    }

    [Fact]
    public async Task A_browser_copy_older_than_someone_elses_save_overwrites_nothing_until_the_person_chooses()
    {
        var (author, draft) = await LessonAsync("Bản đầu.");
        var teammate = await site.AuthorAsync();
        var theirs = Assert.IsType<DraftResult.Saved>(await site.Drafts.SaveAsync(teammate.Id, draft.LessonId,
            new DraftEdit(draft.Version, draft.Content with { Body = "Bản đồng đội sửa." }, "tab-b"), CancellationToken.None));
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        ctx.BrowserKept(Stash(draft.Version, "tab-a", draft.Content with { Body = "Bản tôi gõ trên máy này." }));

        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Contains("Bài này vừa được lưu từ nơi khác", cut.Find(".studio-conflict").TextContent));
        Assert.Equal("Bản đồng đội sửa.", Stored(draft.LessonId).Body);
        Assert.Contains("Bản tôi gõ trên máy này.", cut.Find(".studio-conflict__versions").TextContent);
        // The difference, word by word: what only the stored version has, and what only hers has.
        Assert.Equal("đồng đội sửa", cut.Find(".studio-conflict .review-diff__removed").TextContent.Trim());
        Assert.Equal("tôi gõ trên máy này", cut.Find(".studio-conflict .review-diff__added").TextContent.Trim());

        Taps.Tap(() => cut.Find(".studio-conflict__mine"));

        cut.WaitForAssertion(() => Assert.Equal("Bản tôi gõ trên máy này.", Stored(draft.LessonId).Body));
        Assert.True(Stored(draft.LessonId).Version > theirs.Version);
        Assert.Empty(cut.FindAll(".studio-conflict"));
    }

    [Fact]
    public async Task An_author_of_another_team_gets_the_refusal_and_never_the_text()
    {
        var (_, draft) = await LessonAsync("Chữ riêng của tổ.");
        var stranger = await site.AuthorAsync(StudioSite.TeamB);
        await using var ctx = new StudioComponents(site, stranger, Roles.Author);
        ctx.BrowserKept(null);

        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Contains("Bạn không có quyền sửa bài này", cut.Find(".studio-refusal").TextContent));
        Assert.DoesNotContain("Chữ riêng của tổ.", cut.Markup);
        Assert.Empty(cut.FindAll("#studio-body"));
    }

    [Fact]
    public async Task Sending_for_review_from_the_editor_changes_the_state_and_not_the_public_page()
    {
        var (author, draft) = await LessonAsync("Nội dung đủ để duyệt.");
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        ctx.BrowserKept(null);
        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));
        cut.WaitForAssertion(() => cut.Find(".studio-submit"));

        Taps.Tap(() => cut.Find(".studio-submit"));

        cut.WaitForAssertion(() => Assert.Equal("Chờ duyệt", cut.Find(".studio-editor__state").TextContent.Trim()));
        Assert.Equal(ReviewState.InReview, Stored(draft.LessonId).State);
        Assert.Equal(HoaHung.Learning.Catalog.LessonStatus.Draft,
            await site.WithDbAsync(db => db.Lessons.Where(l => l.Id == draft.LessonId).Select(l => l.Status).SingleAsync()));
    }

    /// <summary>The working copy as stored now (synchronous, for use inside bUnit's WaitForAssertion).</summary>
    private LessonDraft Stored(int lessonId)
    {
        using var scope = site.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LearningDbContext>().LessonDrafts().AsNoTracking().Single(d => d.LessonId == lessonId);
    }
}
