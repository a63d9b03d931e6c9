using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>Who is asking: nobody, or a signed-in account with some roles.</summary>
public enum Role
{
    Anonymous,
    Learner,
    OtherLearner,
    Author,
    Reviewer,
    Trainer,
    Admin,
    Official,
}

/// <summary>
/// The site over a small library (a topic, a tutorial with a picture, a quiz lesson, a path holding both) with one
/// signed-in session per <see cref="Role"/>, and the things only one learner owns (her quiz attempt, her certificate),
/// for the tests that go over every route as every kind of visitor.
/// </summary>
public abstract class RolesSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    public const string Topic = "chu-de";
    public const string Tutorial = "bai-huong-dan";
    public const string QuizLesson = "bai-kiem-tra";
    public const string Path = "lo-trinh";

    private readonly SemaphoreSlim gate = new(1, 1);
    private Dictionary<Role, (AppUser? User, string? Cookie)>? people;

    protected RolesSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    private static ContentFolder NewContent() => new ContentFolder().Topics((Topic, "Chủ đề"))
        .Lesson(Tutorial, "Bài hướng dẫn", Topic, "Nội dung.\n\n![Một hình](hinh.png)\n")
        .File($"lessons/{Tutorial}/hinh.png", TestMedia.Png(64, 48))
        .File($"lessons/{QuizLesson}/index.md", "---\ntitle: Bài kiểm tra\nsummary: Hai câu.\ntopic: chu-de\ntype: quiz\n---\nGiới thiệu.\n")
        .File($"lessons/{QuizLesson}/quiz.yml", "pass_mark: 50\nquestions:\n" +
            "  - { type: true_false, text: Công an gọi xin mã OTP là thật, answer: false, explanation: Không bao giờ }\n" +
            "  - { type: text, text: Mã một lần gọi là gì, answers: [OTP], explanation: Mã OTP }\n")
        .Path(Path, "Lộ trình", Tutorial, QuizLesson);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(TestDoors.Register);
        builder.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<LogCollector>(null, LogLevel.Information));
    }

    /// <summary>Everything the site logged at Information or above.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>The learner's open quiz attempt (only she may see it).</summary>
    public Guid AttemptId { get; private set; }

    /// <summary>The learner's finished quiz attempt (its result page is hers only).</summary>
    public Guid FinishedAttemptId { get; private set; }

    /// <summary>The learner's certificate code (public: anyone may verify it).</summary>
    public string CertificateCode { get; private set; } = "";

    /// <summary>The trainer's class (the learner is a member), its join code and one of its sessions.</summary>
    public int ClassId { get; private set; }

    public string JoinCode { get; private set; } = "";

    public int ClassSessionId { get; private set; }

    /// <summary>The tutorial's lesson id (the studio's upload endpoints take it).</summary>
    public int TutorialId { get; private set; }

    /// <summary>The stored file name of the tutorial's picture.</summary>
    public string MediaFile { get; private set; } = "";

    /// <summary>The Cookie header of an admin's session that must change its temporary password first.</summary>
    public string MustChangePasswordCookie { get; private set; } = "";

    public AppUser? UserOf(Role role) => people![role].User;

    /// <summary>The Cookie header of the role's session; null for <see cref="Role.Anonymous"/>.</summary>
    public async Task<string?> CookieAsync(Role role)
    {
        await EnsurePeopleAsync();
        return people![role].Cookie;
    }

    public async Task EnsurePeopleAsync()
    {
        EnsureAvailable();
        await gate.WaitAsync();
        try
        {
            if (people is not null)
                return;
            var all = new Dictionary<Role, (AppUser?, string?)> { [Role.Anonymous] = (null, null) };
            foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Anonymous))
            {
                string[] roles = role switch
                {
                    Role.Author => [Roles.Author],
                    Role.Reviewer => [Roles.Reviewer],
                    Role.Trainer => [Roles.Trainer],
                    Role.Admin => [Roles.Admin],
                    Role.Official => [Roles.Official],
                    _ => [],
                };
                var user = await this.UserAsync(AccountSeed.UniqueName(role.ToString().ToLowerInvariant()[..3]), $"Người {role}", roles: roles);
                all[role] = (user, await this.SignInAsync(user));
            }
            // An admin (every right) whose password was set by staff: only the middleware stands between her and each route.
            var pending = await this.UserAsync(AccountSeed.UniqueName("mcp"), "Người phải đổi mật khẩu", roles: [Roles.Admin]);
            using (var accountScope = Services.CreateScope())
            {
                var users = accountScope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                var stored = (await users.FindByIdAsync(pending.Id))!;
                stored.MustChangePassword = true;
                await users.UpdateAsync(stored);
            }
            MustChangePasswordCookie = await this.SignInAsync(pending);
            people = all;
            var learner = all[Role.Learner].Item1!;
            using var scope = Services.CreateScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<LearningDbContext>();
            var quizzes = sp.GetRequiredService<QuizAttempts>();
            var first = await quizzes.StartAsync(QuizLesson, Learner.Account(learner.Id), CancellationToken.None);
            FinishedAttemptId = Assert.IsType<StartResult.Started>(first).AttemptId;
            await db.Set<QuizAttempt>().Where(a => a.Id == FinishedAttemptId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FinishedAt, DateTime.UtcNow).SetProperty(a => a.Open, (bool?)null)
                .SetProperty(a => a.ScorePercent, 0).SetProperty(a => a.Passed, false));
            var second = await quizzes.StartAsync(QuizLesson, Learner.Account(learner.Id), CancellationToken.None);
            AttemptId = Assert.IsType<StartResult.Started>(second).AttemptId;
            TutorialId = await db.Lessons.Where(l => l.Slug == Tutorial).Select(l => l.Id).SingleAsync();
            var pathId = await db.LearningPaths.Where(p => p.Slug == Path).Select(p => p.Id).SingleAsync();
            CertificateCode = Certificate.NewCode();
            db.Add(new Certificate { Code = CertificateCode, UserId = learner.Id, PathId = pathId, DisplayName = learner.DisplayName,
                PathTitle = "Lộ trình", IssuedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var trainer = all[Role.Trainer].Item1!;
            var created = await sp.GetRequiredService<Classrooms>().CreateAsync(trainer.Id, new ClassForm("Lớp VNeID", "Khu phố 5", null), CancellationToken.None);
            ClassId = Assert.IsType<ClassResult.Created>(created).Id;
            JoinCode = await db.Set<Classroom>().Where(c => c.Id == ClassId).Select(c => c.JoinCode).SingleAsync();
            Assert.IsType<JoinResult.Joined>(await sp.GetRequiredService<ClassJoining>().JoinAsync(learner.Id, JoinCode, CancellationToken.None));
            var session = await sp.GetRequiredService<ClassSchedule>().AddSessionAsync(trainer.Id, ClassId,
                new SessionForm(WardTime.Today(TimeProvider.System), new TimeOnly(8, 0)), CancellationToken.None);
            ClassSessionId = Assert.IsType<ClassResult.Created>(session).Id;
            var key = await db.Set<MediaAsset>().Where(m => m.Kind == MediaKind.Image).Select(m => new { m.StorageKey, m.FallbackExtension }).FirstAsync();
            MediaFile = $"{key.StorageKey}.{key.FallbackExtension}";
        }
        finally
        {
            gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteRolesSite() : RolesSite(DatabaseProvider.Sqlite);

public sealed class PostgresRolesSite() : RolesSite(DatabaseProvider.Postgres);
