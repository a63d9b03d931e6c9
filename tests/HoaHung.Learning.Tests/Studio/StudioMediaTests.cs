using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>The lesson media library of the studio with real and hostile files, on each database provider.</summary>
public abstract class StudioMediaTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : StudioSite, new()
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected TSite Site { get; } = site;

    private async Task<(string UserId, DraftView Draft)> NewLessonAsync(string title = "Bài có ảnh")
    {
        Site.EnsureAvailable();
        var author = await Site.AuthorAsync();
        var draft = Assert.IsType<OpenResult.Opened>(await Site.Drafts.CreateAsync(author.Id,
            new LessonContent { Title = title, Summary = "Tóm tắt.", Topic = "dien-thoai" }, None)).Draft;
        return (author.Id, draft);
    }

    private string[] StoredFiles() =>
        Directory.GetFiles(Site.MediaDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Site.MediaDirectory, f)).Order().ToArray();

    private Task<(int Assets, int Library)> RowsAsync() =>
        Site.WithDbAsync(async db => (await db.MediaAssets.CountAsync(), await db.LessonMedia().CountAsync()));

    private static async Task<LibraryResult> Upload(Func<Stream, Task<LibraryResult>> upload, byte[] bytes)
    {
        await using var stream = new MemoryStream(bytes);
        return await upload(stream);
    }

    private byte[] StoredBytes(string url) => File.ReadAllBytes(Path.Combine(Site.MediaDirectory, url[MediaUrls.Prefix.Length..]));

    [Fact]
    public async Task A_phone_photo_comes_out_without_its_location_and_the_right_way_up()
    {
        var (userId, draft) = await NewLessonAsync();
        var gps = HostileFiles.JpegWithGps(900, 600);
        Assert.Contains("exif-ifd3-GPSLatitude", TestImages.MetadataFields(gps));

        var item = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddPictureAsync(userId, draft.LessonId, s, "IMG_2034.JPG", null, None), gps)).Item!;
        var sideways = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddPictureAsync(userId, draft.LessonId, s, "Ảnh chụp màn hình.jpg",
            "Màn hình đăng nhập", None), TestImages.JpegWithOrientationAndGps(1200, 600))).Item!;

        Assert.Equal(("img-2034.jpg", MediaKind.Image, 720, 480), (item.Path, item.Kind, item.Width, item.Height));
        Assert.Equal(("anh-chup-man-hinh.jpg", 360, 720), (sideways.Path, sideways.Width, sideways.Height));
        var asset = await Site.WithDbAsync(db => db.LessonMedia().Where(m => m.Path == sideways.Path && m.LessonId == draft.LessonId)
            .Select(m => m.Asset).SingleAsync());
        foreach (var file in MediaFileNames.AllFiles(asset).Append(MediaFileNames.MainFile(
            await Site.WithDbAsync(db => db.LessonMedia().Where(m => m.Path == item.Path).Select(m => m.Asset).SingleAsync()))))
        {
            var fields = TestImages.MetadataFields(File.ReadAllBytes(Path.Combine(Site.MediaDirectory, file)));
            Assert.DoesNotContain(fields, f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal));
            Assert.DoesNotContain("orientation", fields);
        }
        // Stored upright: the red quarter that was on the left of the sideways pixels is now at the top.
        var top = TestImages.ColourAt(StoredBytes(sideways.Url), 300, 20);
        Assert.True(top[0] > 200 && top[2] < 60, $"expected red at the top, got {string.Join(",", top)}");
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "png-50000", "khong-lo.png", MediaReasons.ImageTooManyPixels },
        { "truncated", "bi-cat.jpg", MediaReasons.ImageCorrupt },
        { "svg", "hinh.svg", MediaReasons.ImageUnsupportedFormat },
        { "svg-as-png", "hinh.png", MediaReasons.ImageUnsupportedFormat },
        { "animated-gif", "dong.gif", MediaReasons.ImageUnsupportedFormat },
        { "animated-webp", "dong.webp", MediaReasons.ImageTooManyFrames },
        { "text-as-mp4", "video.mp4", MediaReasons.VideoUnsupportedFormat },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_hostile_file_is_refused_with_its_reason_and_leaves_nothing_behind(string kind, string name, string reason)
    {
        var (userId, draft) = await NewLessonAsync();
        var files = StoredFiles();
        var rows = await RowsAsync();
        var bytes = kind switch
        {
            "png-50000" => HostileFiles.PngClaiming(50_000, 50_000),
            "truncated" => HostileFiles.TruncatedJpeg(),
            "svg" or "svg-as-png" => HostileFiles.SvgWithScript(),
            "animated-gif" => TestImages.AnimatedGif(64, 48, 3),
            "animated-webp" => HostileFiles.AnimatedWebP(64, 48, 3),
            _ => HostileFiles.TextNamedMp4(),
        };

        var result = await Upload(s => name.EndsWith(".mp4")
            ? Site.Media.AddVideoAsync(userId, draft.LessonId, s, name, None)
            : Site.Media.AddPictureAsync(userId, draft.LessonId, s, name, "Mô tả", None), bytes);

        Assert.Equal(new LibraryResult.Refused(reason), result);
        Assert.Equal(files, StoredFiles());
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task An_upload_cut_off_halfway_leaves_nothing_behind()
    {
        var (userId, draft) = await NewLessonAsync();
        var files = StoredFiles();
        var rows = await RowsAsync();

        var result = await Site.Media.AddVideoAsync(userId, draft.LessonId, new CutOffStream(TestMedia.Mp4(), after: 3 * 1024 * 1024), "video.mp4", None);

        Assert.Equal(new LibraryResult.Refused(StudioReasons.UploadInterrupted), result);
        Assert.Equal(files, StoredFiles());
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task A_video_with_its_captions_is_ready_for_the_lesson_and_bad_captions_are_refused()
    {
        var (userId, draft) = await NewLessonAsync();
        var video = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddVideoAsync(userId, draft.LessonId, s, "Hướng dẫn.MP4", None),
            TestMedia.Mp4())).Item!;
        Assert.Equal(("huong-dan.mp4", MediaKind.Video), (video.Path, video.Kind));

        var bad = await Upload(s => Site.Media.AddCaptionsAsync(userId, draft.LessonId, video.Path, s, None), "Không phải WebVTT"u8.ToArray());
        Assert.Equal(new LibraryResult.Refused(MediaReasons.CaptionsMissingHeader), bad);
        var captions = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddCaptionsAsync(userId, draft.LessonId, video.Path, s, None),
            System.Text.Encoding.UTF8.GetBytes(TestMedia.Vtt()))).Item!;
        Assert.Equal(("huong-dan.vi.vtt", MediaKind.Captions), (captions.Path, captions.Kind));
        Assert.Equal("![](huong-dan.mp4)", video.InsertionMarkdown);
    }

    [Fact]
    public async Task A_picture_needs_a_description_before_it_goes_into_the_lesson()
    {
        var (userId, draft) = await NewLessonAsync();
        var item = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddPictureAsync(userId, draft.LessonId, s, "buoc 1.png", null, None),
            TestMedia.Png(500, 300))).Item!;
        Assert.Equal(("buoc-1.png", ""), (item.Path, item.Description));
        Assert.Null(item.InsertionMarkdown);

        var described = Assert.IsType<LibraryResult.Done>(await Site.Media.DescribeAsync(userId, draft.LessonId, item.Path,
            "  Nút [Đăng ký] ở\ngóc phải  ", None)).Item!;
        Assert.Equal("Nút [Đăng ký] ở góc phải", described.Description);
        Assert.Equal(@"![Nút \[Đăng ký\] ở góc phải](buoc-1.png)", described.InsertionMarkdown);

        // The same bytes again are the same library entry, not a copy.
        var again = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddPictureAsync(userId, draft.LessonId, s, "khac.png", null, None),
            TestMedia.Png(500, 300))).Item!;
        Assert.Equal(item.Path, again.Path);
    }

    [Fact]
    public async Task A_picture_in_use_can_be_replaced_in_place_but_not_removed()
    {
        var (userId, draft) = await NewLessonAsync();
        var item = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddPictureAsync(userId, draft.LessonId, s, "buoc.png", "Bước một", None),
            TestMedia.Png(400, 300))).Item!;
        var unused = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.AddPictureAsync(userId, draft.LessonId, s, "thua.png", "Ảnh thừa", None),
            TestMedia.Png(410, 300))).Item!;
        Assert.IsType<DraftResult.Saved>(await Site.Drafts.SaveAsync(userId, draft.LessonId,
            new DraftEdit(draft.Version, draft.Content with { Body = item.InsertionMarkdown! }), None));

        Assert.Equal(new LibraryResult.Refused(StudioReasons.MediaInUse), await Site.Media.RemoveAsync(userId, draft.LessonId, item.Path, None));
        var replaced = Assert.IsType<LibraryResult.Done>(await Upload(s => Site.Media.ReplaceAsync(userId, draft.LessonId, item.Path, s, None),
            TestMedia.Png(800, 500))).Item!;
        Assert.Equal((item.Path, "Bước một", 720, true), (replaced.Path, replaced.Description, replaced.Width, replaced.InUse));
        Assert.NotEqual(item.Url, replaced.Url);

        Assert.Equal(new LibraryResult.Done(null), await Site.Media.RemoveAsync(userId, draft.LessonId, unused.Path, None));
        Assert.Equal([item.Path], (await Site.Media.ListAsync(userId, draft.LessonId, None))!.Select(i => i.Path));
    }

    [Fact]
    public async Task YouTube_links_become_a_player_and_other_addresses_do_not()
    {
        Assert.Equal("![Xem cách quét mã](https://youtu.be/dQw4w9WgXcQ)", StudioMedia.YouTubeMarkdown(" https://youtu.be/dQw4w9WgXcQ ", "Xem cách quét mã"));
        Assert.Null(StudioMedia.YouTubeMarkdown("https://vimeo.com/123", "Khác"));
        Assert.Null(StudioMedia.YouTubeMarkdown("javascript:alert(1)", "x"));
        await Task.CompletedTask;
    }

    /// <summary>A request body that stops: the client went away after <c>after</c> bytes.</summary>
    private sealed class CutOffStream(byte[] head, long after) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position >= after) throw new IOException("The client went away.");
            var n = (int)Math.Min(count, after - position);
            for (var i = 0; i < n; i++)
                buffer[offset + i] = position + i < head.Length ? head[position + i] : (byte)0;
            position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class StudioMediaTestsOnSqlite(StudioSqliteSite site) : StudioMediaTests<StudioSqliteSite>(site);

public sealed class StudioMediaTestsOnPostgres(StudioPostgresSite site) : StudioMediaTests<StudioPostgresSite>(site);
