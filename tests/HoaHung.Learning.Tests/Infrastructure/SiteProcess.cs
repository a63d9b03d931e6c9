using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>
/// The site as an operator runs it: the built program (<c>dotnet HoaHung.Learning.Web.dll</c>) in its own process,
/// serving on a free loopback port or running one admin command, configured through environment variables only.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiteProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public string Output { get { lock (output) return output.ToString(); } }

    public static string ProgramPath
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "bin", configuration, "net10.0", "HoaHung.Learning.Web.dll");
        }
    }

    /// <summary>Starts the site and waits until <c>/healthz</c> answers.</summary>
    public static async Task<SiteProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var site = new SiteProcess(Process.Start(Start(environment, ["--urls", url]))!, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (site.process.HasExited)
                throw new Xunit.Sdk.XunitException($"The site exited with {site.process.ExitCode}:\n{site.Output}");
            try
            {
                if ((await http.GetAsync($"{url}/healthz", ct)).StatusCode == HttpStatusCode.OK)
                    return site;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { } // a first answer slower than 5 s on a busy machine
            await Task.Delay(200, ct);
        }
        await site.DisposeAsync();
        throw new Xunit.Sdk.XunitException($"The site did not answer /healthz within 2 minutes:\n{site.Output}");
    }

    /// <summary>Runs one admin command to its end: exit code and everything it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, string? input,
        CancellationToken ct, params string[] args)
    {
        var start = Start(environment, args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        if (input is not null)
            await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo Start(IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ProgramPath);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production refuses any Host for its links (PublicAddress): it answers to the names it is reached by here.
        start.Environment["AllowedHosts"] = "localhost;127.0.0.1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__HoaHung"] = "Information";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
