using HoaHung.Learning.Data;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HoaHung.Learning.Tests.WardStats;

/// <summary>The site over a small library (two topics, two tutorials, a quiz lesson, a path) with the test sign-in door.</summary>
public abstract class WardSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    public const string Topic = "chu-de";
    public const string OtherTopic = "chu-de-khac";
    public const string Tutorial = "bai-huong-dan";
    public const string OtherTutorial = "bai-khac";
    public const string QuizLesson = "bai-kiem-tra";
    public const string Path = "lo-trinh";

    protected WardSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    private static ContentFolder NewContent() => new ContentFolder().Topics((Topic, "Chủ đề"), (OtherTopic, "Chủ đề khác"))
        .Lesson(Tutorial, "Bài hướng dẫn", Topic, "Nội dung.\n")
        .Lesson(OtherTutorial, "Bài khác", OtherTopic, "Nội dung khác.\n")
        .File($"lessons/{QuizLesson}/index.md", "---\ntitle: Bài kiểm tra\nsummary: Một câu.\ntopic: chu-de\ntype: quiz\n---\nGiới thiệu.\n")
        .File($"lessons/{QuizLesson}/quiz.yml", "pass_mark: 50\nquestions:\n" +
            "  - { type: true_false, text: Công an gọi xin mã OTP là thật, answer: false, explanation: Không bao giờ }\n")
        .Path(Path, "Lộ trình", Tutorial, QuizLesson);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(TestDoors.Register);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWardSite() : WardSite(DatabaseProvider.Sqlite);

public sealed class PostgresWardSite() : WardSite(DatabaseProvider.Postgres);
