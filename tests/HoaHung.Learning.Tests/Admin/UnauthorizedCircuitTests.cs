using Bunit;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Accounts;
using HoaHung.Learning.Tests.ContentPacks;
using HoaHung.Learning.Web.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Admin;

/// <summary>
/// A circuit on a staff page for someone without the role (a learner's circuit, or an admin demoted while it runs):
/// the router shows the "not authorized" content. In a circuit there is no HttpContext, which the learner layout
/// used to read, so the circuit died with a NullReferenceException instead (issue 16).
/// </summary>
public sealed class UnauthorizedCircuitTests(EmptySqliteSite site) : IClassFixture<EmptySqliteSite>
{
    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Author)]
    public async Task A_circuit_without_the_admin_role_renders_the_not_authorized_content(string role)
    {
        site.EnsureAvailable();
        await site.UserAsync(AccountSeed.UniquePhone(), "Phạm Thị Bí Mật");
        await using var ctx = new StaffComponents(site, await site.UserAsync(roles: role), role);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/quan-tri/nguoi-dung");

        var routes = ctx.Render<Routes>();

        routes.WaitForAssertion(() => Assert.Equal("Bạn không có quyền xem trang này.", routes.Find(".not-authorized").TextContent.Trim()));
        Assert.DoesNotContain("Bí Mật", routes.Markup);
        Assert.Empty(routes.FindAll(".admin-users__table"));
    }
}
