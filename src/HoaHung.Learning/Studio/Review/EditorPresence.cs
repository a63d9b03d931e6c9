namespace HoaHung.Learning.Studio.Review;

/// <summary>Someone with a lesson open in the editor, since when.</summary>
public sealed record PresentEditor(string UserId, string Name, DateTime Since);

/// <summary>
/// Who has which lesson open in the editor right now, from the editors' circuits (no locks: a lock goes stale when a
/// laptop sleeps; showing who else is there does not). A seat is taken when an editor opens a lesson and given up when
/// it closes or its circuit ends; while the circuit's connection is down the seat is away and not shown.
/// In memory, per instance: editors of one lesson on two instances do not see each other (optimistic concurrency still
/// stops either from overwriting the other).
/// </summary>
public sealed class EditorPresence(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, List<Seat>> lessons = [];

    /// <summary>Raised with the lesson id whenever someone comes, goes, drops or comes back.</summary>
    public event Action<int>? Changed;

    /// <summary>Takes a seat at the lesson; dispose it to leave.</summary>
    public Seat Enter(int lessonId, string userId, string name)
    {
        var seat = new Seat(this, lessonId, new PresentEditor(userId, name, clock.GetUtcNow().UtcDateTime));
        lock (gate)
        {
            if (!lessons.TryGetValue(lessonId, out var seats))
                lessons[lessonId] = seats = [];
            seats.Add(seat);
        }
        Changed?.Invoke(lessonId);
        return seat;
    }

    /// <summary>The other people with the lesson open and connected, each once, earliest first.</summary>
    public IReadOnlyList<PresentEditor> Others(int lessonId, string userId)
    {
        lock (gate)
        {
            return lessons.TryGetValue(lessonId, out var seats)
                ? seats.Where(s => !s.Away && s.Editor.UserId != userId).Select(s => s.Editor).OrderBy(e => e.Since)
                    .DistinctBy(e => e.UserId).ToList()
                : [];
        }
    }

    private void Leave(Seat seat)
    {
        lock (gate)
        {
            if (!lessons.TryGetValue(seat.LessonId, out var seats) || !seats.Remove(seat))
                return;
            if (seats.Count == 0)
                lessons.Remove(seat.LessonId);
        }
        Changed?.Invoke(seat.LessonId);
    }

    private void Notify(int lessonId) => Changed?.Invoke(lessonId);

    public sealed class Seat(EditorPresence presence, int lessonId, PresentEditor editor) : IDisposable
    {
        private bool away;

        public int LessonId { get; } = lessonId;
        public PresentEditor Editor { get; } = editor;
        public bool Away => Volatile.Read(ref away);

        /// <summary>The circuit's connection dropped (true) or came back (false).</summary>
        public void SetAway(bool value)
        {
            if (Away == value)
                return;
            Volatile.Write(ref away, value);
            presence.Notify(LessonId);
        }

        public void Dispose() => presence.Leave(this);
    }
}
