namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>
/// The real clock moved forward by what a test asks, so "she read for five minutes" takes no five minutes. Only ever
/// forward (cookies, lockouts and caches see time pass as they would).
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, Math.Max(0, by.Ticks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}
