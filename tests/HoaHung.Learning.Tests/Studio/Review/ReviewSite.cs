using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Studio.Review;

/// <summary>Helpers of the review tests over a <see cref="StudioSite"/>: a lesson written and sent for review, its public page.</summary>
public static class ReviewSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static Reviews Reviews(this StudioSite site) => site.Services.GetRequiredService<Reviews>();

    public static RevisionHistory History(this StudioSite site) => site.Services.GetRequiredService<RevisionHistory>();

    public static Task<Learning.Accounts.AppUser> ReviewerAsync(this StudioSite site) => site.StaffAsync(null, Roles.Reviewer);

    public static LessonContent Content(string title, string body) => new()
    {
        Title = title, Summary = "Một câu nói bài học giúp gì.", Topic = "an-toan-tren-mang", Body = body, Minutes = 6, Tags = "lừa đảo",
    };

    /// <summary>A new lesson by <paramref name="authorId"/>, sent for review; returns it and the submitted revision id.</summary>
    public static async Task<(DraftView Draft, int RevisionId)> SubmittedAsync(this StudioSite site, string authorId, string title, string body)
    {
        var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.CreateAsync(authorId, Content(title, body), None)).Draft;
        var saved = Assert.IsType<DraftResult.Saved>(await site.Drafts.SubmitAsync(authorId, draft.LessonId, new DraftEdit(draft.Version, Content(title, body)), None));
        return (draft with { Version = saved.Version }, saved.RevisionId!.Value);
    }

    /// <summary>Edits the working copy and sends it again; returns the new version and submitted revision.</summary>
    public static async Task<(long Version, int RevisionId)> ResubmitAsync(this StudioSite site, string authorId, int lessonId, string title, string body)
    {
        var opened = Assert.IsType<OpenResult.Opened>(await site.Drafts.OpenAsync(authorId,
            await site.WithDbAsync(db => Task.FromResult(db.Lessons.Single(l => l.Id == lessonId).Slug)), None)).Draft;
        var saved = Assert.IsType<DraftResult.Saved>(await site.Drafts.SubmitAsync(authorId, lessonId, new DraftEdit(opened.Version, Content(title, body)), None));
        return (saved.Version, saved.RevisionId!.Value);
    }
}
