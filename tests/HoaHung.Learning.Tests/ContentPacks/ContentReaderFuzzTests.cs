using System.Diagnostics;
using System.Text;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.ContentPacks;

/// <summary>
/// Issue 16: the seed library's text files mutated at random (truncation, byte flips, YAML punctuation, deep nesting,
/// huge values, invalid UTF-8, BOMs, NULs, and now and then a file swapped for a symlink, a FIFO, a folder or
/// nothing). The reader must never throw, never hang, and never need its last-resort guard. Reproducible: every
/// case comes from the seed and its number; HH_FUZZ_SEED, HH_FUZZ_CASES and HH_FUZZ_CASE (one case) override.
/// </summary>
public sealed class ContentReaderFuzzTests : IDisposable
{
    private const int DefaultSeed = 20261130;
    private const int DefaultCases = 3000;
    private static readonly TimeSpan CaseGuard = TimeSpan.FromSeconds(30);
    private static readonly string[] Punctuation =
        [":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!<tag> ", "|", ">-", "'", "\"", "#", "%YAML 1.1\n", "@", "`",
         "? ", "---\n", "...\n", "\t", "\n", "\r", ": [", "<<: ", "\\", "\u2028", "\u00a0"];
    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xC3], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    private readonly ContentReader reader = new(new LessonMarkdown());
    private readonly string root = TestEnvironment.NewTempDirectory("hh-fuzz");
    private readonly List<(string Library, string File)> targets = [];

    public ContentReaderFuzzTests()
    {
        // One small library per seed text file, so a case reads what it mutated and little else: topics.yml and the
        // paths, plus the file's own lesson folder (or, for topics and paths, three lessons). The seed's text files
        // are copied as they are; its media are small stand-ins (the reader hashes them, never decodes them).
        var seed = TestEnvironment.ContentDirectory;
        var lessons = Directory.GetDirectories(Path.Combine(seed, "lessons")).Order(StringComparer.Ordinal).ToList();
        var shared = new[] { Path.Combine(seed, "topics.yml") }.Concat(Directory.GetFiles(Path.Combine(seed, "paths"), "*.yml")).Order(StringComparer.Ordinal).ToList();
        foreach (var text in shared.Concat(lessons.SelectMany(l => Directory.GetFiles(l).Where(IsText).Order(StringComparer.Ordinal))))
        {
            var library = Path.Combine(root, $"{targets.Count:000}");
            var relative = Path.GetRelativePath(seed, text);
            var lessonFolders = relative.StartsWith("lessons", StringComparison.Ordinal) ? [Path.GetDirectoryName(text)!] : lessons.Take(3);
            foreach (var file in shared.Concat(lessonFolders.SelectMany(Directory.GetFiles)))
            {
                var copy = Path.Combine(library, Path.GetRelativePath(seed, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                if (IsText(file))
                    File.Copy(file, copy);
                else
                    File.WriteAllBytes(copy, Encoding.UTF8.GetBytes(copy));
            }
            targets.Add((library, Path.Combine(library, relative)));
        }
    }

    private static bool IsText(string file) => file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".md", StringComparison.Ordinal);

    [Fact]
    public async Task The_reader_never_throws_never_hangs_and_never_needs_its_guard_on_mutated_seed_files()
    {
        var seed = Environment.GetEnvironmentVariable("HH_FUZZ_SEED") is { } s ? int.Parse(s) : DefaultSeed;
        var cases = Environment.GetEnvironmentVariable("HH_FUZZ_CASES") is { } c ? int.Parse(c) : DefaultCases;
        var only = Environment.GetEnvironmentVariable("HH_FUZZ_CASE") is { } o ? int.Parse(o) : (int?)null;
        Assert.True(targets.Count > 30, $"only {targets.Count} seed files found under {TestEnvironment.ContentDirectory}");
        Assert.All(targets, t => Assert.DoesNotContain(reader.Read(t.Library).Problems, p => !p.Path.Contains("paths")));

        string? current = null;
        var started = Stopwatch.GetTimestamp();
        var caseStarted = started;
        var run = Task.Factory.StartNew(() =>
        {
            for (var i = only ?? 0; i < (only + 1 ?? cases); i++)
            {
                caseStarted = Stopwatch.GetTimestamp();
                RunCase(seed, i, description => current = description);
            }
        }, TaskCreationOptions.LongRunning);

        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(500, TestContext.Current.CancellationToken));
            if (!run.IsCompleted && Stopwatch.GetElapsedTime(caseStarted) > CaseGuard)
                Assert.Fail($"The reader hung (over {CaseGuard.TotalSeconds} s) on {current}");
        }
        await run; // a failed case throws here with its seed and number
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{(only is null ? cases : 1)} cases (seed {seed}) over {targets.Count} seed files in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    private void RunCase(int seed, int number, Action<string> describe)
    {
        var random = new Random(unchecked(seed * 1_000_003 + number));
        var (library, file) = targets[random.Next(targets.Count)];
        var original = File.ReadAllBytes(file);
        var applied = new List<string>();
        var description = $"seed {seed}, case {number} (HH_FUZZ_SEED={seed} HH_FUZZ_CASE={number}): {Path.GetRelativePath(root, file)}";
        describe(description);
        try
        {
            if (random.Next(20) == 0)
                ReplaceFile(file, random, applied);
            else
                File.WriteAllBytes(file, Mutate(original, random, applied));
            describe($"{description} [{string.Join(", ", applied)}]");

            ContentSet set;
            try
            {
                set = reader.Read(library);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"The reader threw on {description} [{string.Join(", ", applied)}]: {e}");
            }
            var guarded = set.Problems.FirstOrDefault(p => ContentText.Of(p).StartsWith("không đọc được (", StringComparison.Ordinal));
            Assert.True(guarded is null, $"An exception escaped a file reader on {description} [{string.Join(", ", applied)}]: {guarded}");
            Assert.All(set.Problems, p => Assert.False(string.IsNullOrWhiteSpace(ContentText.Of(p))));
            Assert.Equal(set.Lessons.Count, set.Lessons.Select(l => l.Slug).Distinct().Count());
        }
        finally
        {
            Restore(file, original);
        }
    }

    private static byte[] Mutate(byte[] original, Random random, List<string> applied)
    {
        var bytes = new List<byte>(original);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(12))
            {
                case 0:
                    applied.Add($"truncate at {at}");
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    var flips = random.Next(1, 17);
                    applied.Add($"flip {flips} bytes");
                    for (var f = 0; f < flips && bytes.Count > 0; f++)
                        bytes[random.Next(bytes.Count)] ^= (byte)random.Next(1, 256);
                    break;
                case 2 or 3:
                    var token = Punctuation[random.Next(Punctuation.Length)];
                    applied.Add($"insert {Escape(token)} at {at}");
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                    break;
                case 4:
                    var depth = random.Next(10, 30_000);
                    var opener = random.Next(3) switch { 0 => "[", 1 => "{a: ", _ => "- " };
                    applied.Add($"nest {Escape(opener)} x{depth} at {at}");
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(opener == "- "
                        ? string.Concat(Enumerable.Range(0, Math.Min(depth, 300)).Select(i => new string(' ', i) + "- \n"))
                        : string.Concat(Enumerable.Repeat(opener, depth))));
                    break;
                case 5:
                    var length = random.Next(3) == 0 ? random.Next(500_000, 600_000) : random.Next(1_000, 70_000);
                    var filler = random.Next(3) switch { 0 => '9', 1 => 'x', _ => 'ệ' };
                    applied.Add($"insert {length} x '{filler}' at {at}");
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string(filler, length)));
                    break;
                case 6:
                    var bad = BadUtf8[random.Next(BadUtf8.Length)];
                    applied.Add($"insert invalid UTF-8 {Convert.ToHexString(bad)} at {at}");
                    bytes.InsertRange(at, bad);
                    break;
                case 7:
                    byte[] bom = random.Next(3) == 0 ? [0xFF, 0xFE] : [0xEF, 0xBB, 0xBF];
                    var where = random.Next(2) == 0 ? 0 : at;
                    applied.Add($"BOM {Convert.ToHexString(bom)} at {where}");
                    bytes.InsertRange(where, bom);
                    break;
                case 8:
                    var nuls = random.Next(1, 5);
                    applied.Add($"{nuls} NUL at {at}");
                    bytes.InsertRange(at, new byte[nuls]);
                    break;
                case 9:
                    var cut = random.Next(0, Math.Max(1, bytes.Count - at));
                    applied.Add($"delete {cut} at {at}");
                    bytes.RemoveRange(at, Math.Min(cut, bytes.Count - at));
                    break;
                default:
                    var from = random.Next(bytes.Count + 1);
                    var count = Math.Min(random.Next(1, 200), bytes.Count - from);
                    var times = random.Next(1, 50);
                    applied.Add($"repeat {count} bytes from {from} x{times} at {at}");
                    var slice = bytes.GetRange(from, count);
                    for (var t = 0; t < times; t++)
                        bytes.InsertRange(at, slice);
                    break;
            }
        }
        return bytes.ToArray();
    }

    private void ReplaceFile(string file, Random random, List<string> applied)
    {
        File.Delete(file);
        switch (random.Next(6))
        {
            case 0: applied.Add("deleted"); break;
            case 1: applied.Add("empty"); File.WriteAllBytes(file, []); break;
            case 2: applied.Add("a folder"); Directory.CreateDirectory(file); break;
            case 3: applied.Add("symlink to /dev/zero"); File.CreateSymbolicLink(file, "/dev/zero"); break;
            case 4: applied.Add("symlink to another seed file"); File.CreateSymbolicLink(file, targets[random.Next(targets.Count)].File); break;
            default: applied.Add("a FIFO"); HostileContentTests.MakeFifo(file); break;
        }
    }

    private static void Restore(string file, byte[] original)
    {
        if (Directory.Exists(file) && new DirectoryInfo(file).LinkTarget is null)
            Directory.Delete(file, recursive: true);
        else
            File.Delete(file);
        File.WriteAllBytes(file, original);
    }

    private static string Escape(string s) => s.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
