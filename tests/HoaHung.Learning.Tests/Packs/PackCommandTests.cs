using HoaHung.Learning.Catalog;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Packs;

/// <summary><c>import-content pack.zip</c> run as a real process against the site's database and media folder.</summary>
public abstract class PackCommandTests<TSite>(TSite site) where TSite : PackTargetSite
{
    [Fact]
    public async Task Import_content_of_a_zip_adds_drafts_of_nobody_and_prints_the_report()
    {
        site.EnsureAvailable();
        await site.FootprintAsync(); // the site has started: database migrated, seed imported

        var (exit, output) = await RunAsync(PackZip.Write(PackZip.Valid("bai-tu-lenh")));

        Assert.True(exit == 0, output);
        Assert.Contains("+ bai-tu-lenh: Bài trong gói", output);
        var lesson = await site.WithDbAsync(db => db.Lessons.AsNoTracking().SingleAsync(l => l.Slug == "bai-tu-lenh"));
        Assert.Equal((LessonStatus.Draft, (string?)null, (string?)null), (lesson.Status, lesson.AuthorId, lesson.Team));
        Assert.True(await site.WithDbAsync(db => db.LessonDrafts().AnyAsync(d => d.LessonId == lesson.Id)));
    }

    [Fact]
    public async Task Import_content_of_a_hostile_zip_exits_3_naming_the_entry_and_adds_nothing()
    {
        site.EnsureAvailable();
        var before = await site.FootprintAsync();

        var (exit, output) = await RunAsync(PackZip.Write([.. PackZip.Valid("bai-lenh-hong"), ("lessons/bai-lenh-hong/lien-ket.png", "/etc/passwd"u8.ToArray(), 0xA1FF)]));

        Assert.True(exit == 3, output);
        Assert.Contains("lessons/bai-lenh-hong/lien-ket.png: là liên kết (symlink)", output);
        Assert.Equal(before, await site.FootprintAsync());
    }

    private Task<(int Exit, string Output)> RunAsync(string pack)
    {
        var environment = new Dictionary<string, string>
        {
            ["App__DataDirectory"] = site.DataDirectory,
            ["App__ContentDirectory"] = site.ContentDirectory,
            ["Database__Provider"] = site.Provider.ToString(),
        };
        if (site.PostgresConnectionString is { } postgres)
            environment["ConnectionStrings__Postgres"] = postgres;
        return SiteProcess.RunAsync(environment, null, CancellationToken.None, "import-content", pack);
    }
}

public sealed class PackCommandTestsOnSqlite(PackTargetSqliteSite site) : PackCommandTests<PackTargetSqliteSite>(site), IClassFixture<PackTargetSqliteSite>;

public sealed class PackCommandTestsOnPostgres(PackTargetPostgresSite site) : PackCommandTests<PackTargetPostgresSite>(site), IClassFixture<PackTargetPostgresSite>;
