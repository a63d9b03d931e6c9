using System.Diagnostics;
using System.Text.Json;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Xapi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Xapi;

/// <summary>What the xAPI tests do as residents and trainers: finish lessons, take the quiz, attend a session.</summary>
public abstract class XapiTestsBase<TSite>(TSite site) where TSite : XapiSite
{
    protected TSite Site { get; } = site;

    protected async Task<XapiOutboxRow?> WaitParkedAsync(string userId)
    {
        for (var i = 0; i < 200; i++)
        {
            var row = await Site.WithDbAsync(db => db.Set<XapiOutboxRow>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.ParkedAt != null));
            if (row is not null)
                return row;
            await Task.Delay(100);
        }
        return null;
    }

    /// <summary>Waits until nothing is waiting in the outbox (earlier tests' statements sent).</summary>
    protected async Task DrainAsync()
    {
        for (var i = 0; i < 600 && await Site.WithDbAsync(db => db.Set<XapiOutboxRow>().AnyAsync(r => r.ParkedAt == null)); i++)
            await Task.Delay(100);
    }

    protected static (double, double, double, double, bool) Score(JsonElement result)
    {
        var score = result.GetProperty("score");
        return (score.GetProperty("scaled").GetDouble(), score.GetProperty("raw").GetDouble(), score.GetProperty("min").GetDouble(),
            score.GetProperty("max").GetDouble(), result.GetProperty("success").GetBoolean());
    }

    protected Task<string> ActorOfAsync(AppUser user) => Site.WithDbAsync(async db =>
        await Site.Services.GetRequiredService<XapiActors>().NameAsync(db, user.Id, CancellationToken.None));

    protected async Task FinishAsync(AppUser user, string slug)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var lessonId = await db.Lessons.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<LearnerProgress>().CompleteAsync(Learner.Account(user.Id), lessonId, CancellationToken.None);
    }

    /// <summary>Opens the lesson, reads it long enough to count for a certificate, and says she finished.</summary>
    protected async Task OpenAndFinishAsync(AppUser user, string slug)
    {
        using (var scope = Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
            var lessonId = await db.Lessons.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<LearnerProgress>().RecordOpenAsync(Learner.Account(user.Id), lessonId, CancellationToken.None);
            await Site.FlushProgressAsync();
        }
        Site.Clock.Advance(TimeSpan.FromMinutes(10));
        await FinishAsync(user, slug);
    }

    /// <summary>Both questions' answer is "true" (choice 0): all right passes, all wrong fails.</summary>
    protected async Task TakeQuizAsync(AppUser user, bool right)
    {
        using var scope = Site.Services.CreateScope();
        var quizzes = scope.ServiceProvider.GetRequiredService<QuizAttempts>();
        var learner = Learner.Account(user.Id);
        var started = Assert.IsType<StartResult.Started>(await quizzes.StartAsync(XapiSite.QuizLesson, learner, CancellationToken.None));
        for (var position = 1; position <= 2; position++)
            Assert.IsType<AnswerResult.Saved>(await quizzes.AnswerAsync(started.AttemptId, position, learner, new PostedAnswer([right ? 0 : 1], null),
                CancellationToken.None));
        Assert.IsType<FinishResult.Finished>(await quizzes.FinishAsync(started.AttemptId, learner, CancellationToken.None));
    }

    protected async Task AttendAsync(AppUser user)
    {
        var trainer = await Site.UserAsync(AccountSeed.UniqueName("tr"), "Người hướng dẫn", roles: Roles.Trainer);
        using var scope = Site.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var classId = Assert.IsType<ClassResult.Created>(await sp.GetRequiredService<Classrooms>().CreateAsync(trainer.Id,
            new ClassForm("Lớp dùng VNeID", "Khu phố 3"), CancellationToken.None)).Id;
        var code = await Site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == classId).Select(c => c.JoinCode).SingleAsync());
        await sp.GetRequiredService<ClassJoining>().JoinAsync(user.Id, code, CancellationToken.None);
        var session = Assert.IsType<ClassResult.Created>(await sp.GetRequiredService<ClassSchedule>().AddSessionAsync(trainer.Id, classId,
            new SessionForm(WardTime.Today(Site.Clock), new TimeOnly(8, 0)), CancellationToken.None)).Id;
        var attendance = sp.GetRequiredService<ClassAttendance>();
        Assert.IsType<ClassResult.Done>(await attendance.MarkAsync(trainer.Id, session, user.Id, AttendanceStatus.Present, null, CancellationToken.None));
        // marked again as late: she still came once, nothing more is sent
        Assert.IsType<ClassResult.Done>(await attendance.MarkAsync(trainer.Id, session, user.Id, AttendanceStatus.Late, null, CancellationToken.None));
    }
}
