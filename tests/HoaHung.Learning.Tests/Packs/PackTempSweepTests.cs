using HoaHung.Learning.Packs;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>Issue 26 item 13: what a pack import killed mid-way leaves in the temp folder is swept at the next start.</summary>
public sealed class PackTempSweepTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Old_leftovers_of_ours_are_removed_and_logged_and_nothing_else_is_touched()
    {
        var dir = TestEnvironment.NewTempDirectory("hh-sweep");
        try
        {
            string Make(string name, bool folder, TimeSpan age)
            {
                var path = Path.Combine(dir, name);
                if (folder)
                {
                    Directory.CreateDirectory(Path.Combine(path, "lessons", "a"));
                    File.WriteAllText(Path.Combine(path, "lessons", "a", "index.md"), "x");
                    Directory.SetLastWriteTimeUtc(path, (Now - age).UtcDateTime);
                }
                else
                {
                    File.WriteAllText(path, "zip");
                    File.SetLastWriteTimeUtc(path, (Now - age).UtcDateTime);
                }
                return path;
            }
            var g = () => Guid.NewGuid().ToString("N");
            var oldUpload = Make($"hh-upload-{g()}.zip", false, TimeSpan.FromHours(3));
            var oldFolder = Make($"hh-pack-{g()}", true, TimeSpan.FromHours(2));
            var oldExport = Make($"hh-export-{g()}.zip", false, TimeSpan.FromDays(2));
            var running = Make($"hh-upload-{g()}.zip", false, TimeSpan.FromMinutes(10));
            var runningFolder = Make($"hh-pack-{g()}", true, TimeSpan.FromMinutes(59));
            var notOurs = Make("hh-pack-out-notes", true, TimeSpan.FromDays(3));
            var someoneElse = Make("report.zip", false, TimeSpan.FromDays(3));

            var log = new LogCollector();
            var removed = PackTempFiles.Sweep(dir, Now, PackTempFiles.SafeAge, log.CreateLogger("sweep"));

            Assert.Equal(3, removed);
            Assert.False(File.Exists(oldUpload));
            Assert.False(Directory.Exists(oldFolder));
            Assert.False(File.Exists(oldExport));
            Assert.True(File.Exists(running));
            Assert.True(Directory.Exists(runningFolder));
            Assert.True(Directory.Exists(notOurs));
            Assert.True(File.Exists(someoneElse));
            Assert.Equal(3, log.Entries.Count(e => e.Level == LogLevel.Information && e.Message.Contains("Removed leftover pack temporary")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_temp_folder_is_not_an_error() =>
        Assert.Equal(0, PackTempFiles.Sweep(Path.Combine(Path.GetTempPath(), "hh-no-such-" + Guid.NewGuid().ToString("N")), Now,
            PackTempFiles.SafeAge, new LogCollector().CreateLogger("sweep")));

    [Fact]
    public async Task The_site_sweeps_the_temp_folder_when_it_starts()
    {
        var left = Path.Combine(Path.GetTempPath(), $"hh-pack-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(left, "media"));
        File.WriteAllText(Path.Combine(left, "media", "half.png"), "cut short");
        Directory.SetLastWriteTimeUtc(left, DateTime.UtcNow.AddHours(-2));
        await using var site = new SqliteRolesSite();
        site.Client();
        Assert.False(Directory.Exists(left), "an import's folder from two hours ago is still in the temp folder after start");
        Assert.Contains(site.Logs.Entries, e => e.Message.Contains(left, StringComparison.Ordinal));
    }
}
