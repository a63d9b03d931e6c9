using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Tests.Infrastructure;

/// <summary>Keeps what a test site logs at or above a level, so tests can assert on it.</summary>
public sealed class LogCollector(LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, EventId Id, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}[{Id.Id}]: {Message}{(Exception is null ? "" : " — " + Exception.GetType().Name + ": " + Exception.Message)}";
    }

    private readonly ConcurrentQueue<Entry> entries = new();
    private readonly LogLevel minimum = minimum;

    public IReadOnlyList<Entry> Entries => entries.ToArray();

    public IReadOnlyList<Entry> AtLeast(LogLevel level) => entries.Where(e => e.Level >= level).ToArray();

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner.entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
