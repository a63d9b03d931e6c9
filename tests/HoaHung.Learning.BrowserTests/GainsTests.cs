using System.Text.RegularExpressions;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Quizzes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoaHung.Learning.BrowserTests;

/// <summary>
/// Issue 22 item 3 on a phone (390×844): a learner taps "Làm bài kiểm tra đầu vào" on a path's page, answers, and sees
/// where she stands on the result page and back on the path — with JavaScript and without. The path is made for the
/// test and removed after it, so the seed library's paths stay as other tests know them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GainsTests(BrowserSite site)
{
    private const string Password = "ca-phe-sua-da-1975";
    private const string PathSlug = "thu-kiem-tra-dau-vao";
    private const string Test = "kiem-tra-an-toan-tren-mang";
    private static readonly ContentSet Library = new ContentReader(new LessonMarkdown()).Read(Path.Combine(BrowserSite.RepoRoot, "content"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_learner_takes_the_entry_test_from_the_path_page_and_sees_where_she_stands(bool javaScript)
    {
        BrowserSite.RequireChromium();
        var dir = "/tmp/shots-gains";
        Directory.CreateDirectory(dir);
        var quiz = QuizDefinition.FromJson(Library.Lessons.Single(l => l.Slug == Test).QuizJson)!;
        var name = await LearnerAsync();
        await WithPathAsync(async () =>
        {
            var page = await PageAudit.OpenAsync(site, Reader.Phone(), javaScript);
            await AccountWalk.SignInAsync(page, name, Password);
            await page.GotoAsync($"/lo-trinh/{PathSlug}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"path-before-js-{javaScript}.png"), FullPage = true });
            if (javaScript) // axe runs in the page: measured with JavaScript on (the markup is the same without)
            {
                var figure = await PageAudit.MeasureAsync(page, Reader.Phone());
                Assert.False(figure.ScrollsSideways, figure.ToString());
                Assert.True(figure.Violations.Count == 0, figure.ToString());
            }

            await page.ClickAndWaitForUrlAsync(page.GetByRole(AriaRole.Link, new() { Name = "Làm bài kiểm tra đầu vào", Exact = true }),
                $"**/bai-hoc/{Test}/kiem-tra");
            await page.ClickAndWaitForUrlAsync(page.Locator("form.quiz-actions button"), $"**/bai-hoc/{Test}/kiem-tra/*/1");
            for (var position = 1; position <= quiz.Questions.Count; position++)
            {
                var text = (await page.Locator("h1").TextContentAsync())!.Trim();
                var question = quiz.Questions.Single(q => q.Text == text);
                // She knows some of it: every other question right, the others the first choice (or left to the form to refuse).
                if (position % 2 == 1 || question is OrderingQuestion or ShortTextQuestion)
                    await QuizTests.AnswerRightAsync(page, question);
                else
                    await page.Locator("label.quiz-option").First.ClickAsync();
                await page.SubmitAsync(() => page.Locator("form.quiz-form button[type=submit]").ClickAsync());
                await Assertions.Expect(page.Locator(".quiz-feedback__verdict")).ToBeVisibleAsync(new() { Timeout = 15_000 });
                if (position < quiz.Questions.Count)
                    await page.ClickAndWaitForUrlAsync(page.Locator(".quiz-actions a.button--primary"), $"**/{position + 1}");
            }
            await page.ClickAndWaitForUrlAsync(page.Locator("form.quiz-actions button"), $"**/bai-hoc/{Test}/kiem-tra/ket-qua/*");
            var score = Regex.Match((await page.Locator(".quiz-score__number").TextContentAsync())!, "[0-9]+").Value;
            var standing = page.Locator("section.entry-test");
            await Assertions.Expect(standing).ToContainTextAsync($"Điểm của bạn trước khi học: {score}%.");
            await Assertions.Expect(standing).ToContainTextAsync("Còn 2 bài nữa.");
            await standing.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"result-js-{javaScript}.png") });
            await page.ScreenshotAsync(new() { Path = BrowserSite.Shot($"gains-result-js-{javaScript}") });

            await page.ClickAndWaitForUrlAsync(standing.GetByRole(AriaRole.Link, new() { Name = "Đến trang lộ trình" }), $"**/lo-trinh/{PathSlug}");
            await Assertions.Expect(page.Locator(".entry-test__scores")).ToHaveTextAsync($"Điểm của bạn trước khi học: {score}%.");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Làm bài kiểm tra đầu vào" })).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"path-after-js-{javaScript}.png"), FullPage = true });
            if (javaScript)
            {
                var after = await PageAudit.MeasureAsync(page, Reader.Phone());
                Assert.False(after.ScrollsSideways, after.ToString());
                Assert.True(after.Violations.Count == 0, after.ToString());
            }
            await page.Context.CloseAsync();

            // The ward's dashboard on a laptop: the path's row; she took the test before only, so nobody took both yet: 0, no medians.
            var official = await PageAudit.OpenAsync(site, new Reader(1366, 768, 100, 0, "vi"));
            await AccountWalk.SignInAsync(official, await UserAsync("cb", "Cán bộ Thu", Roles.Official), Password);
            await official.GotoAsync("/quan-tri/tong-quan");
            await official.LiveAsync();
            var row = official.Locator("#bang-tien-bo tbody tr", new() { HasText = "Thử bài kiểm tra đầu vào" });
            await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("0");
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("—");
            await official.Locator("#bang-tien-bo").ScrollIntoViewIfNeededAsync();
            await official.ScreenshotAsync(new() { Path = Path.Combine(dir, $"dashboard-gains-1366-js-{javaScript}.png") });
            await official.Context.CloseAsync();
        });
    }

    private Task<string> LearnerAsync() => UserAsync("hv", "Bà Sáu");

    private async Task<string> UserAsync(string prefix, string displayName, params string[] roles)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = $"{prefix}{Guid.NewGuid():N}"[..14], DisplayName = displayName, CreatedAt = site.Clock.GetUtcNow().UtcDateTime };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [Roles.Learner, .. roles])).Succeeded);
        return user.UserName;
    }

    /// <summary>A path of two seed lessons whose entry test is a seed quiz, for the time of <paramref name="work"/>.</summary>
    private async Task WithPathAsync(Func<Task> work)
    {
        await ChangeAsync(async db =>
        {
            var lessons = await db.Lessons.Where(l => l.Slug == "ket-noi-wi-fi" || l.Slug == "bat-tat-du-lieu-di-dong" || l.Slug == Test)
                .ToDictionaryAsync(l => l.Slug, l => l.Id);
            db.LearningPaths.Add(new LearningPath
            {
                Slug = PathSlug, Title = "Thử bài kiểm tra đầu vào", Summary = "Hai bài ngắn, có bài kiểm tra trước và sau.", Order = 99,
                EntryTestId = lessons[Test],
                Lessons = [new PathLesson { LessonId = lessons["ket-noi-wi-fi"], Position = 1 }, new PathLesson { LessonId = lessons["bat-tat-du-lieu-di-dong"], Position = 2 }],
            });
        });
        try
        {
            await work();
        }
        finally
        {
            await ChangeAsync(db => db.LearningPaths.Where(p => p.Slug == PathSlug).ExecuteDeleteAsync());
        }
    }

    private async Task ChangeAsync(Func<LearningDbContext, Task> change)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        await change(db);
        await db.SaveChangesAsync();
        // Cached pages and views forget the library as it was (the way a publication tells them).
        await scope.ServiceProvider.GetRequiredService<CatalogChanges>().PublishedAsync(default);
    }
}
