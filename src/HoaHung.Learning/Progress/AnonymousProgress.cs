using System.Buffers.Binary;

namespace HoaHung.Learning.Progress;

/// <summary>One lesson in an anonymous reader's progress (times in whole minutes since the Unix epoch).</summary>
public readonly record struct AnonymousLesson(int LessonId, int FirstOpened, int LastOpened, int Completed, int VideoPosition,
    bool VideoWatched = false)
{
    public bool IsCompleted => Completed > 0;
}

/// <summary>
/// The progress of a reader without an account, kept in her own browser as a signed cookie (the web layer
/// protects the bytes). Bounded: at most <see cref="MaxLessons"/> lessons, which keeps the cookie under 3 KB;
/// when full, the least recently opened unfinished lesson makes room first, so finished lessons survive longest.
/// </summary>
public sealed class AnonymousProgress
{
    public const int MaxLessons = 80;
    private const byte FormatVersion = 2;
    private const int EntryBytes = 21;       // version 1: 20, without the flags byte
    private const byte WatchedFlag = 1;
    private const int HeaderBytes = 1 + 16 + 2;

    private readonly Dictionary<int, AnonymousLesson> lessons;

    public AnonymousProgress(Guid id, IEnumerable<AnonymousLesson>? lessons = null)
    {
        Id = id;
        this.lessons = (lessons ?? []).DistinctBy(l => l.LessonId).Take(MaxLessons).ToDictionary(l => l.LessonId);
    }

    /// <summary>The random id that also keys this reader's server-side work (quiz attempts).</summary>
    public Guid Id { get; }
    public IReadOnlyCollection<AnonymousLesson> Lessons => lessons.Values;
    public AnonymousLesson? Find(int lessonId) => lessons.TryGetValue(lessonId, out var l) ? l : null;

    public static AnonymousProgress New() => new(Guid.NewGuid());

    public void Opened(int lessonId, DateTimeOffset now) =>
        Update(lessonId, now, l => l with { LastOpened = Minutes(now) });

    /// <summary>She says she finished, now (saying it again later moves the time, as for accounts).</summary>
    public void Completed(int lessonId, DateTimeOffset now) =>
        Update(lessonId, now, l => l with { LastOpened = Minutes(now), Completed = Minutes(now) });

    /// <summary>She watched the video (which completes the lesson once; watching again keeps the first completion).</summary>
    public void Watched(int lessonId, DateTimeOffset now) =>
        Update(lessonId, now, l => l with { LastOpened = Minutes(now), Completed = l.Completed > 0 ? l.Completed : Minutes(now), VideoWatched = true });

    public void VideoAt(int lessonId, int seconds, DateTimeOffset now) =>
        Update(lessonId, now, l => l with { LastOpened = Minutes(now), VideoPosition = Math.Max(0, seconds) });

    /// <summary>
    /// Adds another reader's progress (a kiosk visit handed to this phone) by the rules of the account merge: earliest
    /// first-open, latest last-open, latest completion, furthest video position, watched once watched. Idempotent;
    /// when full, the least recently opened unfinished lesson makes room, as for any visit.
    /// </summary>
    public void MergeFrom(AnonymousProgress other)
    {
        foreach (var entry in other.Lessons)
        {
            if (!lessons.TryGetValue(entry.LessonId, out var mine))
            {
                MakeRoom();
                lessons[entry.LessonId] = entry;
                continue;
            }
            lessons[entry.LessonId] = mine with
            {
                FirstOpened = Math.Min(mine.FirstOpened, entry.FirstOpened),
                LastOpened = Math.Max(mine.LastOpened, entry.LastOpened),
                Completed = Math.Max(mine.Completed, entry.Completed),
                VideoPosition = Math.Max(mine.VideoPosition, entry.VideoPosition),
                VideoWatched = mine.VideoWatched || entry.VideoWatched,
            };
        }
    }

    private void Update(int lessonId, DateTimeOffset now, Func<AnonymousLesson, AnonymousLesson> change)
    {
        if (!lessons.TryGetValue(lessonId, out var current))
        {
            MakeRoom();
            current = new AnonymousLesson(lessonId, Minutes(now), Minutes(now), 0, 0);
        }
        lessons[lessonId] = change(current);
    }

    private void MakeRoom()
    {
        if (lessons.Count < MaxLessons)
            return;
        var victim = lessons.Values.OrderBy(l => l.IsCompleted).ThenBy(l => l.LastOpened).First();
        lessons.Remove(victim.LessonId);
    }

    public static int Minutes(DateTimeOffset t) => (int)Math.Clamp(t.ToUnixTimeSeconds() / 60, 1, int.MaxValue);
    public static DateTime ToDateTime(int minutes) => DateTimeOffset.FromUnixTimeSeconds(minutes * 60L).UtcDateTime;

    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderBytes + lessons.Count * EntryBytes];
        bytes[0] = FormatVersion;
        Id.TryWriteBytes(bytes.AsSpan(1, 16));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(17), (ushort)lessons.Count);
        var offset = HeaderBytes;
        foreach (var l in lessons.Values)
        {
            var span = bytes.AsSpan(offset, EntryBytes);
            BinaryPrimitives.WriteInt32LittleEndian(span, l.LessonId);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], l.FirstOpened);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], l.LastOpened);
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], l.Completed);
            BinaryPrimitives.WriteInt32LittleEndian(span[16..], l.VideoPosition);
            span[20] = l.VideoWatched ? WatchedFlag : (byte)0;
            offset += EntryBytes;
        }
        return bytes;
    }

    /// <summary>Reads bytes written by <see cref="ToBytes"/>; null for anything malformed.</summary>
    public static AnonymousProgress? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes || bytes[0] is not (1 or FormatVersion))
            return null;
        var entryBytes = bytes[0] == 1 ? EntryBytes - 1 : EntryBytes;
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[17..]);
        if (count > MaxLessons || bytes.Length != HeaderBytes + count * entryBytes)
            return null;
        var entries = new List<AnonymousLesson>(count);
        for (var i = 0; i < count; i++)
        {
            var span = bytes.Slice(HeaderBytes + i * entryBytes, entryBytes);
            var entry = new AnonymousLesson(
                BinaryPrimitives.ReadInt32LittleEndian(span), BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[8..]), BinaryPrimitives.ReadInt32LittleEndian(span[12..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[16..]), entryBytes > 20 && (span[20] & WatchedFlag) != 0);
            if (entry.LessonId <= 0 || entry.FirstOpened <= 0 || entry.LastOpened <= 0 || entry.Completed < 0 || entry.VideoPosition < 0)
                return null;
            entries.Add(entry);
        }
        return new AnonymousProgress(new Guid(bytes.Slice(1, 16)), entries);
    }
}
