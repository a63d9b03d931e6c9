using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using System.Text.Encodings.Web;

namespace HoaHung.Learning.Web.Shell;

/// <summary>
/// A signed-in page rendered once with its personal parts left as slots (<see cref="PersonalSlot"/>), kept as
/// literal pieces that are already compressed: a request fills the slots with her own values and sends the pieces,
/// with no rendering and no compressing (docs/architecture.md §7). Each piece is a raw deflate stream ended by a sync
/// flush (byte-aligned, no final block, no reference to what came before), so pieces and stored blocks of her values
/// can be put one after another in one gzip member; the gzip trailer's CRC-32 is computed over the uncompressed
/// bytes each time (a few µs for a lesson page).
/// </summary>
public sealed class PageShell
{
    private readonly Part[] parts;

    private PageShell(Part[] parts, string contentType, IReadOnlyDictionary<string, string> facts)
    {
        this.parts = parts;
        ContentType = contentType;
        Facts = facts;
        Size = parts.Sum(p => p.Size);
    }

    public string ContentType { get; }

    /// <summary>What the page noted for its filler while it was rendered (<see cref="ShellCapture.Note"/>).</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    /// <summary>Roughly the memory it holds, in bytes (the cache's measure).</summary>
    public long Size { get; }

    /// <summary>
    /// Parses a page rendered with slot markers of <paramref name="nonce"/> (<see cref="SlotMarkers"/>). Null when
    /// the markers do not nest as written (a component outside a slot wrote one: the page must be rendered for her).
    /// </summary>
    public static PageShell? Parse(ReadOnlySpan<byte> html, string nonce, string contentType, IReadOnlyDictionary<string, string> facts)
    {
        var prefix = Encoding.UTF8.GetBytes(SlotMarkers.Prefix(nonce));
        var parts = new List<Part>();
        Dictionary<string, Literal>? variants = null;
        string? group = null, variant = null;
        var literal = new MemoryStream();
        while (true)
        {
            var at = html.IndexOf(prefix);
            var text = at < 0 ? html : html[..at];
            if (variant is not null)
                literal.Write(text);
            else if (!text.IsEmpty)
                parts.Add(Literal.Of(text));
            if (at < 0)
                break;
            html = html[(at + prefix.Length)..];
            var end = html.IndexOf("-->"u8);
            if (end < 0)
                return null;
            var marker = Encoding.UTF8.GetString(html[..end]).Split(':');
            html = html[(end + 3)..];
            switch (marker)
            {
                case ["t", var name] when group is null:
                    parts.Add(new TextSlot(name));
                    break;
                case ["v", var name, var value] when group is null || group == name:
                    if (variant is not null)
                        variants![variant] = Literal.Of(literal.ToArray());
                    group = name;
                    variants ??= [];
                    variant = value;
                    literal.SetLength(0);
                    break;
                case ["e", var name] when group == name && variant is not null:
                    variants![variant] = Literal.Of(literal.ToArray());
                    parts.Add(new VariantSlot(name, variants));
                    group = variant = null;
                    variants = null;
                    literal.SetLength(0);
                    break;
                default:
                    return null;
            }
        }
        return group is null ? new PageShell([.. parts], contentType, facts) : null;
    }

    /// <summary>
    /// Writes the page with <paramref name="values"/> in its slots (text encoded by <paramref name="encoder"/>, the
    /// site's own, as the renderer would), gzip-compressed when <paramref name="gzip"/>. False (nothing written) when
    /// a slot has no value: the page must then be rendered for her.
    /// </summary>
    public async Task<bool> WriteAsync(HttpResponse response, IReadOnlyDictionary<string, string> values, HtmlEncoder encoder, bool gzip,
        CancellationToken ct)
    {
        var pieces = new List<Literal>(parts.Length);
        foreach (var part in parts)
        {
            switch (part)
            {
                case Literal l:
                    pieces.Add(l);
                    break;
                case TextSlot t when values.TryGetValue(t.Name, out var text):
                    pieces.Add(Literal.Stored(encoder.Encode(text)));
                    break;
                case VariantSlot v when values.TryGetValue(v.Name, out var key) && v.Variants.TryGetValue(key, out var chosen):
                    pieces.Add(chosen);
                    break;
                default:
                    return false;
            }
        }
        response.ContentType = ContentType;
        response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, "Accept-Encoding");
        if (!gzip)
        {
            response.ContentLength = pieces.Sum(p => p.Raw.Length);
            foreach (var piece in pieces)
                await response.Body.WriteAsync(piece.Raw, ct);
            return true;
        }
        var crc = new Crc32();
        long length = 0;
        foreach (var piece in pieces)
        {
            crc.Append(piece.Raw);
            length += piece.Raw.Length;
        }
        var trailer = new byte[FinalBlock.Length + 8];
        FinalBlock.CopyTo(trailer, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(FinalBlock.Length), crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(FinalBlock.Length + 4), (uint)length);
        response.Headers.ContentEncoding = "gzip";
        response.ContentLength = GzipHeader.Length + pieces.Sum(p => p.Deflated.Length) + trailer.Length;
        await response.Body.WriteAsync(GzipHeader, ct);
        foreach (var piece in pieces)
            await response.Body.WriteAsync(piece.Deflated, ct);
        await response.Body.WriteAsync(trailer, ct);
        return true;
    }

    /// <summary>A gzip member's header: deflate, no name, no time, unknown OS (RFC 1952).</summary>
    private static readonly byte[] GzipHeader = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

    /// <summary>An empty stored block marked final: ends the deflate stream after the last sync-flushed piece.</summary>
    private static readonly byte[] FinalBlock = [1, 0, 0, 0xff, 0xff];

    private abstract record Part(long Size);

    private sealed record TextSlot(string Name) : Part(64);

    private sealed record VariantSlot(string Name, Dictionary<string, Literal> Variants) : Part(Variants.Values.Sum(v => v.Size));

    private sealed record Literal(byte[] Raw, byte[] Deflated) : Part(Raw.Length + Deflated.Length)
    {
        /// <summary>Compressed once, as well as deflate can, ended by a sync flush.</summary>
        public static Literal Of(ReadOnlySpan<byte> raw)
        {
            var output = new MemoryStream();
            var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
            deflate.Write(raw);
            deflate.Flush(); // Z_SYNC_FLUSH: byte-aligned, the stream stays open (no final block)
            var deflated = output.ToArray();
            return new Literal(raw.ToArray(), deflated);
        }

        /// <summary>Her value as stored (uncompressed) deflate blocks: a few bytes, not worth compressing.</summary>
        public static Literal Stored(string text)
        {
            var raw = Encoding.UTF8.GetBytes(text);
            var output = new MemoryStream(raw.Length + 5 * (raw.Length / ushort.MaxValue + 1));
            var at = 0;
            do
            {
                var length = Math.Min(raw.Length - at, ushort.MaxValue);
                Span<byte> header = [0, (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)];
                output.Write(header);
                output.Write(raw, at, length);
                at += length;
            }
            while (at < raw.Length);
            return new Literal(raw, output.ToArray());
        }
    }
}
