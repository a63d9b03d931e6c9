using HoaHung.Learning.Accounts;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Quizzes;

/// <summary>The quiz service itself, without the pages: finishing a quiz applies "passing completes the lesson".</summary>
public abstract class QuizAttemptsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : QuizSite
{
    private async Task<Learner> LearnerAsync(IServiceProvider services, bool signedIn)
    {
        if (!signedIn)
            return Learner.Visitor(AnonymousProgress.New());
        var user = new AppUser { UserName = $"lan{Guid.NewGuid():N}"[..20], DisplayName = "Cô Lan" };
        Assert.True((await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user)).Succeeded);
        return Learner.Account(user.Id);
    }

    /// <summary>Answers the two questions of <see cref="QuizSite.QuizLesson"/> (a true/false, then a typed answer).</summary>
    private static async Task<Guid> AnswerQuizLessonAsync(QuizAttempts quizzes, Learner learner, bool right)
    {
        var started = Assert.IsType<StartResult.Started>(await quizzes.StartAsync(QuizSite.QuizLesson, learner, CancellationToken.None));
        Assert.IsType<AnswerResult.Saved>(await quizzes.AnswerAsync(started.AttemptId, 1, learner, new PostedAnswer([right ? 1 : 0], null), CancellationToken.None));
        Assert.IsType<AnswerResult.Saved>(await quizzes.AnswerAsync(started.AttemptId, 2, learner, new PostedAnswer([], right ? "otp" : "mật khẩu"), CancellationToken.None));
        return started.AttemptId;
    }

    private async Task<bool?> CompletedAsync(IServiceProvider services, Learner learner)
    {
        var lessonId = await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == QuizSite.QuizLesson).Select(l => l.Id).FirstAsync());
        return (await services.GetRequiredService<LearnerProgress>().StateAsync(learner, lessonId, CancellationToken.None))?.Completed;
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Passing_completes_the_lesson_failing_does_not_and_finishing_again_changes_nothing(bool signedIn, bool right)
    {
        site.EnsureAvailable();
        using var scope = site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var learner = await LearnerAsync(services, signedIn);
        var quizzes = services.GetRequiredService<QuizAttempts>();
        var attempt = await AnswerQuizLessonAsync(quizzes, learner, right);
        Assert.Null(await CompletedAsync(services, learner));

        for (var finish = 1; finish <= 2; finish++)
        {
            Assert.Equal(new FinishResult.Finished(Passed: right), await quizzes.FinishAsync(attempt, learner, CancellationToken.None));
            Assert.Equal(right ? true : null, await CompletedAsync(services, learner));
        }
    }
}

public sealed class QuizAttemptsTestsOnSqlite(QuizSqliteSite site) : QuizAttemptsTests<QuizSqliteSite>(site);

public sealed class QuizAttemptsTestsOnPostgres(QuizPostgresSite site) : QuizAttemptsTests<QuizPostgresSite>(site);
