using System.Text.RegularExpressions;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Issue 21, item 4: one clock. Every "now" comes from <see cref="TimeProvider"/> (so fake-clock tests reach it) and every
/// time a person reads is in the ward's clock through <see cref="WardTime"/> — never the server's own zone.
/// </summary>
public sealed partial class OneClockTests
{
    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(UtcNow|Now|Today)\b|\.ToLocalTime\s*\(|\bTimeZoneInfo\s*\.\s*Local\b|FromHours\(\s*7\s*\)")]
    private static partial Regex MachineClock();

    [Fact]
    public void Nothing_in_src_reads_the_machine_clock_or_zone_and_the_ward_offset_is_written_once()
    {
        var src = Path.Combine(TestEnvironment.RepoRoot, "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (MachineClock().IsMatch(lines[i]) && !(Path.GetFileName(file) == "WardTime.cs" && lines[i].Contains("FromHours(7)", StringComparison.Ordinal)))
                    offenders.Add($"{Path.GetRelativePath(src, file)}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
        Assert.False(File.Exists(Path.Combine(src, "HoaHung.Learning.Web", "Studio", "Review", "WardTime.cs"))); // one WardTime
    }

    [Fact]
    public void The_grep_sees_what_it_looks_for()
    {
        Assert.Matches(MachineClock(), "var t = DateTime.UtcNow;");
        Assert.Matches(MachineClock(), "at.ToLocalTime().ToString()");
        Assert.Matches(MachineClock(), "DateTimeOffset.Now");
        Assert.DoesNotMatch(MachineClock(), "clock.GetUtcNow()");
    }

    [Theory]
    [InlineData("2026-12-07T09:52:00Z", "2026-12-07T17:00:00")] // 16:52 in the ward → the 17:00 session
    [InlineData("2026-12-07T10:00:00Z", "2026-12-07T17:00:00")] // exactly 17:00 stays 17:00
    [InlineData("2026-12-07T10:00:01Z", "2026-12-07T17:15:00")]
    [InlineData("2026-12-07T16:50:00Z", "2026-12-08T00:00:00")] // 23:50 → midnight, the next day
    public void A_new_session_defaults_to_the_next_quarter_hour_of_the_ward(string utcNow, string expected)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WardTime.NextQuarterHour(clock));
    }

    [Fact]
    public void Ward_time_is_UTC_plus_seven_both_ways()
    {
        var utc = new DateTime(2026, 12, 7, 2, 57, 25, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 7, 9, 57, 25), WardTime.ToWard(utc));
        Assert.Equal("09:57:25", WardTime.Show(utc, "HH:mm:ss"));
        Assert.Equal(utc, WardTime.ToUtc(new DateOnly(2026, 12, 7), new TimeOnly(9, 57, 25)));
        Assert.Equal(TimeSpan.FromHours(7), WardTime.FromWard(new DateTime(2026, 12, 7, 17, 0, 0)).Offset);
    }
}
