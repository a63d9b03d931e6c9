using System.Text;

namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>Builds a content folder (content/README.md format) on disk for import tests.</summary>
public sealed class ContentFolder : IDisposable
{
    public string Root { get; } = TestEnvironment.NewTempDirectory("hh-content");

    public ContentFolder Topics(params (string Slug, string Title)[] topics)
    {
        var yaml = new StringBuilder();
        foreach (var (slug, title) in topics)
            yaml.Append($"- slug: {slug}\n  title: {title}\n  description: Mô tả {title}\n  icon: phone\n");
        return File("topics.yml", yaml.ToString());
    }

    public ContentFolder Lesson(string slug, string title, string topic, string body = "Nội dung bài học.", string extra = "")
        => File($"lessons/{slug}/index.md",
            $"---\ntitle: {title}\nsummary: Tóm tắt của bài {title}.\ntopic: {topic}\ntype: tutorial\nminutes: 5\ntags: [thử, kiểm tra]\n{extra}---\n{body}\n");

    public ContentFolder Path(string slug, string title, params string[] lessons)
        => File($"paths/{slug}.yml", $"title: {title}\nsummary: Lộ trình {title}.\nlessons:\n{string.Concat(lessons.Select(l => $"  - {l}\n"))}");

    public ContentFolder File(string relativePath, string text) => File(relativePath, Encoding.UTF8.GetBytes(text));

    public ContentFolder File(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Root, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return this;
    }

    public string PathOf(string relativePath) => System.IO.Path.Combine(Root, relativePath);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

public static class TestMedia
{
    /// <summary>A real PNG of the given size (a gradient, so encoders have something to do).</summary>
    public static byte[] Png(int width = 800, int height = 600)
    {
        using var image = NetVips.Image.Xyz(width, height)[0].Linear([255.0 / width], [0.0]).Cast(NetVips.Enums.BandFormat.Uchar);
        return image.WriteToBuffer(".png");
    }

    /// <summary>Bytes that start like an MP4 file (an ftyp box): enough for the byte check, not playable.</summary>
    public static byte[] Mp4()
    {
        var bytes = new byte[4096];
        byte[] head = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0,
            (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    public static string Vtt(string text = "Xin chào") => $"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n{text}\n";
}
