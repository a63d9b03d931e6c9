namespace HoaHung.Learning.Media;

public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
}

/// <summary>Recognizes the accepted image formats by their first bytes, before any decoder sees the file.</summary>
public static class ImageSignature
{
    public static ImageFormat? Detect(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFormat.Jpeg;
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFormat.Png;
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return ImageFormat.Gif;
        if (b.Length >= 16 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        return null;
    }
}
