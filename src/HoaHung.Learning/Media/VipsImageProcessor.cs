using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetVips;
using static HoaHung.Learning.Media.ImageProcessingResult;
using VipsImage = NetVips.Image;

namespace HoaHung.Learning.Media;

/// <summary>
/// The image pipeline on libvips: sniff the bytes, read the header and check the limits without decoding pixels,
/// then decode once with shrink-on-load straight to the largest rendition (auto-oriented, converted to sRGB),
/// derive the narrower renditions from that small in-memory image, and encode with no metadata at all.
/// Thread-safe: it holds no per-image state, and a semaphore bounds how many images are decoded at once.
/// </summary>
public sealed class VipsImageProcessor : IImageProcessor, IDisposable
{
    private const int WebPMaxDimension = 16383;
    private const int VipsMaxCoord = 10_000_000;
    private const int WebPQuality = 78;
    private const int JpegQuality = 80;

    private static readonly Dictionary<ImageFormat, string> LoaderOf = new()
    {
        [ImageFormat.Jpeg] = "jpegload_buffer",
        [ImageFormat.Png] = "pngload_buffer",
        [ImageFormat.WebP] = "webpload_buffer",
        [ImageFormat.Gif] = "gifload_buffer",
    };

    private readonly MediaOptions options;
    private readonly ILogger<VipsImageProcessor> log;
    private readonly SemaphoreSlim gate;

    public VipsImageProcessor(IOptions<MediaOptions> options, ILogger<VipsImageProcessor> log)
    {
        VipsSetup.EnsureInitialized(log);
        this.options = options.Value;
        this.log = log;
        gate = new SemaphoreSlim(this.options.MaxConcurrentImageJobs);
    }

