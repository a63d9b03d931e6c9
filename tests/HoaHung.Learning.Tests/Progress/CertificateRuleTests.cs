using System.Buffers.Binary;
using System.Xml.Linq;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Progress;

public sealed class CertificateRuleTests
{
    private static readonly DateTime Opened = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly LessonRequirement Reading = new(1, 10, HasVideo: false, HasQuiz: false);
    private static readonly LessonRequirement Video = new(2, 4, HasVideo: true, HasQuiz: false);
    private static readonly LessonRequirement WithQuiz = new(3, 8, HasVideo: false, HasQuiz: true);

    private static LessonEvidence Done(TimeSpan after, DateTime? watched = null, bool passed = false) =>
        new(Opened, Opened + after, watched, passed);

    [Fact]
    public void A_lesson_marked_done_before_half_its_minutes_does_not_count_and_after_them_it_does()
    {
        Assert.False(CertificateRule.Counts(Reading, Done(TimeSpan.FromSeconds(2))));
        Assert.False(CertificateRule.Counts(Reading, Done(TimeSpan.FromMinutes(4.9))));
        Assert.True(CertificateRule.Counts(Reading, Done(TimeSpan.FromMinutes(5))));
        Assert.False(CertificateRule.Counts(Reading, new LessonEvidence(Opened, null, null, false)));
        Assert.False(CertificateRule.Counts(Reading, null));
    }

    [Fact]
    public void A_video_lesson_counts_only_when_its_video_was_watched_however_long_she_waited()
    {
        Assert.False(CertificateRule.Counts(Video, Done(TimeSpan.FromHours(2))));
        Assert.True(CertificateRule.Counts(Video, Done(TimeSpan.FromMinutes(4), watched: Opened.AddMinutes(4))));
    }

    [Fact]
    public void A_lesson_with_a_quiz_counts_only_when_the_quiz_is_passed()
    {
        Assert.False(CertificateRule.Counts(WithQuiz, Done(TimeSpan.FromHours(1))));
        Assert.True(CertificateRule.Counts(WithQuiz, Done(TimeSpan.FromMinutes(1), passed: true)));
        Assert.True(CertificateRule.Counts(WithQuiz, new LessonEvidence(Opened, null, null, QuizPassed: true)));
    }

    [Fact]
    public void The_anonymous_cookie_keeps_a_watched_video_and_still_reads_the_first_format()
    {
        var progress = AnonymousProgress.New();
        var now = new DateTimeOffset(Opened);
        progress.Opened(7, now);
        progress.Watched(7, now.AddMinutes(3));
        progress.Completed(8, now);
        var read = AnonymousProgress.FromBytes(progress.ToBytes())!;
        Assert.True(read.Find(7)!.Value.VideoWatched);
        Assert.True(read.Find(7)!.Value.IsCompleted);
        Assert.False(read.Find(8)!.Value.VideoWatched);

        // Format 1 (20-byte entries, no flags), as browsers still hold it.
        var v1 = new byte[19 + 20];
        v1[0] = 1;
        Guid.NewGuid().TryWriteBytes(v1.AsSpan(1, 16));
        BinaryPrimitives.WriteUInt16LittleEndian(v1.AsSpan(17), 1);
        BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(19), 5);
        BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(23), 100);
        BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(27), 110);
        BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(31), 110);
        var old = AnonymousProgress.FromBytes(v1)!;
        Assert.True(old.Find(5)!.Value.IsCompleted);
        Assert.False(old.Find(5)!.Value.VideoWatched);
    }

    [Fact]
    public void One_word_for_a_certificate_in_every_Vietnamese_string()
    {
        var resx = XDocument.Load(Path.Combine(TestEnvironment.RepoRoot, "src/HoaHung.Learning.Web/Resources/SharedResource.resx"));
        var values = resx.Root!.Elements("data").Select(d => (Name: (string)d.Attribute("name")!, Value: (string)d.Element("value")!)).ToList();
        Assert.DoesNotContain(values, v => v.Value.Contains("chứng nhận", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(values, v => v.Value.Contains("chứng chỉ", StringComparison.OrdinalIgnoreCase));
    }
}
