namespace HoaHung.Learning.Web.Layout;

/// <summary>
/// A staff tool's page: Interactive Server with MudBlazor under the staff layout (docs/architecture.md §3). A learner
/// page carries <see cref="Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute"/> instead (static,
/// and a circuit never routes to it). Every routable page says exactly one of the two (<c>RenderModeDecisionTests</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StaffToolPageAttribute : Attribute;
