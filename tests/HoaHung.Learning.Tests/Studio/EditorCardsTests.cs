using System.Text.Json;
using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Web.Studio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>The editor's cards (issue 27): steps edited, added, moved and removed, pictures put inside steps, and typing in a card kept across a lost connection.</summary>
public sealed class EditorCardsTests(StudioSqliteSite site) : IClassFixture<StudioSqliteSite>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(AppUser Author, DraftView Draft)> LessonAsync(string body)
    {
        var author = await site.AuthorAsync();
        var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.CreateAsync(author.Id,
            new LessonContent { Title = "Chặn số lạ", Summary = "Tóm tắt.", Topic = "an-toan-tren-mang", Body = body },
            CancellationToken.None)).Draft;
        return (author, draft);
    }

    private static string Uploaded(string path) =>
        JsonSerializer.Serialize(new LibraryItem(path, MediaKind.Image, "", $"/media/{path}", 600, 1200, 1000, false), Json);

    [Fact]
    public async Task Steps_are_cards_named_Buoc_N_and_every_change_writes_one_numbered_list_with_each_picture_inside_its_step()
    {
        var (author, draft) = await LessonAsync("Mở đầu.\n\n:::steps\n1. Một\n2. Hai\n:::\n");
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        ctx.BrowserKept(null);
        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Equal(["Bước 1", "Bước 2"], cut.FindAll("fieldset.studio-step__box > legend").Select(l => l.TextContent)));
        Assert.True(cut.Find("#studio-body").ParentElement!.HasAttribute("hidden")); // the Markdown stays, out of her way
        Assert.Equal("Nội dung bước", cut.Find("label[for='card-1-0-text']").TextContent);
        Assert.Equal("Ảnh của bước", cut.Find("label[for='card-1-0-picture']").TextContent.Trim());
        Assert.Empty(cut.FindAll("#card-1-0-desc")); // no picture yet: no description box

        cut.Find("#card-1-1-text").Input("Hai đã sửa");
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Thêm bước").Click());
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("fieldset.studio-step__box").Count));
        Assert.Contains(ctx.Module.Invocations["focus"], i => Equals(i.Arguments[0], "card-1-2-text"));
        cut.WaitForAssertion(() => cut.Find("#card-1-2-text").Input("Ba"));
        cut.WaitForAssertion(() => cut.FindAll("fieldset.studio-step__box")[2].QuerySelectorAll("button").Single(b => b.TextContent == "Lên").Click());
        cut.WaitForAssertion(() => Assert.Equal("Ba", cut.Find("#card-1-1-text").GetAttribute("value") ?? cut.Find("#card-1-1-text").TextContent));

        // Two pictures chosen at once on step 1: the first goes into step 1, the second into a new step after it.
        await cut.InvokeAsync(() => cut.Instance.OnStepPictureUploaded("1:0", 0, 200, Uploaded("anh-1.png")));
        await cut.InvokeAsync(() => cut.Instance.OnStepPictureUploaded("1:0", 1, 200, Uploaded("anh-2.png")));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("fieldset.studio-step__box").Count));
        Assert.Equal("Mô tả ảnh", cut.Find("label[for='card-1-0-desc']").TextContent);
        Assert.Contains(ctx.Module.Invocations["focus"], i => Equals(i.Arguments[0], "card-1-0-desc"));
        cut.WaitForAssertion(() => cut.Find("#card-1-0-desc").Input("Màn hình [Cài đặt] có nút *Chặn*"));
        cut.WaitForAssertion(() => cut.Find("#card-1-1-desc").Input("Danh sách số đã chặn"));
        cut.WaitForAssertion(() => cut.FindAll("fieldset.studio-step__box")[3].QuerySelectorAll("button").Single(b => b.TextContent == "Xóa bước").Click());
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("fieldset.studio-step__box").Count));

        const string expected = "Mở đầu.\n\n:::steps\n1. Một\n\n   ![Màn hình \\[Cài đặt\\] có nút \\*Chặn\\*](anh-1.png)\n\n"
            + "2. ![Danh sách số đã chặn](anh-2.png)\n\n3. Ba\n:::\n";
        cut.WaitForAssertion(() => Assert.Equal(expected, ctx.Module.Invocations["replaceBody"].Last().Arguments[0]));
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Lưu nháp").Click());
        cut.WaitForAssertion(() => Assert.Equal(expected, Stored(draft.LessonId).Body));

        var preview = cut.Find("iframe.studio-preview__frame").GetAttribute("srcdoc")!;
        preview = preview[preview.IndexOf("lesson__body", StringComparison.Ordinal)..];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(preview, "<ol"));
        var items = preview.Split("<li")[1..];
        Assert.Equal(3, items.Length);
        Assert.Contains("Màn hình [Cài đặt] có nút *Chặn*", items[0]);
        Assert.Contains("Danh sách số đã chặn", items[1]);
    }

    [Fact]
    public async Task Words_typed_in_a_card_while_the_connection_was_down_come_back_from_the_browser_and_are_saved()
    {
        var (author, draft) = await LessonAsync(":::steps\n1. Mở ứng dụng Điện thoại.\n2. Bấm Chặn số.\n:::\n");
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        var kept = JsonSerializer.Serialize(new
        {
            basedOn = draft.Version, session = "tab-a", content = draft.Content, at = 1_764_460_800_000L,
            cards = new Dictionary<string, string> { ["0.1.text"] = "Bấm Chặn số, rồi bấm Đồng ý.", ["9.9.text"] = "không còn chỗ" },
        }, Json);
        ctx.BrowserKept(kept);

        var cut = ctx.Render<Editor>(p => p.Add(e => e.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Contains("Đã khôi phục phần bạn gõ", cut.Find(".studio-notice").TextContent));
        const string restored = ":::steps\n1. Mở ứng dụng Điện thoại.\n2. Bấm Chặn số, rồi bấm Đồng ý.\n:::\n";
        cut.WaitForAssertion(() => Assert.Equal(restored, Stored(draft.LessonId).Body));
        Assert.Equal("Bấm Chặn số, rồi bấm Đồng ý.", cut.Find("#card-0-1-text").GetAttribute("value") ?? cut.Find("#card-0-1-text").TextContent);
    }

    [Fact]
    public async Task A_new_lesson_starts_from_Them_buoc_and_the_Markdown_view_and_the_cards_show_the_same_lesson()
    {
        var author = await site.AuthorAsync();
        await using var ctx = new StudioComponents(site, author, Roles.Author);
        ctx.BrowserKept(null);
        var cut = ctx.Render<Editor>();

        cut.WaitForAssertion(() => Assert.Contains("Bài chưa có nội dung", cut.Find(".studio-cards").TextContent));
        Taps.Tap(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Thêm bước"));
        cut.WaitForAssertion(() => Assert.Equal(["Bước 1"], cut.FindAll("fieldset.studio-step__box > legend").Select(l => l.TextContent)));
        cut.Find("#card-0-0-text").Input("Mở ứng dụng.");
        cut.WaitForAssertion(() => Assert.Equal(":::steps\n1. Mở ứng dụng.\n:::\n", ctx.Module.Invocations["replaceBody"].Last().Arguments[0]));

        Taps.Tap(() => cut.FindAll("button").Single(b => b.TextContent == "Văn bản gốc"));
        Assert.False(cut.Find("#studio-body").ParentElement!.HasAttribute("hidden"));
        Assert.Empty(cut.FindAll(".studio-cards"));
        ctx.Module.Setup<string>("currentBody").SetResult(":::steps\n1. Mở ứng dụng.\n2. Bấm Đăng nhập.\n:::\n");
        Taps.Tap(() => cut.FindAll("button").Single(b => b.TextContent == "Soạn từng phần"));
        cut.WaitForAssertion(() => Assert.Equal(["Bước 1", "Bước 2"], cut.FindAll("fieldset.studio-step__box > legend").Select(l => l.TextContent)));
    }

    private LessonDraft Stored(int lessonId)
    {
        using var scope = site.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LearningDbContext>().LessonDrafts().AsNoTracking().Single(d => d.LessonId == lessonId);
    }
}
