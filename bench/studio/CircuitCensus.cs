using System.Collections;
using System.Reflection;
using System.Text;

namespace HoaHung.Learning.StudioBench;

/// <summary>
/// Diagnostics (STUDIO_PAUSE only): what the open circuits hold, by component type — render tree frames in use and
/// the capacity of both of each component's frame buffers (current and next), read by reflection from the framework's
/// internals. Written beside the pause file so a run can be compared with a heap snapshot.
/// </summary>
internal static class CircuitCensus
{
    private const BindingFlags All = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static string Take(IServiceProvider services)
    {
        var registryType = Type.GetType("Microsoft.AspNetCore.Components.Server.Circuits.CircuitRegistry, Microsoft.AspNetCore.Components.Server")!;
        var registry = services.GetService(registryType)!;
        var connected = (IDictionary)registryType.GetProperty("ConnectedCircuits", All)!.GetValue(registry)!;
        var byType = new Dictionary<string, (int Count, long InUse, long Capacity)>();
        long handlers = 0;
        foreach (DictionaryEntry entry in connected)
        {
            var host = entry.Value!;
            var renderer = host.GetType().GetProperty("Renderer", All)!.GetValue(host)!;
            var rendererBase = renderer.GetType();
            while (rendererBase.Name != "Renderer") rendererBase = rendererBase.BaseType!;
            var states = (IDictionary)rendererBase.GetField("_componentStateById", All)!.GetValue(renderer)!;
            handlers += ((ICollection)rendererBase.GetField("_eventBindings", All)!.GetValue(renderer)!).Count;
            foreach (DictionaryEntry s in states)
            {
                var state = s.Value!;
                var stateType = state.GetType();
                while (stateType.Name != "ComponentState") stateType = stateType.BaseType!;
                var component = stateType.GetProperty("Component", All)!.GetValue(state)!;
                long inUse = 0, capacity = 0;
                foreach (var field in stateType.GetFields(All).Where(f => f.FieldType.Name == "RenderTreeBuilder"))
                    Add(field.GetValue(state), ref inUse, ref capacity, field.Name.Contains("Current", StringComparison.Ordinal));
                var name = component.GetType().Name;
                var (c, u, cap) = byType.GetValueOrDefault(name);
                byType[name] = (c + 1, u + inUse, cap + capacity);
            }
        }
        var text = new StringBuilder();
        text.AppendLine($"circuits {connected.Count}, event handlers {handlers}");
        text.AppendLine("components  frames-in-use  frame-capacity(both buffers)  type");
        foreach (var (name, (count, inUse, capacity)) in byType.OrderByDescending(x => x.Value.Capacity))
            text.AppendLine($"{count,6} {inUse,10} {capacity,10}  {name}");
        text.AppendLine($"total frames in use {byType.Values.Sum(v => v.InUse)}, capacity {byType.Values.Sum(v => v.Capacity)}");
        return text.ToString();
    }

    private static void Add(object? builder, ref long inUse, ref long capacity, bool current)
    {
        if (builder is null) return;
        var entries = builder.GetType().GetField("_entries", All)!.GetValue(builder)!;
        var t = entries.GetType();
        while (t.GetField("_items", All) is null) t = t.BaseType!;
        var items = (Array)t.GetField("_items", All)!.GetValue(entries)!;
        capacity += items.Length;
        if (current) inUse += (int)t.GetField("_itemsInUse", All)!.GetValue(entries)!;
    }
}
