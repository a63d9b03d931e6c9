using HoaHung.Learning.Studio.Review;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HoaHung.Learning.Web.Studio.Review;

/// <summary>
/// The seats (<see cref="EditorPresence"/>) taken by the editors of one circuit: away while its connection is down,
/// given up when the circuit ends, so a closed laptop does not keep saying "Chị Thảo đang sửa bài này".
/// </summary>
public sealed class CircuitSeats(EditorPresence presence) : CircuitHandler
{
    private readonly Lock gate = new();
    private readonly List<EditorPresence.Seat> seats = [];

    public EditorPresence.Seat Enter(int lessonId, string userId, string name)
    {
        var seat = presence.Enter(lessonId, userId, name);
        lock (gate)
            seats.Add(seat);
        return seat;
    }

    public void Leave(EditorPresence.Seat seat)
    {
        lock (gate)
            seats.Remove(seat);
        seat.Dispose();
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        foreach (var seat in Snapshot())
            seat.SetAway(true);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        foreach (var seat in Snapshot())
            seat.SetAway(false);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        foreach (var seat in Snapshot())
            Leave(seat);
        return Task.CompletedTask;
    }

    private List<EditorPresence.Seat> Snapshot()
    {
        lock (gate)
            return [.. seats];
    }
}
