using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Web.Studio.Review;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>The queue, the review page and the bar above the editor in a circuit (bUnit) over a real SQLite site.</summary>
public sealed class ReviewComponentTests(StudioSqliteSite site) : IClassFixture<StudioSqliteSite>
{
    private Task<LessonStatus> StatusAsync(int lessonId) =>
        site.WithDbAsync(db => db.Lessons.AsNoTracking().Where(l => l.Id == lessonId).Select(l => l.Status).SingleAsync());

    [Fact]
    public async Task A_reviewer_comments_on_a_line_sends_back_with_a_reason_then_sees_what_changed_and_publishes()
    {
        var author = await site.AuthorAsync();
        var reviewer = await site.ReviewerAsync();
        var (draft, _) = await site.SubmittedAsync(author.Id, "Cách nhận biết tin nhắn lừa đảo", "Bước 1: đọc kỹ tin nhắn.\nBước 2: bấm vào đây.\nBước 3: gọi tổng đài.");
        await using var ctx = new StudioComponents(site, reviewer, Roles.Reviewer);

        var cut = ctx.Render<ReviewPage>(p => p.Add(x => x.Slug, draft.Slug));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".review-lines__line").Count));
        Assert.Contains("nhận biết tin nhắn lừa đảo</h1>", cut.Find("iframe.studio-preview__frame").GetAttribute("srcdoc"));
        Assert.Empty(cut.FindAll(".review-diff")); // never published, never reviewed: nothing to compare with

        cut.Find("button[aria-label='Nhận xét dòng 2']").Click();
        cut.Find(".review-comment-form textarea").Input("Đừng viết “bấm vào đây”: hãy nói bấm nút nào.");
        cut.FindAll("button").Single(b => b.TextContent == "Thêm nhận xét").Click();

        cut.WaitForAssertion(() => Assert.Contains("hãy nói bấm nút nào", cut.Find("#dong-2 .review-comment__text").TextContent));
        Assert.Equal("Dòng 2", (await site.Reviews().NotesAsync(author.Id, draft.LessonId, CancellationToken.None))!.Comments.Single() is { Line: 2 } ? "Dòng 2" : "");

        cut.FindAll("button").Single(b => b.TextContent == "Trả lại").Click();
        cut.WaitForAssertion(() => Assert.Contains("Hãy ghi lý do trả lại", cut.Find(".review-message").TextContent));
        cut.Find(".review-actions textarea").Input("Sửa bước 2 rồi gửi lại.");
        cut.FindAll("button").Single(b => b.TextContent == "Trả lại").Click();
        cut.WaitForAssertion(() => Assert.Contains("Đã trả lại bài cho tác giả.", cut.Find(".review-message").TextContent));
        Assert.Empty(cut.FindAll("button.review-publish")); // sent back: nothing to publish until it comes again

        await site.ResubmitAsync(author.Id, draft.LessonId, "Cách nhận biết tin nhắn lừa đảo", "Bước 1: đọc kỹ tin nhắn.\nBước 2: bấm nút Báo cáo.\nBước 3: gọi tổng đài.");
        var again = ctx.Render<ReviewPage>(p => p.Add(x => x.Slug, draft.Slug));

        again.WaitForAssertion(() => Assert.Contains("Thay đổi từ lần duyệt trước", again.Find(".review-diff").TextContent));
        Assert.Equal("vào đây", again.Find(".review-diff__removed").TextContent.Trim());
        Assert.Equal("nút Báo cáo", again.Find(".review-diff__added").TextContent.Trim());
        Assert.Contains("review-comment--resolved", again.Find(".review-comment").ClassName);

        again.FindAll("button").Single(b => b.TextContent == "Xuất bản").Click();

        again.WaitForAssertion(() => Assert.Contains("người dân xem được ngay", again.Find(".review-message").TextContent));
        Assert.Equal(LessonStatus.Published, await StatusAsync(draft.LessonId));
    }

    [Fact]
    public async Task The_queue_lists_the_oldest_first_and_its_button_publishes()
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

        cut.Find($"[data-lesson='{older.Slug}'] button.review-publish").Click();

        cut.WaitForAssertion(() => Assert.Null(cut.FindAll(".review-queue__item").FirstOrDefault(i => i.GetAttribute("data-lesson") == older.Slug)));
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
