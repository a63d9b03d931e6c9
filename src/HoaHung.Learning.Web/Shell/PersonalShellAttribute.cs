namespace HoaHung.Learning.Web.Shell;

/// <summary>
/// Marks a learner page whose signed-in version is served from a <see cref="PageShell"/>: everything personal on it
/// (and in the layout) goes through slots, and <paramref name="filler"/> (an <see cref="IShellFiller"/>, resolved per
/// request) does the page's personal work and gives the slots' values.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PersonalShellAttribute(Type filler) : Attribute
{
    public Type Filler => filler;
}
