using System.Buffers.Binary;

namespace HoaHung.Learning.Media;

public enum VideoFormat
{
    Mp4,
    WebM,
}

/// <summary>
/// Recognizes MP4 and WebM by their first bytes, never by a file name or a declared content type. QuickTime
/// (<c>.mov</c>), 3GP, Matroska and HEIF/AVIF images share these containers but are refused: browsers cannot be
/// relied on to play them.
/// </summary>
public static class VideoProbe
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs at most; fewer are fine for short files.</summary>
    public const int HeaderLength = 4096;

    private static readonly HashSet<string> Mp4Brands =
    [
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso8", "iso9",
        "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV",
    ];

    // Still-image and QuickTime brands: refused even when they list an ISO brand among their compatible brands.
    private static readonly HashSet<string> RefusedBrands =
        ["qt  ", "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis", "crx "];

    public static VideoFormat? Detect(ReadOnlySpan<byte> head) =>
        IsMp4(head) ? VideoFormat.Mp4 : IsWebM(head) ? VideoFormat.WebM : null;

    public static string ContentType(VideoFormat format) =>
        format == VideoFormat.WebM ? MediaContentTypes.WebM : MediaContentTypes.Mp4;

    public static string Extension(VideoFormat format) => format == VideoFormat.WebM ? "webm" : "mp4";

    /// <summary>An ISO BMFF file starts with an <c>ftyp</c> box: size, "ftyp", major brand, minor version, compatible brands.</summary>
    private static bool IsMp4(ReadOnlySpan<byte> b)
    {
        if (b.Length < 16 || !b[4..8].SequenceEqual("ftyp"u8))
            return false;
        var size = BinaryPrimitives.ReadUInt32BigEndian(b);
        if (size < 16 || size > 1024 || size % 4 != 0)
            return false;
        var major = Brand(b[8..12]);
        if (RefusedBrands.Contains(major))
            return false;
        if (Mp4Brands.Contains(major))
            return true;
        var end = (int)Math.Min(size, (uint)b.Length);
        for (var i = 16; i + 4 <= end; i += 4)
            if (Mp4Brands.Contains(Brand(b[i..(i + 4)])))
                return true;
        return false;
    }

    private static string Brand(ReadOnlySpan<byte> four) => System.Text.Encoding.Latin1.GetString(four);

    /// <summary>A WebM file starts with an EBML header (1A 45 DF A3) whose DocType element (42 82) says "webm".</summary>
    private static bool IsWebM(ReadOnlySpan<byte> b)
    {
        if (!b.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
            return false;
        var pos = 4;
        if (!TryReadVint(b, ref pos, out var headerSize, keepMarker: false))
            return false;
        var end = headerSize >= (ulong)(b.Length - pos) ? b.Length : pos + (int)headerSize;
        while (pos < end)
        {
            if (!TryReadVint(b, ref pos, out var id, keepMarker: true) || !TryReadVint(b, ref pos, out var length, keepMarker: false))
                return false;
            if (length > (ulong)(end - pos))
                return false;
            if (id == 0x4282)
                return b.Slice(pos, (int)length).TrimEnd((byte)0).SequenceEqual("webm"u8);
            pos += (int)length;
        }
        return false;
    }

    /// <summary>EBML variable-length integer: the number of leading zero bits of the first byte gives its length.</summary>
    private static bool TryReadVint(ReadOnlySpan<byte> b, ref int pos, out ulong value, bool keepMarker)
    {
        value = 0;
        if (pos >= b.Length || b[pos] == 0)
            return false;
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)b[pos]) - 24 + 1;
        if (pos + length > b.Length)
            return false;
        value = keepMarker ? b[pos] : (ulong)(b[pos] & (0xFF >> length));
        for (var i = 1; i < length; i++)
            value = (value << 8) | b[pos + i];
        pos += length;
        return true;
    }
}
