using HoaHung.Learning.Progress;
using HoaHung.Learning.Web.Progress;

namespace HoaHung.Learning.Tests.Progress;

public sealed class AnonymousProgressTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Progress_survives_the_round_trip_through_bytes()
    {
        var progress = AnonymousProgress.New();
        progress.Opened(7, Monday);
        progress.Completed(9, Monday.AddMinutes(5));
        progress.VideoAt(11, 93, Monday.AddMinutes(10));

        var read = AnonymousProgress.FromBytes(progress.ToBytes())!;

        Assert.Equal(progress.Id, read.Id);
        Assert.Equal(progress.Lessons.OrderBy(l => l.LessonId), read.Lessons.OrderBy(l => l.LessonId));
        Assert.True(read.Find(9)!.Value.IsCompleted);
        Assert.Equal(93, read.Find(11)!.Value.VideoPosition);
    }

    [Fact]
    public void Saying_done_again_moves_the_completion_time_as_for_accounts()
    {
        // A lesson marked done too soon for a certificate counts once she says so again after reading (CertificateRule).
        var progress = AnonymousProgress.New();
        progress.Completed(9, Monday);
        progress.Completed(9, Monday.AddDays(1));
        Assert.Equal(AnonymousProgress.Minutes(Monday.AddDays(1)), progress.Find(9)!.Value.Completed);
    }

    [Fact]
    public void It_is_bounded_and_unfinished_lessons_make_room_first()
    {
        var progress = AnonymousProgress.New();
        progress.Completed(1, Monday);
        for (var i = 2; i <= AnonymousProgress.MaxLessons + 20; i++)
            progress.Opened(i, Monday.AddMinutes(i));

        Assert.Equal(AnonymousProgress.MaxLessons, progress.Lessons.Count);
        Assert.NotNull(progress.Find(1));                    // the oldest, but finished
        Assert.NotNull(progress.Find(AnonymousProgress.MaxLessons + 20));
        Assert.Null(progress.Find(2));
        Assert.True(progress.ToBytes().Length < 1700);       // ~2.4 KB once protected and base64url-encoded
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 2, 0, 0 })]
    public void Malformed_bytes_are_refused(byte[] bytes) => Assert.Null(AnonymousProgress.FromBytes(bytes));

    [Fact]
    public void A_count_that_does_not_match_the_length_is_refused()
    {
        var bytes = AnonymousProgress.New().ToBytes();
        bytes[17] = 5;
        Assert.Null(AnonymousProgress.FromBytes(bytes));
    }

    [Theory]
    [InlineData("93.4", true, 93)]
    [InlineData("0", true, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("Infinity", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("86401", false, 0)]
    public void Video_positions_are_whole_seconds_within_a_day(string value, bool ok, int seconds)
    {
        Assert.Equal(ok, ProgressEndpoints.TryParseSeconds(value, out var parsed));
        Assert.Equal(seconds, parsed);
    }

    [Fact]
    public void Watching_nine_tenths_counts_as_watched()
    {
        Assert.True(LearnerProgress.IsWatched(90, 100));
        Assert.False(LearnerProgress.IsWatched(89, 100));
        Assert.False(LearnerProgress.IsWatched(50, 0));
    }
}
