using System.IO.Compression;
using System.Text;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Packs;

/// <summary>The unzip of an untrusted pack: every hostile entry refuses the whole pack, and nothing is written outside the folder.</summary>
public sealed class PackArchiveTests : IDisposable
{
    private readonly string outside = TestEnvironment.NewTempDirectory("hh-pack-outside");
    private readonly string target;

    public PackArchiveTests() => target = Path.Combine(outside, "goi");

    public static TheoryData<string, int, string> HostileEntries => new()
    {
        { "../thoat-ra.md", 0, "ra ngoài gói" },
        { "lessons/bai/../../../thoat-ra.md", 0, "ra ngoài gói" },
        { "/etc/cron.d/goi", 0, "tuyệt đối" },
        { "C:/Windows/goi.md", 0, "tuyệt đối" },
        { "lessons\\bai\\index.md", 0, "tuyệt đối" },
        { "lessons/bai-trong-goi/lien-ket.png", 0xA1FF, "symlink" },
        { "lessons/bai-trong-goi/ong.png", 0x11B6, "không phải tệp thường" },
        { "lessons/bai-trong-goi/virus.exe", 0, "loại tệp không được nhận" },
        { "lessons/bai-trong-goi/hinh.svg", 0, "loại tệp không được nhận" },
        { "lessons/bai-trong-goi/con/index.md", 0, "không thuộc định dạng" },
        { "__MACOSX/._index.md", 0, "không thuộc định dạng" },
        { "README.txt", 0, "không thuộc định dạng" },
        { "lessons/Bai-Hoa/index.md", 0, "không thuộc định dạng" },
    };

    [Theory]
    [MemberData(nameof(HostileEntries))]
    public void A_hostile_entry_refuses_the_pack_and_writes_nothing_outside(string name, int mode, string reason)
    {
        var file = PackZip.Write([.. PackZip.Valid(), (name, "nội dung"u8.ToArray(), mode)]);

        var problem = PackArchive.Unpack(file, target, PackLimits.Default, CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains(reason, PackText.Of(problem));
        Assert.Equal(["goi"], Directory.GetFileSystemEntries(outside).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFileSystemEntries(target)); // names are judged before anything is written
    }

    [Fact]
    public void A_valid_pack_unpacks_into_the_content_layout()
    {
        var file = PackZip.Write(PackZip.Valid());

        Assert.Null(PackArchive.Unpack(file, target, PackLimits.Default, CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(target, "lessons", "bai-trong-goi", "anh.png")));
        Assert.Equal(PackZip.Topics, File.ReadAllText(Path.Combine(target, "topics.yml")));
    }

    [Fact]
    public void A_pack_zipped_by_its_folder_is_read_from_inside_it_and_still_judged_entry_by_entry()
    {
        var wrapped = PackZip.Valid().Select(e => ("goi-an-toan/" + e.Name, e.Bytes, e.Mode)).Prepend(("goi-an-toan/", Array.Empty<byte>(), 0)).ToList();

        Assert.Null(PackArchive.Unpack(PackZip.Write(wrapped), target, PackLimits.Default, CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(target, "lessons", "bai-trong-goi", "index.md")));

        var escaping = PackArchive.Unpack(PackZip.Write([.. wrapped, ("goi-an-toan/../thoat.md", "x"u8.ToArray(), 0)]),
            Path.Combine(outside, "goi-2"), PackLimits.Default, CancellationToken.None);
        Assert.Contains("ra ngoài gói", PackText.Of(escaping));
    }

    [Fact]
    public void More_entries_than_allowed_are_refused_before_any_is_read()
    {
        var entries = Enumerable.Range(0, 10_000).Select(i => ($"lessons/bai-{i}/index.md", "x"u8.ToArray(), 0));

        var problem = PackArchive.Unpack(PackZip.Write(entries, CompressionLevel.NoCompression), target, PackLimits.Default, CancellationToken.None);

        Assert.Contains("10.000 mục", PackText.Of(problem).Replace(",", "."));
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void An_entry_count_declared_in_the_end_record_is_judged_before_the_directory_is_read()
    {
        var file = PackZip.Write(PackZip.Valid());
        var bytes = File.ReadAllBytes(file);
        var end = bytes.Length - 22; // no comment: the end record is the last 22 bytes
        Assert.Equal(0x06054b50, BitConverter.ToInt32(bytes, end));
        BitConverter.GetBytes((ushort)60_000).CopyTo(bytes, end + 8);
        BitConverter.GetBytes((ushort)60_000).CopyTo(bytes, end + 10);
        File.WriteAllBytes(file, bytes);

        var problem = PackArchive.Unpack(file, target, PackLimits.Default, CancellationToken.None);

        Assert.Contains("60.000 mục", PackText.Of(problem).Replace(",", "."));
    }

    [Fact]
    public void A_zip_bomb_is_stopped_by_its_ratio_on_the_bytes_actually_decompressed()
    {
        var bomb = new byte[50 * 1024 * 1024]; // 50 MB of zeros: about 50 KB compressed
        var file = PackZip.Write([.. PackZip.Valid(), ("lessons/bai-trong-goi/bom.mp4", bomb, 0)], CompressionLevel.SmallestSize);

        var problem = PackArchive.Unpack(file, target, PackLimits.Default, CancellationToken.None);

        Assert.Contains("tỉ lệ nén", PackText.Of(problem));
        Assert.True(new FileInfo(Path.Combine(target, "lessons", "bai-trong-goi", "bom.mp4")).Length < 10 * 1024 * 1024);
    }

    [Fact]
    public void The_total_unpacked_size_is_capped_on_the_bytes_actually_decompressed()
    {
        var noise = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(noise); // incompressible: the ratio is 1, only the total can stop it
        var file = PackZip.Write([.. PackZip.Valid(), ("lessons/bai-trong-goi/a.mp4", noise, 0), ("lessons/bai-trong-goi/b.mp4", noise, 0)]);

        var problem = PackArchive.Unpack(file, target, new PackLimits(MaxUnpackedBytes: 4 * 1024 * 1024), CancellationToken.None);

        Assert.Contains("giải nén ra hơn 4 MB", PackText.Of(problem));
    }

    [Fact]
    public void A_duplicate_name_differing_only_in_case_is_refused()
    {
        var file = PackZip.Write([.. PackZip.Valid(), ("lessons/bai-trong-goi/ANH.png", TestMedia.Png(10, 10), 0)]);

        Assert.Contains("hai lần", PackText.Of(PackArchive.Unpack(file, target, PackLimits.Default, CancellationToken.None)));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_with_a_reason()
    {
        var file = Path.Combine(outside, "khong-phai.zip");
        File.WriteAllText(file, "Đây không phải tệp nén.", Encoding.UTF8);

        Assert.Contains("không phải tệp .zip", PackText.Of(PackArchive.Unpack(file, target, PackLimits.Default, CancellationToken.None)));
    }

    public void Dispose()
    {
        try { Directory.Delete(outside, recursive: true); } catch (IOException) { }
    }
}
