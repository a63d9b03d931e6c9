using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Web.Studio.Review;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>The queue, the review page and the bar above the editor in a circuit (bUnit) over a real SQLite site.</summary>
public sealed class ReviewComponentTests(StudioSqliteSite site) : IClassFixture<StudioSqliteSite>
{
    private Task<LessonStatus> StatusAsync(int lessonId) =>
        site.WithDbAsync(db => db.Lessons.AsNoTracking().Where(l => l.Id == lessonId).Select(l => l.Status).SingleAsync());

    [Fact]
    public async Task A_reviewer_comments_on_a_step_sends_back_with_a_reason_then_sees_what_changed_and_publishes_after_a_confirmation()
    {
        var author = await site.AuthorAsync();
        var reviewer = await site.ReviewerAsync();
        const string Steps = ":::steps\n1. Đọc kỹ tin nhắn.\n2. Bấm vào đây.\n3. Gọi tổng đài.\n:::\n";
        var (draft, _) = await site.SubmittedAsync(author.Id, "Cách nhận biết tin nhắn lừa đảo", Steps);
        await using var ctx = new StudioComponents(site, reviewer, Roles.Reviewer);

        var cut = ctx.Render<ReviewPage>(p => p.Add(x => x.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".review-block--step").Count));
        Assert.Contains("nhận biết tin nhắn lừa đảo</h1>", cut.Find("iframe.studio-preview__frame").GetAttribute("srcdoc"));
        Assert.Empty(cut.FindAll(".review-diff")); // never published, never reviewed: nothing to compare with
        Assert.DoesNotContain("Dòng", cut.Markup);

        Taps.Tap(() => cut.Find("section[aria-label='Bước 2'] button.review-block__comment"));
        cut.Find("section[aria-label='Bước 2'] textarea").Input("Đừng viết “bấm vào đây”: hãy nói bấm nút nào.");
        cut.WaitForAssertion(() => Assert.False(cut.Find("section[aria-label='Bước 2'] .review-add-comment").HasAttribute("disabled")));
        Taps.Tap(() => cut.Find("section[aria-label='Bước 2'] .review-add-comment"));

        cut.WaitForAssertion(() => Assert.Contains("hãy nói bấm nút nào", cut.Find(".review-blocks").TextContent));
        Assert.True(cut.FindAll("section[aria-label='Bước 2'] .review-comment__text").Count == 1, cut.Find(".review-blocks").InnerHtml);
        Assert.StartsWith("Bước 2 ·", cut.Find("section[aria-label='Bước 2'] .review-comment__where").TextContent.Trim());
        var stored = (await site.Reviews().NotesAsync(author.Id, draft.LessonId, CancellationToken.None))!.Comments.Single();
        Assert.Equal((3, 3, "2. Bấm vào đây."), (stored.Line, stored.EndLine, stored.Quote));

        Taps.Tap(() => cut.FindAll("button").Single(b => b.TextContent == "Trả lại"));
        cut.WaitForAssertion(() => Assert.Contains("Hãy ghi lý do trả lại", cut.Find(".review-message").TextContent));
        cut.Find(".review-actions textarea").Input("Sửa bước 2 rồi gửi lại.");
        Taps.Tap(() => cut.FindAll("button").Single(b => b.TextContent == "Trả lại"));
        cut.WaitForAssertion(() => Assert.Contains("Đã trả lại bài cho tác giả.", cut.Find(".review-message").TextContent));
        Assert.Empty(cut.FindAll("button.review-publish")); // sent back: nothing to publish until it comes again

        await site.ResubmitAsync(author.Id, draft.LessonId, "Cách nhận biết tin nhắn lừa đảo", Steps.Replace("Bấm vào đây.", "Bấm nút Báo cáo.", StringComparison.Ordinal));
        var again = ctx.Render<ReviewPage>(p => p.Add(x => x.Slug, draft.Slug));

        again.WaitForAssertion(() => Assert.Contains("Thay đổi từ lần duyệt trước", again.Find(".review-diff").TextContent));
        Assert.Equal("vào đây", again.Find(".review-diff__removed").TextContent.Trim());
        Assert.Equal("nút Báo cáo", again.Find(".review-diff__added").TextContent.Trim());
        // The step it was about changed: the comment is resolved, and still reads "Bước 2" with the words it quoted.
        var resolved = again.Find(".review-comment--resolved");
        Assert.Contains("Bước 2", resolved.TextContent);
        Assert.Contains("Bấm vào đây.", resolved.QuerySelector(".review-comment__quote")!.TextContent);

        Taps.Tap(() => again.FindAll("button").Single(b => b.TextContent == "Xuất bản"));
        var confirm = again.Find("[role=dialog]");
        Assert.Contains("Cách nhận biết tin nhắn lừa đảo", confirm.TextContent);
        Assert.Contains("nút Báo cáo", confirm.QuerySelector("iframe.studio-preview__frame")!.GetAttribute("srcdoc"));
        Assert.Equal(LessonStatus.Draft, await StatusAsync(draft.LessonId)); // nothing happens before she confirms
        Taps.Tap(() => again.FindAll("button").Single(b => b.TextContent == "Xuất bản ngay"));

