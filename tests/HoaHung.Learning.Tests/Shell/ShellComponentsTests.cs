using Bunit;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Shell;

/// <summary>
/// The shell's components (issue 21 item 5): rendered for her they show her own markup; rendered as a shell they
/// leave slot markers (or nothing, for what is never shared). Pages use them instead of asking about the capture.
/// </summary>
public sealed class ShellComponentsTests : BunitContext
{
    private const string Nonce = "0123456789abcdef01234567";

    public ShellComponentsTests() => Services.AddLocalization(o => o.ResourcesPath = "Resources");

    private static HttpContext Request(bool capturing)
    {
        var http = new DefaultHttpContext();
        if (capturing)
            http.Features.Set(new ShellCapture(Nonce));
        return http;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Personal_text_is_her_text_or_its_slot(bool capturing)
    {
        var text = Render<PersonalText>(p => p.AddCascadingValue(Request(capturing)).Add(c => c.Slot, "name")
            .AddChildContent("Cô Lan"));

        Assert.Equal(capturing ? SlotMarkers.Text(Nonce, "name") : "Cô Lan", text.Markup);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void What_is_never_in_a_shell_is_rendered_only_for_her(bool capturing)
    {
        var links = Render<NeverInShell>(p => p.AddCascadingValue(Request(capturing)).AddChildContent("<a href=\"/soan-bai\">Soạn bài</a>"));

        Assert.Equal(capturing ? "" : "<a href=\"/soan-bai\">Soạn bài</a>", links.Markup);
    }

    [Fact]
    public void Variants_are_hers_or_every_form_marked()
    {
        RenderFragment<string> done = v => b => b.AddContent(0, v == "1" ? "Đã học" : "-");
        var forHer = Render<PersonalVariants>(p => p.AddCascadingValue(Request(false)).Add(c => c.Name, "done").Add(c => c.Current, "1")
            .Add(c => c.Values, ["0", "1"]).Add(c => c.ChildContent, done));
        var shell = Render<PersonalVariants>(p => p.AddCascadingValue(Request(true)).Add(c => c.Name, "done").Add(c => c.Current, "1")
            .Add(c => c.Values, ["0", "1"]).Add(c => c.ChildContent, done));

        Assert.Equal("Đã học", forHer.Markup);
        Assert.Equal($"{SlotMarkers.Variant(Nonce, "done", "0")}-{SlotMarkers.Variant(Nonce, "done", "1")}Đã học{SlotMarkers.End(Nonce, "done")}", shell.Markup);
    }

    [Fact]
    public void Accept_Encoding_is_read_in_one_place()
    {
        var src = Path.Combine(TestEnvironment.RepoRoot, "src");
        var readers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && File.ReadAllText(f).Contains("AcceptEncoding", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Equal(["ContentCodings.cs"], readers);
    }
}
