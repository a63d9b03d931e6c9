using System.Net.Http.Json;
using System.Text.Json;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Search;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Search;

/// <summary>The index follows the library: import and publish add, archive and delete remove, rebuild restores; ranking rules.</summary>
public abstract class SearchIndexTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SearchSite
{
    private const string Topic = "thu-nghiem-tim-kiem";

    private async Task ImportAsync(Action<ContentFolder> lessons)
    {
        site.EnsureAvailable();
        using var folder = new ContentFolder().Topics((Topic, "Thử nghiệm tìm kiếm"));
        lessons(folder);
        var report = await site.ImportAsync(folder.Root);
        Assert.Empty(report.Problems);
    }

    private async Task<List<string>> SlugsAsync(string q)
    {
        site.EnsureAvailable();
        var result = await site.Client().GetFromJsonAsync<JsonElement>("/api/v1/search?limit=50&q=" + Uri.EscapeDataString(q));
        return result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
    }

    private Task<int> IndexRowsAsync(string slug) => site.WithDbAsync(async db =>
    {
        var id = await db.Lessons.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync();
        var sql = site.Provider == DatabaseProvider.Sqlite
            ? "SELECT max((SELECT count(*) FROM lesson_search WHERE rowid = {0}), (SELECT count(*) FROM lesson_search_docs WHERE id = {0})) AS \"Value\""
            : "SELECT count(*)::int AS \"Value\" FROM lesson_search WHERE lesson_id = {0}";
        return await db.Database.SqlQueryRaw<int>(sql, id).SingleAsync();
    });

