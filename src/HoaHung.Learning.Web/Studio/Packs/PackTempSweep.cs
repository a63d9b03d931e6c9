using HoaHung.Learning.Packs;

namespace HoaHung.Learning.Web.Studio.Packs;

/// <summary>
/// At start, removes what an import killed mid-way left in the temp folder (issue 26 item 13): only our own names, only
/// older than <see cref="PackTempFiles.SafeAge"/>, so an import another instance is running on this machine is untouched.
/// </summary>
public sealed class PackTempSweep(TimeProvider clock, ILogger<PackTempSweep> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = PackTempFiles.Sweep(Path.GetTempPath(), clock.GetUtcNow(), PackTempFiles.SafeAge, log);
        if (removed > 0)
            log.LogInformation("Removed {Count} leftover pack temporaries from {Directory}", removed, Path.GetTempPath());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