        again.WaitForAssertion(() => Assert.Contains("người dân xem được ngay", again.Find(".review-message").TextContent));
        Assert.Empty(again.FindAll("[role=dialog]"));
        Assert.Equal(LessonStatus.Published, await StatusAsync(draft.LessonId));
    }

    [Fact]
    public async Task A_comment_made_on_a_line_before_blocks_reads_as_its_words_not_a_line_number()
    {
        var author = await site.AuthorAsync();
        var reviewer = await site.ReviewerAsync();
        var (draft, revisionId) = await site.SubmittedAsync(author.Id, "Bài có nhận xét cũ", "Dòng đầu tiên của bài.\nBấm vào **đây** để tiếp.\nDòng cuối.");
        Assert.IsType<ReviewResult.Done>(await site.Reviews().CommentAsync(reviewer.Id, draft.LessonId, revisionId, 2, 2, "Nói rõ nút nào.", CancellationToken.None));
        await using var ctx = new StudioComponents(site, reviewer, Roles.Reviewer);

        var cut = ctx.Render<ReviewPage>(p => p.Add(x => x.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Contains("Nói rõ nút nào.", cut.Find(".review-blocks > .review-comment").TextContent));
        var old = cut.Find(".review-blocks > .review-comment");
        Assert.StartsWith("Về đoạn này ·", old.QuerySelector(".review-comment__where")!.TextContent.Trim());
        Assert.Equal("Bấm vào đây để tiếp.", old.QuerySelector(".review-comment__quote")!.TextContent.Trim());
        Assert.DoesNotContain("Dòng 2", cut.Markup);
    }

    [Fact]
    public async Task The_queue_lists_the_oldest_first_and_its_button_opens_the_confirmation_that_publishes()
    {
        var author = await site.AuthorAsync();
        var reviewer = await site.StaffAsync(null, Roles.Admin);
        var (older, _) = await site.SubmittedAsync(author.Id, "Bài gửi trước", "Nội dung.");
        var (newer, _) = await site.SubmittedAsync(author.Id, "Bài gửi sau", "Nội dung.");
        await using var ctx = new StudioComponents(site, reviewer, Roles.Admin);

        var cut = ctx.Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".review-queue__item")));
        var slugs = cut.FindAll(".review-queue__item").Select(i => i.GetAttribute("data-lesson")).ToList();
        Assert.True(slugs.IndexOf(older.Slug) < slugs.IndexOf(newer.Slug));
        var publish = cut.Find($"[data-lesson='{older.Slug}'] .review-publish");
        Assert.Equal($"/soan-bai/cho-duyet/{older.Slug}?xuat-ban=1", publish.GetAttribute("href"));
        Assert.Equal(LessonStatus.Draft, await StatusAsync(older.LessonId)); // the row's button publishes nothing by itself

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(publish.GetAttribute("href")!);
        var page = ctx.Render<ReviewPage>(p => p.Add(x => x.Slug, older.Slug));
        page.WaitForAssertion(() => Assert.Contains("Bài gửi trước", page.Find("[role=dialog]").TextContent));
        Taps.Tap(() => page.FindAll("button").Single(b => b.TextContent == "Xuất bản ngay"));

        page.WaitForAssertion(() => Assert.Contains("người dân xem được ngay", page.Find(".review-message").TextContent));
        Assert.Equal(LessonStatus.Published, await StatusAsync(older.LessonId));
        Assert.Equal(LessonStatus.Draft, await StatusAsync(newer.LessonId));
    }

    [Fact]
    public async Task An_author_who_reaches_the_review_page_gets_a_refusal_and_no_buttons()
    {
        var author = await site.AuthorAsync();
        var (draft, _) = await site.SubmittedAsync(author.Id, "Bài của tôi", "Nội dung.");
        await using var ctx = new StudioComponents(site, author, Roles.Author);

        var cut = ctx.Render<ReviewPage>(p => p.Add(x => x.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Contains("Chỉ người duyệt và quản trị viên", cut.Find(".studio-refusal").TextContent));
        Assert.Empty(cut.FindAll("button.review-publish"));
    }

    [Fact]
    public async Task Two_editors_of_one_lesson_see_each_other_until_one_leaves()
    {
        var author = await site.AuthorAsync();
        var reviewer = await site.ReviewerAsync();
        var (draft, _) = await site.SubmittedAsync(author.Id, "Bài hai người mở", "Nội dung.");
        await using var minh = new StudioComponents(site, author, Roles.Author);
        var thao = new StudioComponents(site, reviewer, Roles.Reviewer);

        var his = minh.Render<EditorReviewBar>(p => p.Add(x => x.LessonId, draft.LessonId).Add(x => x.Slug, draft.Slug));
        his.WaitForAssertion(() => Assert.Empty(his.FindAll(".review-presence")));
        var hers = thao.Render<EditorReviewBar>(p => p.Add(x => x.LessonId, draft.LessonId).Add(x => x.Slug, draft.Slug));

        hers.WaitForAssertion(() => Assert.Contains($"{author.UserName} đang sửa bài này.", hers.Find(".review-presence").TextContent));
        his.WaitForAssertion(() => Assert.Contains($"{reviewer.UserName} đang sửa bài này.", his.Find(".review-presence").TextContent));

        await thao.DisposeAsync(); // her circuit ends

        his.WaitForAssertion(() => Assert.Empty(his.FindAll(".review-presence")));
    }
}
