using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HoaHung.Learning.Tests.Gains;

/// <summary>
/// The site over two paths, each with two tutorials and an entry test of four true-or-false questions (every answer
/// "Đúng", so a learner's score is the number she answers "Đúng" × 25%), with the test sign-in door.
/// </summary>
public abstract class GainsSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    public const string Topic = "chu-de";
    public const string Path = "lo-trinh-co-kiem-tra";
    public const string PathTitle = "Lộ trình có kiểm tra";
    public const string Test = "kiem-tra-dau-vao";
    public static readonly string[] Lessons = ["bai-mot", "bai-hai"];
    public const string SmallPath = "lo-trinh-nho";
    public const string SmallPathTitle = "Lộ trình nhỏ";
    public const string SmallTest = "kiem-tra-nho";
    public static readonly string[] SmallLessons = ["bai-ba", "bai-bon"];
    public const int Questions = 4;

    protected GainsSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    private static ContentFolder NewContent()
    {
        var content = new ContentFolder().Topics((Topic, "Chủ đề"));
        foreach (var slug in Lessons.Concat(SmallLessons))
            content.Lesson(slug, $"Bài {slug}", Topic, "Nội dung.\n");
        foreach (var (test, path, title, lessons) in new[] { (Test, Path, PathTitle, Lessons), (SmallTest, SmallPath, SmallPathTitle, SmallLessons) })
        {
            content.File($"lessons/{test}/index.md", $"---\ntitle: Bài {test}\nsummary: Một câu.\ntopic: {Topic}\ntype: quiz\n---\nGiới thiệu.\n")
                .File($"lessons/{test}/quiz.yml", "pass_mark: 50\nquestions:\n" + string.Concat(Enumerable.Range(1, Questions).Select(i =>
                    $"  - {{ type: true_false, text: Câu số {i} đúng, answer: true, explanation: Vì vậy }}\n")))
                .File($"paths/{path}.yml", $"title: {title}\nsummary: Lộ trình {title}.\nentry_test: {test}\nlessons:\n"
                    + string.Concat(lessons.Select(l => $"  - {l}\n")));
        }
        return content;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(TestDoors.Register);
    }

    /// <summary>A browser signed in as a new learner (through the test door).</summary>
    public async Task<(AppUser User, Visitor Browser)> LearnerAsync(string name)
    {
        var user = await this.UserAsync(AccountSeed.UniqueName("hv"), name);
        return (user, await BrowserOfAsync(user));
    }

    public async Task<Visitor> BrowserOfAsync(AppUser user)
    {
        var visitor = new Visitor(this);
        foreach (var pair in (await this.SignInAsync(user)).Split("; "))
        {
            var (name, value) = (pair.Split('=', 2)[0], pair.Split('=', 2)[1]);
            visitor.Cookies.Add(new Uri(Visitor.Origin), new System.Net.Cookie(name, value));
        }
        return visitor;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteGainsSite() : GainsSite(DatabaseProvider.Sqlite);

public sealed class PostgresGainsSite() : GainsSite(DatabaseProvider.Postgres);
