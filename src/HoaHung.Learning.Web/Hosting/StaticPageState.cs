using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// Learner pages (<see cref="ExcludeFromInteractiveRoutingAttribute"/>: static SSR, no Blazor script) get no
/// persisted component state. Once an interactive render mode is configured, Blazor ends every page it renders with
/// a <c>&lt;!--Blazor-Server-Component-State:…--&gt;</c> comment encrypted for that response (~750 bytes here,
/// holding an empty antiforgery token): nothing on a static page reads it, it costs a Data Protection encryption
/// per render, and it made every cached page ~10% heavier for a phone on mobile data. Blazor skips it for an
/// endpoint whose configured render modes are none; that metadata type is internal, so it is made by reflection,
/// once. If a future version renames it, pages keep working (with the comment again) and
/// <c>StaticPageStateTests</c> fails.
/// </summary>
internal static class StaticPageState
{
    private static readonly object? NoRenderModes = typeof(RazorComponentsEndpointConventionBuilder).Assembly
        .GetType("Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata")
        ?.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [typeof(IComponentRenderMode[])])
        ?.Invoke([Array.Empty<IComponentRenderMode>()]);

    public static void NoneForStaticPages(EndpointBuilder endpoint)
    {
        if (NoRenderModes is not null && endpoint.Metadata.OfType<ExcludeFromInteractiveRoutingAttribute>().Any())
            endpoint.Metadata.Add(NoRenderModes);
    }
}