    private async Task<T> WithIndexAsync<T>(Func<ISearchIndex, Task<T>> work)
    {
        using var scope = site.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ISearchIndex>());
    }

    [Fact]
    public async Task Title_matches_rank_above_summary_and_body_matches()
    {
        await ImportAsync(f => f
            .Lesson("kumquat-than", "Bài về thân cây", Topic, body: "Kumquat kumquat kumquat kumquat kumquat, kumquat ở trong bài.")
            .Lesson("kumquat-tieu-de", "Kumquat trong tiêu đề", Topic, body: "Nội dung không nhắc tới.")
            .Lesson("kumquat-tu-khoa", "Bài có từ khóa", Topic, body: "Nội dung khác.", extra: "tags: [kumquat]\n"));
        Assert.Equal(["kumquat-tieu-de", "kumquat-tu-khoa", "kumquat-than"], await SlugsAsync("kumquat"));
    }

    [Fact]
    public async Task Words_typed_with_diacritics_rank_the_same_spelling_slightly_higher()
    {
        await ImportAsync(f => f
            .Lesson("quay-ban-zyxw", "Quầy bán zyxw", Topic)
            .Lesson("quay-ban-than-zyxw", "Quầy bạn zyxw", Topic));
        Assert.Equal(["quay-ban-zyxw", "quay-ban-than-zyxw"], await SlugsAsync("bán zyxw"));
        Assert.Equal(["quay-ban-than-zyxw", "quay-ban-zyxw"], await SlugsAsync("bạn zyxw"));
        Assert.Equal(2, (await SlugsAsync("ban zyxw")).Count);
    }

    [Fact]
    public async Task A_published_lesson_is_found_at_once_even_by_a_query_cached_before()
    {
        Assert.Empty(await SlugsAsync("pomelox"));
        await ImportAsync(f => f.Lesson("bai-pomelox", "Bưởi pomelox", Topic));
        Assert.Equal(["bai-pomelox"], await SlugsAsync("pomelox"));
        Assert.Equal(1, await IndexRowsAsync("bai-pomelox"));

        await ImportAsync(f => f.Lesson("bai-pomelox", "Bưởi đã đổi tên", Topic, body: "Không còn chữ đó."));
        Assert.Empty(await SlugsAsync("pomelox"));
        Assert.Equal("bai-pomelox", (await SlugsAsync("buoi da doi ten"))[0]);
    }

    [Fact]
    public async Task Archived_and_deleted_lessons_leave_the_index()
    {
        await ImportAsync(f => f
            .Lesson("bai-luu-tru-quince", "Quince lưu trữ", Topic)
            .Lesson("bai-xoa-quince", "Quince bị xóa", Topic));
        Assert.Equal(2, (await SlugsAsync("quince")).Count);

        await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == "bai-luu-tru-quince")
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, LessonStatus.Archived)));
        Assert.Equal(0, await IndexRowsAsync("bai-luu-tru-quince"));

        var id = await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == "bai-xoa-quince").Select(l => l.Id).SingleAsync());
        await site.WithDbAsync(async db =>
        {
            await db.Lessons.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.PublishedRevisionId, (int?)null));
            return await db.Lessons.Where(l => l.Id == id).ExecuteDeleteAsync();
        });
        var found = await WithIndexAsync(index => index.SearchAsync(new IndexQuery(SearchTerms.Parse("quince")), CancellationToken.None));
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task Words_of_the_body_follow_every_change_at_once()
    {
        await ImportAsync(f => f
            .Lesson("bai-vuon-durianx", "Bài về trái cây", Topic, body: "Trong vườn có cây durianx và rambutanx.")
            .Lesson("bai-vuon-rambutanx", "Bài khác", Topic, body: "Chỉ có rambutanx ở đây, trong vườn."));
        Assert.Equal(["bai-vuon-durianx"], await SlugsAsync("durianx"));
        Assert.Equal(["bai-vuon-durianx"], await SlugsAsync("vuon duria")); // the last word as a prefix
        Assert.Equal(2, (await SlugsAsync("rambutanx")).Count);

        await ImportAsync(f => f.Lesson("bai-vuon-durianx", "Bài về trái cây", Topic, body: "Giờ vườn chỉ có mangosteenx."));
        Assert.Empty(await SlugsAsync("durianx"));
        Assert.Empty(await SlugsAsync("duria"));
        Assert.Equal(["bai-vuon-durianx"], await SlugsAsync("mangosteenx"));
        Assert.Equal(["bai-vuon-rambutanx"], await SlugsAsync("rambutanx")); // the lesson left alone keeps its words
    }

    /// <summary>
    /// What another instance (or an import run beside the site) sees: it keeps its own copy of the index's short
    /// columns and words, and no event of this process reaches it; the index's version tells it what changed.
    /// </summary>
    [Fact]
    public async Task Another_instance_sees_every_change_at_its_next_search()
    {
        var other = new SearchHeads();
        await ImportAsync(f => f.Lesson("bai-kiwanox", "Bài trái cây lạ", Topic, body: "Quả kiwanox mọc ở vườn."));
        var id = await site.WithDbAsync(db => db.Lessons.Where(l => l.Slug == "bai-kiwanox").Select(l => l.Id).SingleAsync());
        Assert.Equal([id], await OtherInstanceAsync(other, "kiwanox"));

        await ImportAsync(f => f.Lesson("bai-kiwanox", "Bài trái cây lạ", Topic, body: "Quả lycheex mọc ở vườn."));
        // Several searches arrive together after the change: one reloads, the others wait for it; all see the change.
        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OtherInstanceAsync(other, "lyche")));
        Assert.All(together, ids => Assert.Equal([id], ids));
        Assert.Empty(await OtherInstanceAsync(other, "kiwanox"));

        await site.WithDbAsync(db => db.Lessons.Where(l => l.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, LessonStatus.Archived)));
        Assert.Empty(await OtherInstanceAsync(other, "lycheex"));
        var here = await WithIndexAsync(index => index.SearchAsync(new IndexQuery(SearchTerms.Parse("lycheex")), CancellationToken.None));
        Assert.Equal(0, here.Total);
    }

    private async Task<List<int>> OtherInstanceAsync(SearchHeads heads, string q)
    {
        using var scope = site.Services.CreateScope();
        var type = site.Provider == DatabaseProvider.Sqlite ? typeof(SqliteSearchIndex) : typeof(PostgresSearchIndex);
        var index = (ISearchIndex)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type, heads);
        var page = await index.SearchAsync(new IndexQuery(SearchTerms.Parse(q), Take: 50), CancellationToken.None);
        return page.Hits.Select(h => h.LessonId).ToList();
    }

    [Fact]
    public async Task Rebuild_restores_an_emptied_index_and_start_up_notices()
    {
        site.EnsureAvailable();
        var published = await site.WithDbAsync(db => db.Lessons.CountAsync(l => l.Status == LessonStatus.Published));
        Assert.False(await WithIndexAsync(index => index.EnsureBuiltAsync(CancellationToken.None)));

        await site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(site.Provider == DatabaseProvider.Sqlite
            ? "DELETE FROM lesson_search; DELETE FROM lesson_search_docs; DELETE FROM lesson_search_text;"
            : "DELETE FROM lesson_search"));
        var empty = await WithIndexAsync(index => index.SearchAsync(new IndexQuery(SearchTerms.Parse("vneid")), CancellationToken.None));
        Assert.Equal(0, empty.Total);

        Assert.True(await WithIndexAsync(index => index.EnsureBuiltAsync(CancellationToken.None)));
        Assert.Equal(published, await WithIndexAsync(index => index.RebuildAsync(CancellationToken.None)));
        var found = await WithIndexAsync(index => index.SearchAsync(new IndexQuery(SearchTerms.Parse("vneid")), CancellationToken.None));
        Assert.True(found.Total >= 5);
    }
}

public sealed class SearchIndexTestsOnSqlite(SearchSiteOnSqlite site) : SearchIndexTests<SearchSiteOnSqlite>(site);

public sealed class SearchIndexTestsOnPostgres(SearchSiteOnPostgres site) : SearchIndexTests<SearchSiteOnPostgres>(site);
