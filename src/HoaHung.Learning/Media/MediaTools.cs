using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HoaHung.Learning.Media;

/// <summary>What a run of one of Debian's media programs gave: its exit code and the end of what it printed.</summary>
public sealed record ToolRun(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs <c>espeak-ng</c>, <c>ffmpeg</c> and <c>ffprobe</c> (Debian packages; the Docker image and tests/run.sh install
/// them). Arguments go as a list, never through a shell; a run past its time limit is killed with its children.
/// A missing program is a <see cref="ToolRun"/> with exit code -1, not an exception: without it, the site only lacks
/// what that program makes.
/// </summary>
public static class MediaTools
{
    public const string Espeak = "espeak-ng";
    public const string Ffmpeg = "ffmpeg";
    public const string Ffprobe = "ffprobe";

    private const int KeptOutput = 4000;

    /// <summary>How far below the site's own priority the programs run (<c>nice</c>): a phone video's rendition must not slow the pages on a 2-core server.</summary>
    public const int DefaultNiceness = 10;

    private const string Nice = "/usr/bin/nice";
    private const int CommandNotFound = 127;

    /// <param name="niceness">0 runs the program at the site's priority; 1–19 below it (<see cref="MediaOptions.Niceness"/>).</param>
    public static async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit, CancellationToken ct,
        int niceness = DefaultNiceness)
    {
        var niced = niceness > 0 && File.Exists(Nice);
        var start = new ProcessStartInfo(niced ? Nice : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (niced)
            foreach (var argument in (string[])["-n", niceness.ToString(CultureInfo.InvariantCulture), program])
                start.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ToolRun(-1, $"{program} is not installed: {e.Message}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = new StringBuilder();
            void Keep(string? line)
            {
                if (line is null) return;
                lock (output)
                {
                    output.AppendLine(line);
                    if (output.Length > 2 * KeptOutput) output.Remove(0, output.Length - KeptOutput);
                }
            }
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                return new ToolRun(-2, $"{program} took longer than {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped.");
            }
            process.WaitForExit(); // flushes the redirected output
            lock (output)
                return new ToolRun(niced && process.ExitCode == CommandNotFound ? -1 : process.ExitCode, output.ToString());
        }
    }

    /// <summary>Duration in seconds of a media file, by ffprobe; null when it cannot be read.</summary>
    public static async Task<double?> DurationAsync(string path, CancellationToken ct)
    {
        var run = await RunAsync(Ffprobe, ["-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path],
            TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        return run.Succeeded && double.TryParse(run.Output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds : null;
    }
}
