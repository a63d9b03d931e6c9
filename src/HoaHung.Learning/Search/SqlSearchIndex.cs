using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Search;

/// <summary>
/// What both providers share: reading published lessons into index rows, the ranking (in memory, over
/// <see cref="SearchHeads"/>: the database only matches words and says how relevant the text is) and the
/// plumbing of raw SQL on the request's own connection. Each provider supplies its SQL.
/// </summary>
internal abstract class SqlSearchIndex(LearningDbContext db, LessonMarkdown markdown, SearchHeads heads, ILogger logger) : ISearchIndex
{
    /// <summary>Plain text beyond this is not indexed (it bounds each lesson's share of the in-memory word index and of FTS5).</summary>
    internal const int MaxIndexedText = 100_000;
    private const int RebuildBatch = 500;

    public async Task<IndexPage> SearchAsync(IndexQuery query, CancellationToken ct)
    {
        if (query.Terms.IsEmpty || query.Take <= 0)
            return IndexPage.Empty;
        var page = await QueryAsync(query, ct);
        if (page.Hits.Count == 0 && query.Skip > 0)
        {
            // Past the last page: still say how many there are.
            var first = await QueryAsync(query with { Skip = 0, Take = 1 }, ct);
            return new IndexPage([], first.Total);
        }
        return page;
    }

