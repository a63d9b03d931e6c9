using HoaHung.Learning.Media;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Tests.Media;

public sealed class FileSystemMediaStoreTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FileSystemMediaStore store;
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public FileSystemMediaStoreTests() => store = new FileSystemMediaStore(Options.Create(new MediaOptions { Root = folder.Path }));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Written_file_can_be_read_back_under_its_name()
    {
        await store.WriteAsync("abcdefgh23-720.webp", new byte[] { 1, 2, 3 }, ct);

        Assert.True(store.Exists("abcdefgh23-720.webp"));
        await using var read = store.OpenRead("abcdefgh23-720.webp");
        var copy = new MemoryStream();
        await read.CopyToAsync(copy, ct);
        Assert.Equal(new byte[] { 1, 2, 3 }, copy.ToArray());
        Assert.Equal(Path.Combine(folder.Path, "abcdefgh23-720.webp"), store.PhysicalPath("abcdefgh23-720.webp"));
    }

    [Fact]
    public async Task Upload_is_invisible_until_committed_and_leaves_no_temporary_file()
    {
        await using (var upload = store.BeginUpload())
        {
            await upload.Content.WriteAsync(new byte[1000], ct);
            Assert.False(store.Exists("abcdefgh.mp4"));

            await upload.CommitAsync("abcdefgh.mp4", ct);
        }

        Assert.True(store.Exists("abcdefgh.mp4"));
        Assert.Equal(1000, new FileInfo(store.PhysicalPath("abcdefgh.mp4")).Length);
        Assert.Equal(["abcdefgh.mp4"], FilesIn(folder.Path));
    }

    [Fact]
    public async Task Upload_disposed_without_commit_leaves_nothing_behind()
    {
        await using (var upload = store.BeginUpload())
            await upload.Content.WriteAsync(new byte[1000], ct);

        Assert.Empty(FilesIn(folder.Path));
    }

    [Fact]
    public async Task Commit_never_replaces_an_existing_file()
    {
        await store.WriteAsync("abcdefgh.vtt", "first"u8.ToArray(), ct);

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("abcdefgh.vtt", "second"u8.ToArray(), ct));

        Assert.Equal("first", await File.ReadAllTextAsync(store.PhysicalPath("abcdefgh.vtt"), ct));
        Assert.Equal(["abcdefgh.vtt"], FilesIn(folder.Path));
    }

    [Fact]
    public async Task Root_given_with_a_trailing_separator_works_the_same()
    {
        var slashed = new FileSystemMediaStore(Options.Create(new MediaOptions { Root = folder.Path + Path.DirectorySeparatorChar }));

        await slashed.WriteAsync("abcdefgh.png", new byte[] { 1 }, ct);

        Assert.Equal(Path.Combine(folder.Path, "abcdefgh.png"), slashed.PhysicalPath("abcdefgh.png"));
        Assert.True(store.Exists("abcdefgh.png"));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_ignores_a_missing_one()
    {
        await store.WriteAsync("abcdefgh.jpg", new byte[] { 1 }, ct);

        store.Delete("abcdefgh.jpg");
        store.Delete("abcdefgh.jpg");

        Assert.False(store.Exists("abcdefgh.jpg"));
    }

    [Theory]
    [InlineData("../abcdefgh.jpg")]
    [InlineData("..%2fabcdefgh.jpg")]
    [InlineData("sub/abcdefgh.jpg")]
    [InlineData("sub\\abcdefgh.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("abcdefgh.jpg/..")]
    [InlineData("ABCDEFGH.jpg")]
    [InlineData("abcdefg.jpg")]
    [InlineData("abcdefgh.exe")]
    [InlineData("abcdefgh.svg")]
    [InlineData("abcdefgh.jpg\n")]
    [InlineData("abcdefgh.jpg ")]
    [InlineData("abcdefgh-0.webp")]
    [InlineData("abcdefgh-123456.webp")]
    [InlineData("abcdefgh")]
    [InlineData(".incoming")]
    [InlineData("")]
    public async Task Names_outside_the_key_and_suffix_pattern_are_refused(string name)
    {
        Assert.False(store.Exists(name));
        Assert.Throws<ArgumentException>(() => store.PhysicalPath(name));
        Assert.Throws<ArgumentException>(() => store.OpenRead(name));
        Assert.Throws<ArgumentException>(() => store.Delete(name));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(name, new byte[] { 1 }, ct));
        Assert.Empty(FilesIn(folder.Path));
    }

    [Fact]
    public void New_keys_are_random_lower_case_and_valid()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => MediaFileNames.NewKey()).ToList();

        Assert.All(keys, k => Assert.True(MediaFileNames.IsValid(k + ".jpg") && k.Length >= 20, k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    private static string[] FilesIn(string path) =>
        Directory.GetFiles(path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToArray()!;
}

/// <summary>A fresh folder under the system temp folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hoahung-media-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
