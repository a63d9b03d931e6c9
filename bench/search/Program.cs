using System.Diagnostics;
using System.Globalization;
using HoaHung.Learning;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Search;
using HoaHung.Learning.SearchBench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Search benchmark (bench/README.md, bench/run-search.sh):
//   generate DIR COUNT                          write a content folder of COUNT lessons
//   run PROVIDER CONNECTION CONTENT DATADIR     migrate a fresh database, import CONTENT (timed), run the queries;
//                                               prints one Markdown table row and the details
//   query PROVIDER CONNECTION DATADIR           only the queries, on a database a run left (for profiling)
if (args is ["generate", var dir, var count])
{
    var sw = Stopwatch.StartNew();
    LibraryGenerator.Write(dir, int.Parse(count, CultureInfo.InvariantCulture));
    Console.WriteLine($"generated {count} lessons in {dir} ({sw.Elapsed.TotalSeconds:F1} s)");
    return 0;
}
string providerName, connection, dataDir;
string? content = null;
if (args is ["run", var p1, var c1, var content1, var d1])
    (providerName, connection, content, dataDir) = (p1, c1, content1, d1);
else if (args is ["query", var p2, var c2, var d2])
    (providerName, connection, dataDir) = (p2, c2, d2);
else
{
    Console.Error.WriteLine("usage: generate DIR COUNT | run Sqlite|Postgres CONNECTION CONTENT DATADIR | query Sqlite|Postgres CONNECTION DATADIR");
    return 2;
}

var provider = Enum.Parse<DatabaseProvider>(providerName, ignoreCase: true);
var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = provider.ToString(),
    [$"ConnectionStrings:{provider}"] = connection,
}).Build();
var services = new ServiceCollection()
    .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)) // a fresh PostgreSQL database logs its missing history table
    .AddLearningData(new DatabaseOptions { Provider = provider }, config, dataDir)
    .AddCatalog()
    .AddMedia(o => o.Root = Path.Combine(dataDir, "media"))
    .AddSearch(new DatabaseOptions { Provider = provider });
