using Microsoft.Extensions.Logging;
using NetVips;

namespace HoaHung.Learning.Media;

/// <summary>
/// Process-wide libvips settings, applied once before the first image is touched. The block list is global to
/// libvips, which is why nothing else in the application may use NetVips (docs/architecture.md §6, §6b).
/// </summary>
internal static class VipsSetup
{
    // Parent classes in the libvips class hierarchy (`vips -l`); unblocking one unblocks its _buffer/_source variants.
    private static readonly string[] AllowedLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif"];

    private static readonly Lock Gate = new();
    private static bool applied;
    private static Log.LogDelegate? logHandler; // held here so the native side never calls a collected delegate

    /// <param name="log">Receives libvips' own messages (per-file decoder warnings go to Debug, not to stderr).</param>
    public static void EnsureInitialized(ILogger log)
    {
        lock (Gate)
        {
            if (applied)
                return;
            // Operation blocking needs libvips 8.13; without it, refuse to start rather than run every loader.
            if (!NetVips.NetVips.AtLeastLibvips(8, 13))
                throw new InvalidOperationException(
                    $"libvips 8.13 or later is required to block untrusted loaders; found {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.");

            // Unfuzzed loaders and savers (SVG, PDF, TIFF via magick, …) first, then every loader but the four we accept.
            NetVips.NetVips.BlockUntrusted = true;
            Operation.Block("VipsForeignLoad", true);
            foreach (var loader in AllowedLoaders)
                Operation.Block(loader, false);

            logHandler = (_, level, message) =>
            {
                if ((level & (Enums.LogLevelFlags.Critical | Enums.LogLevelFlags.Error)) != 0)
                    log.LogError("libvips: {Message}", message);
                else
                    log.LogDebug("libvips: {Message}", message);
            };
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.AllButFatal, logHandler);

            // Uploads are all different: an operation cache would only keep their buffers and pixels alive.
            Cache.Max = 0;
            applied = true;
        }
    }
}
