using System.Net;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// Issue 26 item 1, the start: in Production the site refuses to serve when any Host header would do for its links
/// (<c>AllowedHosts</c> <c>*</c> and no <c>App:PublicBaseUrl</c>), saying in Vietnamese and English what to set; with
/// the public address set, its links come from it whatever Host a client sends. (The check runs before the database
/// is touched, so one provider is enough.)
/// </summary>
public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("Production", "*", null, true)]
    [InlineData("Production", null, null, true)]
    [InlineData("Production", "hoc.hoahung.example;*", "", true)]
    [InlineData("production", " * ", " ", true)]
    [InlineData("Production", "*", "https://hoc.hoahung.example", false)]
    [InlineData("Production", "hoc.hoahung.example", null, false)]
    [InlineData("Development", "*", null, false)]
    [InlineData("Testing", "*", null, false)]
    public void Production_needs_a_public_address_or_a_narrow_host_list(string environment, string? allowedHosts, string? publicBaseUrl, bool refused)
    {
        var problem = PublicAddress.Problem(environment, allowedHosts, publicBaseUrl);
        Assert.Equal(refused, problem is not null);
        if (problem is not null)
        {
            Assert.Contains("Trang không khởi động", problem);
            Assert.Contains("Hãy đặt biến môi trường App__PublicBaseUrl", problem);
            Assert.Contains("Set the environment variable App__PublicBaseUrl", problem);
        }
    }

    [Fact]
    public async Task The_site_refuses_to_start_in_production_with_any_host_and_no_public_address()
    {
        using var content = new ContentFolder().Topics(("chu-de", "Chủ đề")).Lesson("bai-mot", "Bài một", "chu-de");
        await using var site = new ProductionSite(content, publicBaseUrl: null);
        var e = Assert.ThrowsAny<Exception>(() => site.Client());
        var message = string.Join("\n", Chain(e).Select(x => x.Message));
        Assert.Contains("Trang không khởi động", message);
        Assert.Contains("App__PublicBaseUrl", message);
        Assert.False(File.Exists(Path.Combine(site.DataDirectory, "hoahung.db")), "refused before the database was touched");
    }

    [Fact]
    public async Task With_its_public_address_set_the_sites_links_ignore_the_host_a_client_sends()
    {
        using var content = new ContentFolder().Topics(("chu-de", "Chủ đề")).Lesson("bai-mot", "Bài một", "chu-de");
        await using var site = new ProductionSite(content, publicBaseUrl: "https://hoc.hoahung.example");
        using var response = await site.Client().GetAsync("http://hoc-hoahung.evil.example/bai-hoc/bai-mot");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<link rel=\"canonical\" href=\"https://hoc.hoahung.example/bai-hoc/bai-mot\"", html);
        Assert.DoesNotContain("evil.example", html);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        yield return e;
        var inner = e is AggregateException all ? all.InnerExceptions : e.InnerException is { } one ? [one] : [];
        foreach (var x in inner.SelectMany(Chain))
            yield return x;
    }

    private sealed class ProductionSite(ContentFolder content, string? publicBaseUrl) : SiteFactory(DatabaseProvider.Sqlite, content.Root)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("AllowedHosts", "*");
            if (publicBaseUrl is not null)
                builder.UseSetting("App:PublicBaseUrl", publicBaseUrl);
        }
    }
}
