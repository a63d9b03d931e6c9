using System.Net;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.ContentPacks;

/// <summary>
/// The site's first start imports a content folder with a broken file of every kind found in issue 16: it starts,
/// and serves the good lessons.
/// </summary>
public abstract class BrokenContentStartupTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task The_site_starts_on_a_broken_content_folder_and_serves_the_good_lessons()
    {
        site.EnsureAvailable();
        var client = site.Client();

        Assert.Contains("Bài tốt hai", await client.GetStringAsync("/bai-hoc/bai-tot-hai"));
        Assert.Contains("Bài tốt", await client.GetStringAsync("/bai-hoc/bai-tot"));
        var home = await client.GetStringAsync("/");
        Assert.Contains("Chủ đề A", home);
        Assert.Contains("Chủ đề B", home);
        foreach (var broken in new[] { "bai-yaml-hong", "bai-vo-tan", "bai-fifo", "bai-chu-de-hong" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/bai-hoc/{broken}")).StatusCode);
    }
}

/// <summary>Every finding of issue 16 item 1 in one folder, beside two good lessons.</summary>
public abstract class BrokenContentSite(DatabaseProvider provider, ContentFolder content) : SiteFactory(provider, content.Root)
{
    protected BrokenContentSite(DatabaseProvider provider) : this(provider, NewContent()) { }

    private static ContentFolder NewContent()
    {
        var content = HostileContentTests.GoodLibrary()
            .File("topics.yml", "- slug: chu-de-a\n  title: Chủ đề A\n- slug: chu-de-hong\n  title: [unclosed\n- slug: chu-de-b\n  title: Chủ đề B\n")
            .Lesson("bai-chu-de-hong", "Bài của chủ đề hỏng", "chu-de-hong")
            .File("lessons/bai-yaml-hong/index.md", "---\ntitle: [unclosed\nsummary: Tóm tắt\ntopic: chu-de-a\n---\nThân bài\n")
            .Lesson("bai-vo-tan", "Bài vô tận", "chu-de-a", "![Hình](vo-tan.png)")
            .Lesson("bai-fifo", "Bài FIFO", "chu-de-a", "![Hình](ong.png)");
        File.CreateSymbolicLink(content.PathOf("lessons/bai-vo-tan/vo-tan.png"), "/dev/zero");
        HostileContentTests.MakeFifo(content.PathOf("lessons/bai-fifo/ong.png"));
        return content;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class BrokenContentSqliteSite() : BrokenContentSite(DatabaseProvider.Sqlite);

public sealed class BrokenContentPostgresSite() : BrokenContentSite(DatabaseProvider.Postgres);

public sealed class BrokenContentStartupTestsOnSqlite(BrokenContentSqliteSite site) : BrokenContentStartupTests<BrokenContentSqliteSite>(site);

public sealed class BrokenContentStartupTestsOnPostgres(BrokenContentPostgresSite site) : BrokenContentStartupTests<BrokenContentPostgresSite>(site);
