using HoaHung.Learning.Catalog;
using HoaHung.Learning.Studio;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>What happens to the browser's copy of the typing when the editor opens again.</summary>
public sealed class DraftRecoveryTests
{
    private static readonly LessonContent Stored = new() { Title = "Bài", Summary = "Tóm tắt.", Body = "Đã lưu." };

    [Fact]
    public void Nothing_kept_or_the_same_text_kept_needs_nothing()
    {
        Assert.Equal(Recovery.Nothing, DraftRecovery.Decide(4, "a", Stored, null));
        // The browser's line ends and composed letters differ from what the server stores, not the text.
        var stored = Stored with { Body = "Đã lưu.\nDòng hai." };
        Assert.Equal(Recovery.Nothing, DraftRecovery.Decide(4, "a", stored, new LocalCopy(2, "b", stored with { Body = "Đa\u0303 lưu.\r\nDòng hai." })));
    }

    [Fact]
    public void Typing_on_top_of_the_stored_version_is_restored()
    {
        Assert.Equal(Recovery.RestoreLocal, DraftRecovery.Decide(4, "b", Stored, new LocalCopy(4, "a", Stored with { Body = "Đã lưu. Và thêm." })));
    }

    [Fact]
    public void The_same_editor_session_is_restored_even_when_its_own_saves_moved_the_version_on()
    {
        Assert.Equal(Recovery.RestoreLocal, DraftRecovery.Decide(7, "a", Stored, new LocalCopy(5, "a", Stored with { Body = "Đã lưu. Và thêm." })));
    }

    [Theory]
    [InlineData(5, "b")]
    [InlineData(5, null)]
    [InlineData(9, "a")]
    public void A_copy_based_on_a_version_someone_else_replaced_asks_the_person(long basedOn, string? session)
    {
        Assert.Equal(Recovery.Ask, DraftRecovery.Decide(7, "a", Stored, new LocalCopy(basedOn, session, Stored with { Body = "Khác." })));
    }

    [Fact]
    public void A_new_lesson_never_saved_restores_what_was_typed()
    {
        Assert.Equal(Recovery.RestoreLocal, DraftRecovery.Decide(0, null, new LessonContent(), new LocalCopy(0, "a", new LessonContent { Title = "Bài mới" })));
    }
}
