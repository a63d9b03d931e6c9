using HoaHung.Learning.ReadAloud;

namespace HoaHung.Learning.Tests.ReadAloud;

public sealed class ReadingPartsTests
{
    private const string Body = """
        <p>Mở đầu, không đọc khi có các bước.</p>
        <div class="steps"><ol>
        <li><p>Bấm vào <strong>Cài đặt</strong></p><figure class="lesson-figure"><picture><img src="/media/a.jpg" alt="Hình"></picture></figure></li>
        <li><p>Nhập mã OTP</p><ul><li>gồm 6 số</li></ul></li>
        </ol></div>
        """;

    [Fact]
    public void Title_and_summary_then_each_step_without_its_pictures()
    {
        var parts = ReadingParts.Of("Kết nối Wi-Fi", "Cách vào mạng", Body);

        Assert.Equal(["Kết nối oai phai. Cách vào mạng.", "Bước một. Bấm vào Cài đặt.", "Bước hai. Nhập mã ô tê pê. gồm sáu số."],
            parts.Select(p => p.Say));
        Assert.Equal([0, 1, 2], parts.Select(p => p.Number));
    }

    [Fact]
    public void Steps_are_marked_and_get_their_player_at_their_end()
    {
        var parts = ReadingParts.Of("T", "S", Body);

        var html = ReadingParts.Annotate(Body, parts, p => $"<audio data-n=\"{p.Number}\"></audio>");

        Assert.Contains("<li data-part=\"1\" data-say=\"Bước một. Bấm vào Cài đặt.\">", html);
        Assert.Contains("</figure><audio data-n=\"1\"></audio></li>", html);
        Assert.Contains("<audio data-n=\"2\"></audio></li>", html);
        Assert.DoesNotContain("data-n=\"0\"", html);
    }

    [Fact]
    public void A_lesson_without_steps_is_read_whole_as_one_part()
    {
        var parts = ReadingParts.Of("T", "S", "<p>Một</p><p>Hai</p>");

        Assert.Equal("Một. Hai.", Assert.Single(parts, p => p.Number == 1).Say);
        var html = ReadingParts.Annotate("<p>Một</p><p>Hai</p>", parts, _ => "<audio></audio>");
        Assert.StartsWith("<div class=\"read-part\" data-part=\"1\" data-say=\"Một. Hai.\"><audio></audio><p>Một</p>", html);
    }

    [Fact]
    public void The_same_words_have_the_same_key_and_changed_words_another()
    {
        Assert.Equal(ReadingParts.SpeechKey("Bước một."), ReadingParts.SpeechKey("Bước một."));
        Assert.NotEqual(ReadingParts.SpeechKey("Bước một."), ReadingParts.SpeechKey("Bước một!"));
    }
}
