using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Packs;
using HoaHung.Learning.Tests.Studio;
using HoaHung.Learning.Web.Studio.Packs;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Faults, measured (issue 26): the media disk fills up. The site's media folder is a 2 MB tmpfs of its own, filled to
/// the last byte; then a volunteer uploads a picture, a video and a pack. Each is refused with the Vietnamese sentence
/// (422, never a 500), nothing half-written is left, what was stored before is untouched and still served, her draft's
/// text is kept, and once there is room again the same upload goes through. Figures in faults.txt.
/// </summary>
public sealed class MediaDiskFullTests(SmallMediaDiskSite site) : IClassFixture<SmallMediaDiskSite>
{
    private const string DiskFullSentence = "Máy chủ đã hết chỗ lưu ảnh và video";

    [Fact]
    public async Task Uploads_on_a_full_media_disk_are_refused_plainly_and_nothing_stored_is_harmed()
    {
        site.EnsureAvailable();
        if (site.MountProblem is { } problem)
        {
            Assert.False(TestEnvironment.IsCi, $"CI runs as root and must be able to mount a tmpfs for the disk fault: {problem}");
            Assert.Skip($"Cannot mount a tmpfs (run as root): {problem}");
        }
        var owner = await site.AuthorAsync();
        var text = $"Chữ của bài nháp {Guid.NewGuid():N}: mở ứng dụng, bấm vào Cài đặt.";
        var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.CreateAsync(owner.Id,
            new LessonContent { Title = "Bài khi đầy đĩa", Summary = "Tóm tắt.", Topic = "dien-thoai", Body = text }, CancellationToken.None)).Draft;
        var prefix = $"/soan-bai/tai-len/{draft.LessonId}";
        var before = await UploadAsync(owner, $"{prefix}/anh", TestMedia.Png(320, 180), "Ảnh cũ.png");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var oldPicture = (await before.Content.ReadFromJsonAsync<LibraryItem>())!.Url;
        var client = site.Client(followRedirects: false);
        var servedBefore = SHA256.HashData(await client.GetByteArrayAsync(oldPicture));
        var files = Snapshot();
        var rows = await site.WithDbAsync(async db => (await db.MediaAssets.CountAsync(), await db.LessonMedia().CountAsync()));

        // Fill it to the last byte.
        var filler = Path.Combine(site.MediaDirectory, "lap-day.bin");
        long filled = 0;
        await using (var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            var chunk = new byte[4096];
            try
            {
                while (true)
                {
                    stream.Write(chunk);
                    filled += chunk.Length;
                }
            }
            catch (IOException) { }
        }
        var free = new DriveInfo(site.MediaDirectory).AvailableFreeSpace;

        var video = TestMedia.Mp4().Concat(RandomNumberGenerator.GetBytes(200_000)).ToArray();
        var refused = new List<(string What, HttpResponseMessage Response, string Body)>();
        foreach (var (what, url, bytes, name) in new[]
        {
            ("picture", $"{prefix}/anh", TestMedia.Png(800, 600), "Ảnh màn hình.png"),
            ("video", $"{prefix}/video", video, "Bài giảng.mp4"),
            ("pack", PackEndpoints.Import, await File.ReadAllBytesAsync(PackZip.Write(PackZip.Valid("bai-khi-day-dia"))), "goi.zip"),
        })
        {
            var response = await UploadAsync(owner, url, bytes, name);
            refused.Add((what, response, await response.Content.ReadAsStringAsync()));
        }

        var answers = string.Join("; ", refused.Select(r => $"{r.What} {(int)r.Response.StatusCode} {r.Body}"));
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Response.StatusCode));
        Assert.Equal("Media.DiskFull", (await refused[0].Response.Content.ReadFromJsonAsync<Refusal>())!.Reason);
        Assert.Equal("Media.DiskFull", (await refused[1].Response.Content.ReadFromJsonAsync<Refusal>())!.Reason);
        Assert.Contains(DiskFullSentence, refused[2].Body);
        Assert.Equal(DiskFullSentence + ", nên chưa nhận được tệp này. Những gì bạn đã viết vẫn được giữ nguyên. Hãy báo cho Tổ công nghệ số cộng đồng để dọn chỗ, rồi gửi lại sau.",
            StudioText("Media.DiskFull"));

        // Nothing harmed: the same files with the same bytes (no half-written one, nothing in .incoming), the same rows,
        // the old picture still served, her text kept.
        var after = Snapshot();
        Assert.Equal(files, after);
        Assert.Equal(rows, await site.WithDbAsync(async db => (await db.MediaAssets.CountAsync(), await db.LessonMedia().CountAsync())));
        Assert.Equal(servedBefore, SHA256.HashData(await client.GetByteArrayAsync(oldPicture)));
        var kept = Assert.IsType<OpenResult.Opened>(await site.Drafts.OpenAsync(owner.Id, draft.Slug, CancellationToken.None)).Draft;
        Assert.Equal(text, kept.Content.Body);

        // Room again: the same picture goes through.
        File.Delete(filler);
        var retried = await UploadAsync(owner, $"{prefix}/anh", TestMedia.Png(800, 600), "Ảnh màn hình.png");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);

        var figures = $"media disk full (tmpfs of 2 MB as the media folder), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: filled with {filled / 1024} KB, " +
            $"{free} bytes free; {refused.Count} uploads refused with 422 and the sentence (picture, video of {video.Length / 1024} KB, pack), 0 with 5xx; " +
            $"{files.Count} files stored before, {files.Count} intact after, 0 left half-written; the old picture still served; the draft's text kept; " +
            $"after freeing room the picture upload answered {(int)retried.StatusCode}";
        Measurements.Write("faults.txt", "media-disk-full", figures);
        TestContext.Current.SendDiagnosticMessage(figures + "\n" + answers);
    }

    private sealed record Refusal(string Reason);

    private Task<HttpResponseMessage> UploadAsync(HoaHung.Learning.Accounts.AppUser user, string url, byte[] bytes, string name) =>
        site.UploadAsync(user, url, new ByteArrayContent(bytes), name);

    /// <summary>Every file of the media folder but the test's filler, with a hash of its bytes.</summary>
    private Dictionary<string, string> Snapshot() => Directory.GetFiles(site.MediaDirectory, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != "lap-day.bin")
        .ToDictionary(f => Path.GetRelativePath(site.MediaDirectory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static string StudioText(string key) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web", "Resources", "Studio", "StudioResource.resx"))
            .Root!.Elements("data").Single(d => (string)d.Attribute("name")! == key).Element("value")!.Value;
}

/// <summary>The studio's site with its media folder on a 2 MB tmpfs of its own, mounted before the site starts.</summary>
public sealed class SmallMediaDiskSite : StudioSite
{
    public SmallMediaDiskSite() : base(DatabaseProvider.Sqlite)
    {
        Directory.CreateDirectory(MediaDirectory);
        MountProblem = Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", MediaDirectory);
    }

    /// <summary>Null when the tmpfs is mounted; otherwise what mount said.</summary>
    public string? MountProblem { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (MountProblem is null)
            Run("umount", "-l", MediaDirectory);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string? Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{file} exited with {process.ExitCode}: {output.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}
