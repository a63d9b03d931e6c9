using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Xapi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Xapi;

/// <summary>
/// The site with learning records going out (issue 22 item 7) to a <see cref="LoopbackLrs"/>, over a small library
/// (two tutorials, a quiz lesson, a path of a tutorial and the quiz), with the sender's back-off in milliseconds.
/// </summary>
public abstract class XapiSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    public const string PublicBaseUrl = "https://hoc.hoahung.example";
    public const string Username = "khoa-lrs";
    public const string Password = "bi-mat-lrs";
    public const string Topic = "chu-de";
    public const string Tutorial = "bai-huong-dan";
    public const string OtherTutorial = "bai-khac";
    public const string QuizLesson = "bai-kiem-tra";
    public const string Path = "lo-trinh";

    public LoopbackLrs Lrs { get; } = LoopbackLrs.Start();

    protected XapiSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    private static ContentFolder NewContent() => new ContentFolder().Topics((Topic, "Chủ đề"))
        .Lesson(Tutorial, "Bài hướng dẫn", Topic, "Nội dung.\n")
        .Lesson(OtherTutorial, "Bài khác", Topic, "Nội dung khác.\n")
        .File($"lessons/{QuizLesson}/index.md", "---\ntitle: Bài kiểm tra\nsummary: Hai câu.\ntopic: chu-de\ntype: quiz\n---\nGiới thiệu.\n")
        .File($"lessons/{QuizLesson}/quiz.yml", "pass_mark: 100\nquestions:\n" +
            "  - { type: true_false, text: Không đưa mã OTP cho ai, answer: true, explanation: Đúng vậy }\n" +
            "  - { type: true_false, text: Mật khẩu không đưa cho ai, answer: true, explanation: Đúng vậy }\n")
        .Path(Path, "Lộ trình an toàn", Tutorial, QuizLesson);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("App:Xapi:Endpoint", Lrs.BaseUrl + "/xapi/");
        builder.UseSetting("App:Xapi:Username", Username);
        builder.UseSetting("App:Xapi:Password", Password);
        builder.ConfigureServices(services =>
        {
            TestDoors.Register(services);
            services.AddSingleton(new XapiTimings
            {
                BatchSize = 10,
                Poll = TimeSpan.FromMilliseconds(100),
                FirstBackOff = TimeSpan.FromMilliseconds(100),
                MaxBackOff = TimeSpan.FromSeconds(1),
                Lease = TimeSpan.FromSeconds(20),
                RequestTimeout = TimeSpan.FromSeconds(5),
            });
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Lrs.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteXapiSite() : XapiSite(DatabaseProvider.Sqlite);

public sealed class PostgresXapiSite() : XapiSite(DatabaseProvider.Postgres);