    public async Task UpdateAsync(IReadOnlyCollection<int> lessonIds, CancellationToken ct)
    {
        if (lessonIds.Count == 0)
            return;
        // One commit (SQLite syncs the disk and FTS5 flushes a segment at each), and readers never see a lesson missing.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var chunk in lessonIds.Distinct().Chunk(RebuildBatch))
        {
            var rows = await SourcesAsync(Published().Where(l => chunk.Contains(l.Id)), ct);
            foreach (var id in chunk)
                await ExecuteAsync(DeleteSql, ct, ("@id", id));
            foreach (var row in rows)
                await InsertAsync(row, ct);
        }
        if (tx is not null)
            await tx.CommitAsync(ct);
    }

    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await ExecuteAsync(ClearSql, ct);
            var lastId = 0;
            var count = 0;
            while (true)
            {
                var id = lastId;
                var batch = await SourcesAsync(Published().Where(l => l.Id > id).OrderBy(l => l.Id).Take(RebuildBatch), ct);
                if (batch.Count == 0)
                    break;
                foreach (var row in batch)
                    await InsertAsync(row, ct);
                lastId = batch[^1].Id;
                count += batch.Count;
            }
            if (tx is not null)
                await tx.CommitAsync(ct);
            logger.LogInformation("Search index rebuilt: {Count} lessons", count);
            return count;
        });
    }

    public async Task<bool> EnsureBuiltAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        var indexed = await ScalarAsync<long>(CountSql, ct);
        var published = await Published().CountAsync(ct);
        var rebuild = indexed != published;
        if (rebuild)
        {
            logger.LogInformation("Search index holds {Indexed} lessons, {Published} are published: rebuilding", indexed, published);
            await RebuildAsync(ct);
        }
        // What ranking keeps in memory is loaded now, before the site takes requests, not by the first search.
        await WithCommandAsync(cmd => heads.GetAsync(cmd, SnapshotSql, ct), ct);
        return rebuild;
    }

    // ---- provider SQL ----

    /// <summary>Runs at every start before the count check (e.g. re-creates triggers a table rebuild dropped).</summary>
    protected virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    protected abstract string DeleteSql { get; }
    protected abstract string ClearSql { get; }
    protected abstract string CountSql { get; }
    protected abstract string InsertSql { get; }

    /// <summary>How <see cref="SearchHeads"/> reads the index into memory: every head, or only changed rows with their words.</summary>
    protected abstract SearchHeads.Sql SnapshotSql { get; }

    /// <summary>
    /// Ids and text relevance (lower is better) of the lessons holding the query's words (all of them, or any when
    /// not <see cref="IndexQuery.MatchAll"/>), the last as a prefix.
    /// </summary>
    protected abstract Task<List<(int Id, double Relevance)>> MatchAsync(DbCommand cmd, IndexQuery query, SearchHeads.Snapshot snapshot,
        CancellationToken ct);

    /// <summary>Selects id and plain text of the lessons whose ids are given (integers, written into the SQL).</summary>
    protected abstract string PlainSql(string ids);

    /// <summary>
    /// The ranked page of ids with the total and the plain text of the page's lessons: the index matches, the rule
    /// of <see cref="Needles.Score"/> ranks in memory (score, exact words, text relevance, id), filters apply on the
    /// heads. Three round trips whatever the number of matches (the heads' version, the match, the page's text), two
    /// when the words are matched in memory.
    /// </summary>
    private Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken ct) =>
        WithCommandAsync(async cmd =>
        {
            var snapshot = await heads.GetAsync(cmd, SnapshotSql, ct);
            var needles = Needles.Of(query.Terms);
            var ranked = new List<(int Id, int Score, int Exact, double Relevance)>();
            foreach (var (id, relevance) in await MatchAsync(cmd, query, snapshot, ct))
            {
                if (!snapshot.Heads.TryGetValue(id, out var h) || !PassesFilters(query, h.TopicId, h.Type, h.Minutes))
                    continue;
                var (score, exact) = needles.Score(h.Title, h.Text, h.Exact);
                ranked.Add((h.Id, score, exact, relevance));
            }
            ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score)
                : a.Exact != b.Exact ? b.Exact.CompareTo(a.Exact)
                : a.Relevance != b.Relevance ? a.Relevance.CompareTo(b.Relevance)
                : a.Id.CompareTo(b.Id));
            var page = ranked.Skip(query.Skip).Take(query.Take).Select(r => r.Id).ToList();
            if (page.Count == 0)
                return new IndexPage([], ranked.Count);

            cmd.Parameters.Clear();
            cmd.CommandText = PlainSql(string.Join(',', page));
            var plain = new Dictionary<int, string>(page.Count);
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    plain[reader.GetInt32(0)] = reader.GetString(1);
            }
            return new IndexPage(page.Select(id => new IndexHit(id, plain.GetValueOrDefault(id, ""))).ToList(), ranked.Count);
        }, ct);

    // ---- shared ranking pieces ----

    /// <summary>
    /// The ranking rule over the short fields (title, tags, summary), where a lesson says what it is about: what it
    /// looks for is " word " (the last word " word", a prefix, being typed), " word word", the exact words, and the
    /// whole query as one of the lesson's tags.
    /// </summary>
    protected sealed record Needles(string[] Words, string[] Pairs, IReadOnlyList<string> Exact, string[] Tag)
    {
        public static Needles Of(SearchTerms terms)
        {
            var words = terms.Words;
            var last = words.Count - 1;
            var q = terms.Folded;
            return new Needles(
                words.Select((w, i) => i == last ? " " + w : $" {w} ").ToArray(),
                Enumerable.Range(0, last).Select(i => i + 1 == last ? $" {words[i]} {words[i + 1]}" : $" {words[i]} {words[i + 1]} ").ToArray(),
                terms.Exact,
                // A tag is written between "| " or ", " and " ," or " |" in the head (SqlSearchIndex.InsertAsync).
                [$"| {q} ,", $", {q} ,", $", {q} |", $"| {q} |"]);
        }

        /// <summary>
        /// 8 for every query word found in the head (whole word; the last one as a prefix), 4 for every two query
        /// words found side by side there (Vietnamese words are often two syllables: "đăng ký" is not "đăng nhập"),
        /// 2 for every query word in the title and 4 more for every two side by side in the title (a task typed as
        /// a verb and its object, "dang ky vneid", finds the lesson whose title does that task before lessons that
        /// only mention it), and 1 when the whole query is one of the lesson's tags (the words residents type for it:
        /// "cai ung dung" is the installing lesson's tag, not the VNeID one's; a tie-breaker only). Body text only
        /// counts through the index's relevance, so a title match always ranks above a body match. The exact score
        /// (a tie-breaker) counts words typed with diacritics found as typed. <paramref name="title"/> is " folded title ", <paramref name="head"/>
        /// " title | tags | summary ", folded.
        /// </summary>
        public (int Score, int Exact) Score(string title, string head, string exact)
        {
            int coverage = 0, inTitle = 0, pairs = 0, pairsInTitle = 0, exactWords = 0;
            foreach (var w in Words)
            {
                if (head.Contains(w, StringComparison.Ordinal)) coverage++;
                if (title.Contains(w, StringComparison.Ordinal)) inTitle++;
            }
            foreach (var p in Pairs)
            {
                if (head.Contains(p, StringComparison.Ordinal)) pairs++;
                if (title.Contains(p, StringComparison.Ordinal)) pairsInTitle++;
            }
            foreach (var e in Exact)
                if (exact.Contains(e, StringComparison.Ordinal)) exactWords++;
            var isTag = Tag.Any(t => head.Contains(t, StringComparison.Ordinal)) ? 1 : 0;
            return (8 * coverage + 4 * pairs + 2 * inTitle + 4 * pairsInTitle + isTag, exactWords);
        }
    }

    /// <summary><see cref="Filters"/> in memory.</summary>
    protected static bool PassesFilters(IndexQuery query, int topicId, string type, int minutes) =>
        (query.TopicId is not { } topic || topic == topicId)
        && (query.Type is not { } t || t.ToString() == type)
        && query.Length switch
        {
            LessonLength.Short => minutes <= 5,
            LessonLength.Medium => minutes is >= 6 and <= 15,
            LessonLength.Long => minutes > 15,
            _ => true,
        };

    // ---- plumbing ----

    protected static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    protected async Task<T> WithCommandAsync<T>(Func<DbCommand, Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await work(cmd);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        WithCommandAsync(cmd =>
        {
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters)
                Add(cmd, name, value);
            return cmd.ExecuteNonQueryAsync(ct);
        }, ct);

    private Task<T> ScalarAsync<T>(string sql, CancellationToken ct) =>
        WithCommandAsync(async cmd =>
        {
            cmd.CommandText = sql;
            return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }, ct);

    private Task InsertAsync(SourceRow row, CancellationToken ct)
    {
        var plain = Cap(markdown.PlainTextOf(row.Body));
        var (title, tags, summary) = (TextFolding.Fold(row.Title), FoldTags(row.Tags), TextFolding.Fold(row.Summary));
        (string, object)[] values =
        [
            ("@id", row.Id), ("@topic", row.TopicId), ("@type", row.Type.ToString()), ("@minutes", row.Minutes),
            ("@title", title), ("@tags", tags), ("@summary", summary), ("@body", TextFolding.Fold(plain)),
            ("@paddedTitle", $" {title} "), ("@head", $" {title} | {tags} | {summary} "),
            ("@exact", TextCleaning.Nfc($"{row.Title}\n{row.Summary}\n{row.Tags}").ToLowerInvariant()), ("@plain", plain),
        ];
        // Each provider stores what it needs; only the parameters its SQL names are sent.
        var sql = InsertSql;
        return ExecuteAsync(sql, ct, values.Where(v => Regex.IsMatch(sql, Regex.Escape(v.Item1) + @"\b")).ToArray());
    }

    /// <summary>Each tag folded, separated by " , " so two words of different tags never look side by side.</summary>
    internal static string FoldTags(string tags) =>
        string.Join(" , ", tags.Split(',').Select(TextFolding.Fold).Where(t => t.Length > 0));

    private static string Cap(string text) => text.Length <= MaxIndexedText ? text : text[..MaxIndexedText];

    private IQueryable<Lesson> Published() =>
        db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published && l.PublishedRevisionId != null);

    private sealed record SourceRow(int Id, int TopicId, LessonType Type, int Minutes, string Title, string Summary, string Tags, string Body);

    private static Task<List<SourceRow>> SourcesAsync(IQueryable<Lesson> lessons, CancellationToken ct) =>
        lessons.Select(l => new SourceRow(l.Id, l.TopicId, l.Type, l.Minutes, l.Title, l.Summary, l.Tags, l.PublishedRevision!.Body))
            .ToListAsync(ct);
}
