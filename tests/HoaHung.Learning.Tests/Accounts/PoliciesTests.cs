using System.Reflection;
using System.Security.Claims;
using System.Text.RegularExpressions;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>
/// Issue 21, item 3: who may act is said once, in <see cref="Policies"/>. Pages, endpoints and services name a policy;
/// no other file lists roles for a permission (an <c>[Authorize(Roles = …)]</c>, a <c>RequireRole</c>, an
/// <c>IsInRole</c>, or two staff roles written side by side).
/// </summary>
public sealed partial class PoliciesTests
{
    private static readonly string[] TheOnePlace = ["Policies.cs", "Roles.cs"];

    [GeneratedRegex(@"Authorize\s*\(\s*Roles\s*=|\bRequireRole\s*\(|\bIsInRole(Async)?\b")]
    private static partial Regex RoleCheck();

    [GeneratedRegex(@"\bRoles\s*\.\s*(Author|Reviewer|Trainer|Admin|Official)\b")]
    private static partial Regex StaffRole();

    [GeneratedRegex(@"""(Author|Reviewer|Trainer|Admin|Official)\s*,")]
    private static partial Regex RoleListString();

    [Fact]
    public void No_file_in_src_but_Policies_lists_the_roles_of_a_permission()
    {
        var src = Path.Combine(TestEnvironment.RepoRoot, "src");
        var offenders = new List<string>();
        foreach (var file in SourceFiles(src).Where(f => !TheOnePlace.Contains(Path.GetFileName(f))))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (Offends(lines[i]))
                    offenders.Add($"{Path.GetRelativePath(src, file)}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(offenders.Count == 0, "Name a policy of src/HoaHung.Learning/Accounts/Policies.cs instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_grep_sees_what_it_looks_for()
    {
        Assert.True(Offends("@attribute [Authorize(Roles = $\"{Roles.Trainer},{Roles.Admin}\")]"));
        Assert.True(Offends("[Authorize(Roles = \"Admin\")]"));
        Assert.True(Offends(".RequireAuthorization(p => p.RequireRole(Roles.Trainer, Roles.Admin));"));
        Assert.True(Offends("if (user.IsInRole(\"Admin\"))"));
        Assert.True(Offends("await users.IsInRoleAsync(actor, Roles.Admin)"));
        Assert.True(Offends("Of(user.IsInRole)"));
        Assert.True(Offends("public const string StaffRoles = Roles.Author + \",\" + Roles.Reviewer;"));
        Assert.True(Offends("user.Roles.Any(r => r is Roles.Author or Roles.Trainer)"));
        Assert.True(Offends("const string Who = \"Trainer,Admin\";"));
        Assert.False(Offends("@attribute [Authorize(Policy = Policies.CanTeach)]"));
        Assert.False(Offends("if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))"));
        Assert.False(Offends("Color=\"@(r == Roles.Admin ? Color.Secondary : r == Roles.Learner ? Color.Default : Color.Primary)\""));
    }

    [Fact]
    public void No_component_or_endpoint_attribute_of_the_site_names_roles_and_every_policy_named_is_registered()
    {
        var wrong = typeof(HoaHung.Learning.Web.Layout.StaffTools).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => (Type: t, Attribute: a)))
            .Where(x => x.Attribute.Roles is not null || (x.Attribute.Policy is { } p && !Policies.RolesOf.ContainsKey(p)))
            .Select(x => $"{x.Type.FullName}: Roles={x.Attribute.Roles}, Policy={x.Attribute.Policy}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(Policies.CanAuthor, "Author,Reviewer,Admin")]
    [InlineData(Policies.CanReview, "Reviewer,Admin")]
    [InlineData(Policies.CanTeach, "Trainer,Admin")]
    [InlineData(Policies.CanAdminister, "Admin")]
    [InlineData(Policies.WardFigures, "Official,Admin")]
    public async Task Each_policy_is_registered_once_and_admits_exactly_its_roles(string policy, string admitted)
    {
        await using var services = new ServiceCollection().AddLogging().AddAccessPolicies().BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var expected = admitted.Split(',');
        foreach (var role in Roles.All)
        {
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role), new Claim(ClaimTypes.Role, Roles.Learner)], "test"));
            var result = await authorization.AuthorizeAsync(user, policy);
            Assert.Equal(expected.Contains(role), result.Succeeded);
            Assert.Equal(expected.Contains(role), Policies.Allows(policy, [role, Roles.Learner]));
            Assert.Equal(expected.Contains(role), Policies.Allows(policy, user));
        }
        Assert.False((await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), policy)).Succeeded);
        Assert.False(Policies.Allows(policy, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin)]))));
    }

    private static bool Offends(string line) =>
        RoleCheck().IsMatch(line) || RoleListString().IsMatch(line)
        || StaffRole().Matches(line).Select(m => m.Groups[1].Value).Distinct().Count() > 1;

    private static IEnumerable<string> SourceFiles(string src) =>
        Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
