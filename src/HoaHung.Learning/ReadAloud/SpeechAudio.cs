using HoaHung.Learning.Media;

namespace HoaHung.Learning.ReadAloud;

/// <summary>
/// The server's read-aloud voice: Debian's <c>espeak-ng</c> with its Vietnamese voice (<c>vi</c>, 150 words a minute,
/// a little slower than its default for older listeners), encoded by ffmpeg as Opus in Ogg: narrowband (8 kHz, the
/// telephone's band), 3 kbit/s constant, 120 ms frames — 25.5 KB a minute measured on the seed library (the ceiling is 30 KB). Lower
/// settings are refused by libopus; 4 kbit/s measured 33 KB a minute with the Ogg pages. Sounds like it is:
/// robotic formant synthesis, docs/architecture.md §10.
/// </summary>
public static class SpeechAudio
{
    public const int WordsPerMinute = 150;

    /// <summary>Writes <paramref name="say"/> as speech to <paramref name="output"/> (an .opus file); the run that failed, if any.</summary>
    public static async Task<ToolRun?> MakeAsync(string say, string workFolder, string output, int niceness, CancellationToken ct)
    {
        var text = Path.Combine(workFolder, "say.txt");
        var wav = Path.Combine(workFolder, "say.wav");
        await File.WriteAllTextAsync(text, say, ct).ConfigureAwait(false);
        var speak = await MediaTools.RunAsync(MediaTools.Espeak,
            ["-v", "vi", "-s", WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", "1", "-f", text, "-w", wav],
            TimeSpan.FromMinutes(2), ct, niceness).ConfigureAwait(false);
        if (!speak.Succeeded)
            return speak;
        var encode = await MediaTools.RunAsync(MediaTools.Ffmpeg,
            ["-nostdin", "-v", "error", "-y", "-i", wav, "-ac", "1", "-ar", "8000", "-c:a", "libopus", "-b:a", "3000", "-vbr", "off",
             "-application", "voip", "-frame_duration", "120", "-f", "ogg", output],
            TimeSpan.FromMinutes(2), ct, niceness).ConfigureAwait(false);
        return encode.Succeeded ? null : encode;
    }
}
