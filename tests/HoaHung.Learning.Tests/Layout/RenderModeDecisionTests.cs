using System.Reflection;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace HoaHung.Learning.Tests.Layout;

/// <summary>
/// Issue 21, item 5: every routable page says how it renders. A learner page is static SSR
/// (<see cref="ExcludeFromInteractiveRoutingAttribute"/>, so a circuit never routes to it); a staff tool is Interactive
/// Server (<see cref="StaffToolPageAttribute"/>, and authorized by a policy). A page that says neither, or both, fails
/// here, so no learner page becomes interactive by accident.
/// </summary>
public sealed class RenderModeDecisionTests
{
    private static readonly Assembly Site = typeof(StaffToolPageAttribute).Assembly;

    private static IEnumerable<Type> Pages() =>
        Site.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes<RouteAttribute>().Any());

    [Fact]
    public void Every_routable_page_is_either_a_static_learner_page_or_a_staff_tool()
    {
        var pages = Pages().ToList();
        Assert.True(pages.Count > 40, $"only {pages.Count} routable pages found");
        var undecided = pages
            .Where(p => p.IsDefined(typeof(ExcludeFromInteractiveRoutingAttribute), true) == p.IsDefined(typeof(StaffToolPageAttribute), true))
            .Select(p => $"{p.FullName} ({string.Join(", ", p.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))})")
            .ToList();
        Assert.True(undecided.Count == 0,
            "Each page needs exactly one of [ExcludeFromInteractiveRouting] (a learner page: static) or [StaffToolPage] (Interactive Server):\n"
            + string.Join("\n", undecided));
    }

    [Fact]
    public void No_page_picks_its_own_render_mode_and_every_staff_tool_is_authorized_by_a_policy()
    {
        var ownMode = Pages().Where(p => p.GetCustomAttributes(true).OfType<RenderModeAttribute>().Any()).Select(p => p.FullName).ToList();
        Assert.True(ownMode.Count == 0, "App decides the render mode from [StaffToolPage]; these set @rendermode themselves: " + string.Join(", ", ownMode));
        var open = Pages().Where(p => p.IsDefined(typeof(StaffToolPageAttribute), true)
                && !p.GetCustomAttributes<AuthorizeAttribute>(true).Any(a => a.Policy is not null))
            .Select(p => p.FullName).ToList();
        Assert.True(open.Count == 0, "Staff tools without a policy: " + string.Join(", ", open));
    }

    [Fact]
    public void Only_the_shell_asks_whether_a_page_is_being_captured()
    {
        var web = Path.Combine(TestEnvironment.RepoRoot, "src", "HoaHung.Learning.Web");
        var shell = Path.Combine(web, "Shell") + Path.DirectorySeparatorChar;
        var askers = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.StartsWith(shell, StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("ShellCapture", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();
        // A page's filler (IShellFiller) is the shell's partner: it notes the facts it will need.
        Assert.Equal([Path.Combine("Catalog", "LessonPageShell.cs"), Path.Combine("Catalog", "PathPageShell.cs")], askers.Order(StringComparer.Ordinal));
    }
}
