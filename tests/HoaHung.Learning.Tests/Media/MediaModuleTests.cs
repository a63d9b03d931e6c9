using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Tests.Media;

public sealed class MediaModuleTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public void Dispose()
    {
        connection.Dispose();
        folder.Dispose();
    }

    private ServiceProvider Build(Action<MediaOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<LearningDbContext, SqliteLearningDbContext>(o => o.UseSqlite(connection));
        services.AddMedia(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Fact]
    public void Processor_and_store_are_shared_and_the_library_is_per_scope()
    {
        using var provider = Build(o => o.Root = folder.Path);

        Assert.IsType<VipsImageProcessor>(provider.GetRequiredService<IImageProcessor>());
        Assert.Same(provider.GetRequiredService<IImageProcessor>(), provider.GetRequiredService<IImageProcessor>());
        Assert.Same(provider.GetRequiredService<IMediaStore>(), provider.GetRequiredService<IMediaStore>());
        using var a = provider.CreateScope();
        using var b = provider.CreateScope();
        Assert.NotSame(a.ServiceProvider.GetRequiredService<MediaLibrary>(), b.ServiceProvider.GetRequiredService<MediaLibrary>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("relative/media", 1, 360)]
    [InlineData("", 1, 360)]
    [InlineData(null, 0, 360)]
    [InlineData(null, 1, 9000)]
    public void Invalid_options_are_reported_at_start(string? root, int maxFrames, int width)
    {
        using var provider = Build(o =>
        {
            o.Root = root ?? folder.Path;
            o.MaxFrames = maxFrames;
            o.ImageWidths = [width];
        });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MediaOptions>>().Value);
    }
}
