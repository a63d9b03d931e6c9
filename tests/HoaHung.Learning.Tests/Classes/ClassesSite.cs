using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>
/// The site over a small library for classes: two tutorials on a path, and a quiz lesson of three true/false
/// questions in a fixed order (right answers: true, false, true).
/// </summary>
public abstract class ClassesSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    public const string LessonA = "bai-mot";
    public const string LessonB = "bai-hai";
    public const string Quiz = "bai-kiem-tra";
    public const string PathSlug = "lo-trinh-lop";

    protected ClassesSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    /// <summary>Seven more tutorials, for classes with ten assignments.</summary>
    public static readonly string[] Extra = [.. Enumerable.Range(3, 7).Select(i => $"bai-{i}")];

    private static ContentFolder NewContent() => Extra.Aggregate(new ContentFolder().Topics(("chu-de", "Chủ đề")),
            (c, slug) => c.Lesson(slug, $"Bài số {slug[4..]}", "chu-de"))
        .Lesson(LessonA, "Bài một", "chu-de")
        .Lesson(LessonB, "Bài hai", "chu-de")
        .Path(PathSlug, "Lộ trình của lớp", LessonA, LessonB)
        .File($"lessons/{Quiz}/index.md", "---\ntitle: Bài kiểm tra\nsummary: Ba câu.\ntopic: chu-de\ntype: quiz\n---\nGiới thiệu.\n")
        .File($"lessons/{Quiz}/quiz.yml", "pass_mark: 60\nshuffle_questions: false\nquestions:\n" +
            "  - { type: true_false, text: Câu một, answer: true, explanation: Một }\n" +
            "  - { type: true_false, text: Câu hai, answer: false, explanation: Hai }\n" +
            "  - { type: true_false, text: Câu ba, answer: true, explanation: Ba }\n");

    public const string SignInDoor = "/__test/sign-in";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestSignIn>());
    }

    /// <summary>
    /// A browser signed in as <paramref name="user"/> through a test-only door (registered here, never in the product;
    /// the real sign-in form is tested on its own), or anonymous when null.
    /// </summary>
    public async Task<Visitor> VisitorAsync(AppUser? user)
    {
        var visitor = new Visitor(this);
        if (user is null)
            return visitor;
        var response = await Client(followRedirects: false).GetAsync($"{SignInDoor}/{user.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        foreach (var header in response.Headers.GetValues("Set-Cookie"))
        {
            var pair = header.Split(';')[0].Split('=', 2);
            visitor.Cookies.Add(new Uri(Visitor.Origin), new System.Net.Cookie(pair[0], pair[1]));
        }
        return visitor;
    }

    private sealed class TestSignIn : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(SignInDoor, door => door.Run(async context =>
            {
                var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                var user = await signIn.UserManager.FindByIdAsync(context.Request.Path.Value!.Trim('/'));
                if (user is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await signIn.SignInAsync(user, isPersistent: false);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }));
            next(app);
        };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }

    public T Get<T>() where T : notnull
    {
        EnsureAvailable();
        return Services.GetRequiredService<T>();
    }

    public Task<AppUser> TrainerAsync(string name = "Chị Hoa") => this.UserAsync(AccountSeed.UniqueName("tr"), name, roles: Roles.Trainer);

    public Task<AppUser> LearnerAsync(string name = "Bà Lan") => this.UserAsync(AccountSeed.UniqueName("hv"), name);

    /// <summary>A new class of <paramref name="trainer"/>'s, with its id.</summary>
    public async Task<int> ClassAsync(AppUser trainer, string name = "VNeID mức 2 — Khu phố 5 — sáng thứ Bảy")
    {
        var created = await Get<Classrooms>().CreateAsync(trainer.Id, new ClassForm(name, "Khu phố 5", "Nhà văn hóa khu phố 5"), default);
        return Assert.IsType<ClassResult.Created>(created).Id;
    }

    public async Task<int> AssignAsync(AppUser trainer, int classId, AssignmentKind kind, string slug, int? groupId = null, DateOnly? due = null)
    {
        var created = await Get<ClassAssignments>().AddAsync(trainer.Id, classId, new AssignmentForm(kind, slug, groupId, due), default);
        return Assert.IsType<ClassResult.Created>(created).Id;
    }

    public async Task<AppUser> MemberAsync(int classId, string name = "Bà Lan")
    {
        var learner = await LearnerAsync(name);
        var code = await WithDbAsync(db => Task.FromResult(db.Set<Classroom>().First(c => c.Id == classId).JoinCode));
        Assert.IsType<JoinResult.Joined>(await Get<ClassJoining>().JoinAsync(learner.Id, code, default));
        return learner;
    }

    public async Task OpenAsync(AppUser learner, string slug)
    {
        using var scope = Services.CreateScope();
        var lesson = (await scope.ServiceProvider.GetRequiredService<LessonCatalog>().CardAsync(slug, default))!;
        await scope.ServiceProvider.GetRequiredService<LearnerProgress>().RecordOpenAsync(Learner.Account(learner.Id), lesson.Id, default);
        await FlushProgressAsync(); // visits are buffered and written within a second; the tests do not wait for it
    }

    public async Task CompleteAsync(AppUser learner, string slug)
    {
        using var scope = Services.CreateScope();
        var lesson = (await scope.ServiceProvider.GetRequiredService<LessonCatalog>().CardAsync(slug, default))!;
        await scope.ServiceProvider.GetRequiredService<LearnerProgress>().CompleteAsync(Learner.Account(learner.Id), lesson.Id, default);
    }

    /// <summary>Answers the quiz's questions (true: right), and finishes when all three are answered.</summary>
    public async Task<int?> TakeQuizAsync(AppUser learner, params bool[] right)
    {
        using var scope = Services.CreateScope();
        var quizzes = scope.ServiceProvider.GetRequiredService<QuizAttempts>();
        var who = Learner.Account(learner.Id);
        var started = Assert.IsType<StartResult.Started>(await quizzes.StartAsync(Quiz, who, default));
        bool[] answers = [true, false, true];
        for (var i = 0; i < right.Length; i++)
        {
            var value = answers[i] == right[i] ? 0 : 1; // 0 is "true"
            Assert.IsType<AnswerResult.Saved>(await quizzes.AnswerAsync(started.AttemptId, i + 1, who, new PostedAnswer([value], null), default));
        }
        if (right.Length < 3)
            return null;
        // Finishing scores the attempt and, when passed, completes the lesson (ILessonCompletion).
        Assert.IsType<FinishResult.Finished>(await quizzes.FinishAsync(started.AttemptId, who, default));
        return await WithDbAsync(db => db.Set<QuizAttempt>().Where(a => a.Id == started.AttemptId).Select(a => a.ScorePercent).FirstAsync());
    }
}

public sealed class ClassesSqliteSite() : ClassesSite(DatabaseProvider.Sqlite);

public sealed class ClassesPostgresSite() : ClassesSite(DatabaseProvider.Postgres);