var real = services.Last(d => d.ServiceType == typeof(ISearchIndex));
services.Add(ServiceDescriptor.Scoped<ISearchIndex>(sp => new TimedIndex((ISearchIndex)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
await using var root = services.BuildServiceProvider();

await root.GetRequiredService<IDatabaseMaintenance>().MigrateAsync(CancellationToken.None);

var import = new Stopwatch();
ImportReport? report = null;
var rebuild = new Stopwatch();
var indexed = 0;
if (content is not null)
{
    import.Start();
    await using (var scope = root.CreateAsyncScope())
        report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None);
    import.Stop();
    if (report.Problems.Count > 0)
        Console.Error.WriteLine($"{report.Problems.Count} problems, first: {report.Problems[0].Path}: {report.Problems[0].Reason}");

    rebuild.Start();
    await using (var scope = root.CreateAsyncScope())
        indexed = await scope.ServiceProvider.GetRequiredService<ISearchIndex>().RebuildAsync(CancellationToken.None);
    rebuild.Stop();
}
else
{
    await using var scope = root.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<ISearchIndex>().EnsureBuiltAsync(CancellationToken.None);
}

var queries = Queries.Build(300);
TimeSpan firstQuery, afterChange;
long heapBefore, heapAfter;
await using (var scope = root.CreateAsyncScope())
{
    var search = scope.ServiceProvider.GetRequiredService<LessonSearch>();
    heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    var sw = Stopwatch.StartNew();
    await search.SearchAsync(new SearchRequest(queries[0].Text), CancellationToken.None);
    firstQuery = sw.Elapsed;
    heapAfter = GC.GetTotalMemory(forceFullCollection: true);
    foreach (var q in queries)   // warm-up: JIT, caches, query plans
        await search.SearchAsync(new SearchRequest(q.Text), CancellationToken.None);

    // One lesson published again, as a reviewer does: the next query reloads what changed.
    var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
    var one = await db.Lessons.Where(l => l.Status == LessonStatus.Published).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
    await scope.ServiceProvider.GetRequiredService<ISearchIndex>().UpdateAsync([one], CancellationToken.None);
    sw.Restart();
    await search.SearchAsync(new SearchRequest(queries[1].Text), CancellationToken.None);
    afterChange = sw.Elapsed;
}

var times = new List<double>();
var suggestTimes = new List<double>();
var indexTimes = new List<double>();
var answers = new List<string>();
var empty = 0;
for (var round = 0; round < 3; round++)
{
    foreach (var q in queries)
    {
        // A scope (and a DbContext) per query, like a request.
        await using var scope = root.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<LessonSearch>();
        var indexBefore = TimedIndex.SearchTime;
        var sw = Stopwatch.StartNew();
        var results = await search.SearchAsync(new SearchRequest(q.Text, PageSize: q.Suggest ? 6 : 10), CancellationToken.None);
        sw.Stop();
        (q.Suggest ? suggestTimes : times).Add(sw.Elapsed.TotalMilliseconds);
        indexTimes.Add((TimedIndex.SearchTime - indexBefore).TotalMilliseconds);
        if (round == 0 && results.Total == 0)
            empty++;
        if (round == 0)
            answers.Add($"{q.Text}\t{results.Total}\t{string.Join(' ', results.Items.Select(i => i.Lesson.Slug))}");
    }
}

// The answers (total and first page of each query), and how they compare with the other provider's when it ran before.
File.WriteAllLines(Path.Combine(dataDir, $"answers-{provider}.txt"), answers);
var compared = "";
var otherFile = Path.Combine(dataDir, $"answers-{(provider == DatabaseProvider.Sqlite ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite)}.txt");
if (File.Exists(otherFile))
{
    var other = File.ReadAllLines(otherFile);
    var pairs = answers.Zip(other, (a, b) => (A: a.Split('\t'), B: b.Split('\t'))).ToList();
    static string[] Top(string[] answer, int n) => answer[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(n).ToArray();
    compared = $"\n    same as the other:  total {pairs.Count(p => p.A[1] == p.B[1])}, first page {pairs.Count(p => p.A[2] == p.B[2])}, "
        + $"same first 3 {pairs.Count(p => Top(p.A, 3).SequenceEqual(Top(p.B, 3)))} of {pairs.Count} queries";
}

var all = times.Concat(suggestTimes).ToList();
var lessons = report is null ? indexed : report.LessonsAdded + report.LessonsUpdated;
var problems = report?.Problems.Count ?? 0;
Console.WriteLine($"""
    provider:           {provider}
    lessons imported:   {lessons} in {import.Elapsed.TotalSeconds:F1} s ({lessons / import.Elapsed.TotalSeconds:F0} lessons/s, {problems} problems), of which search index {TimedIndex.UpdateTime.TotalSeconds:F1} s
    index rebuild:      {indexed} lessons in {rebuild.Elapsed.TotalSeconds:F1} s
    first query:        {firstQuery.TotalMilliseconds:F0} ms (after the import: loads what the index keeps in memory, JIT); {(heapAfter - heapBefore) / 1048576.0:F1} MB more managed heap
    after one change:   {afterChange.TotalMilliseconds:F1} ms (the first query after one lesson was indexed again)
    queries:            {queries.Count} ({queries.Count(q => q.Suggest)} typed prefixes of 6 suggestions, {empty} without results), 3 rounds after a warm-up
    latency (all):      p50 {P(all, 50):F2} ms, p95 {P(all, 95):F2} ms, p99 {P(all, 99):F2} ms, max {all.Max():F2} ms
    latency (page):     p50 {P(times, 50):F2} ms, p95 {P(times, 95):F2} ms
    latency (suggest):  p50 {P(suggestTimes, 50):F2} ms, p95 {P(suggestTimes, 95):F2} ms
    of which index:     p50 {P(indexTimes, 50):F2} ms, p95 {P(indexTimes, 95):F2} ms, mean {indexTimes.Average():F2} ms of {all.Average():F2} ms{compared}
    | {provider} | {lessons} | {import.Elapsed.TotalSeconds:F1} s | {rebuild.Elapsed.TotalSeconds:F1} s | {P(all, 50):F2} ms | {P(all, 95):F2} ms | {P(all, 99):F2} ms |
    """);
return 0;

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