    public async Task<ImageProcessingResult> ProcessAsync(byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > options.MaxImageBytes)
            return new Rejected(MediaReasons.ImageTooLarge);
        // Only these four formats ever reach a decoder; SVG, PDF, TIFF, HEIC and the rest stop here.
        if (ImageSignature.Detect(bytes) is not { } format)
            return new Rejected(MediaReasons.ImageUnsupportedFormat);

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return Process(bytes, format, ct);
        }
        catch (VipsException e)
        {
            log.LogInformation("libvips refused a {Format} image of {Bytes} bytes: {Error}", format, bytes.Length, e.Message.Trim());
            return new Rejected(MediaReasons.ImageCorrupt);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private ImageProcessingResult Process(byte[] bytes, ImageFormat format, CancellationToken ct)
    {
        var header = ReadHeader(bytes, format);
        if (header.Reason is { } reason)
            return new Rejected(reason);

        var widths = PlanWidths(header.Width, header.Height);
        if (widths.Count == 0)
            return new Rejected(MediaReasons.ImageBadDimensions);

        ct.ThrowIfCancellationRequested();
        using var owned = new Owned();
        var largest = DecodeLargest(bytes, widths[^1], header.HasColourProfile, owned, out var hasAlpha);

        var webp = new List<ImageRendition>(widths.Count);
        foreach (var width in widths)
        {
            ct.ThrowIfCancellationRequested();
            var image = width >= largest.Width
                ? largest
                : owned.Add(largest.ThumbnailImage(width, height: VipsMaxCoord, size: Enums.Size.Down, noRotate: true));
            var encoded = image.WebpsaveBuffer(q: WebPQuality, effort: 4, keep: Enums.ForeignKeep.None);
            webp.Add(new ImageRendition(image.Width, image.Height, MediaContentTypes.WebP, "webp", encoded));
        }

        var fallback = hasAlpha
            ? new ImageRendition(largest.Width, largest.Height, MediaContentTypes.Png, "png",
                largest.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None))
            : new ImageRendition(largest.Width, largest.Height, MediaContentTypes.Jpeg, "jpg",
                largest.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None));
        return new Processed(largest.Width, largest.Height, webp, fallback);
    }

    /// <summary>Reads only the header (libvips loads lazily) and applies the format, pixel and frame limits.</summary>
    private Header ReadHeader(byte[] bytes, ImageFormat format)
    {
        using var image = VipsImage.NewFromBuffer(bytes, "", Enums.Access.Sequential, Enums.FailOn.Error);
        // With every other loader blocked this always holds; checked anyway so a polyglot file cannot switch decoders.
        if (StringField(image, "vips-loader") != LoaderOf[format])
            return new Header(MediaReasons.ImageUnsupportedFormat);
        if ((long)image.Width * image.Height > options.MaxPixels)
            return new Header(MediaReasons.ImageTooManyPixels);
        if (IntField(image, "n-pages", 1) > options.MaxFrames)
            return new Header(MediaReasons.ImageTooManyFrames);
        // EXIF orientations 5–8 turn the image by 90°: the served width is the stored height.
        var turned = IntField(image, "orientation", 1) is >= 5 and <= 8;
        var hasProfile = image.GetTypeOf("icc-profile-data") != IntPtr.Zero;
        return turned
            ? new Header(null, image.Height, image.Width, hasProfile)
            : new Header(null, image.Width, image.Height, hasProfile);
    }

    /// <summary>Configured widths not wider than the source (the source width when all are), each within WebP's size limit.</summary>
    private List<int> PlanWidths(int sourceWidth, int sourceHeight)
    {
        var widths = options.ImageWidths.Where(w => w <= sourceWidth).Distinct().Order().ToList();
        if (widths.Count == 0)
            widths.Add(Math.Min(sourceWidth, MediaOptionsValidator.MaxRenditionWidth));
        widths.RemoveAll(w => Math.Round((double)w * sourceHeight / sourceWidth) > WebPMaxDimension);
        return widths;
    }

    /// <summary>
    /// One decode with shrink-on-load (JPEG and WebP decode at a fraction of their size; PNG and GIF stream line by
    /// line), auto-rotated from EXIF, converted to sRGB with its ICC profile if it has one (CMYK always), then held
    /// in memory as 8-bit pixels. Without an embedded profile the pixels are taken as sRGB: asking thumbnail for an
    /// sRGB output profile then would only cost time (6× slower on a 12 MP JPEG, measured).
    /// </summary>
    private static VipsImage DecodeLargest(byte[] bytes, int width, bool hasProfile, Owned owned, out bool hasAlpha)
    {
        // fail_on goes in the loader's option string: thumbnail's own failOn does not reach the loader (libvips 8.18),
        // and without it a truncated JPEG decodes "successfully" with a grey bottom.
        var image = owned.Add(VipsImage.ThumbnailBuffer(bytes, width, optionString: "fail_on=error", height: VipsMaxCoord,
            size: Enums.Size.Down, outputProfile: hasProfile ? "srgb" : null, failOn: Enums.FailOn.Error));
        if (image.Interpretation == Enums.Interpretation.Grey16)
            image = owned.Add(image.Colourspace(Enums.Interpretation.Bw));
        else if (image.Interpretation is not (Enums.Interpretation.Srgb or Enums.Interpretation.Bw))
            image = owned.Add(image.Colourspace(Enums.Interpretation.Srgb));
        if (image.Format != Enums.BandFormat.Uchar)
            image = owned.Add(image.Cast(Enums.BandFormat.Uchar));
        // Renders the pipeline: a truncated or corrupt file fails here, with FailOn.Error.
        image = owned.Add(image.CopyMemory());

        hasAlpha = false;
        if (image.HasAlpha())
        {
            var alpha = owned.Add(image.ExtractBand(image.Bands - 1));
            hasAlpha = alpha.Min() < 255;
            // A fully opaque alpha band (common in screenshots) would only force a heavier PNG fallback.
            if (!hasAlpha)
                image = owned.Add(image.ExtractBand(0, n: image.Bands - 1));
        }
        return image;
    }

    private static int IntField(VipsImage image, string name, int missing) =>
        image.GetTypeOf(name) == GValue.GIntType ? (int)image.Get(name) : missing;

    // libvips keeps some strings as a ref-counted string type, so go by the value, not the GType.
    private static string? StringField(VipsImage image, string name) =>
        image.GetTypeOf(name) != IntPtr.Zero ? image.Get(name) as string : null;

    private sealed record Header(string? Reason, int Width = 0, int Height = 0, bool HasColourProfile = false);

    /// <summary>Disposes every intermediate image at once: their pixels are native memory the GC does not see.</summary>
    private sealed class Owned : IDisposable
    {
        private readonly List<VipsImage> images = [];

        public VipsImage Add(VipsImage image)
        {
            images.Add(image);
            return image;
        }

        public void Dispose()
        {
            foreach (var image in images)
                image.Dispose();
        }
    }
}
