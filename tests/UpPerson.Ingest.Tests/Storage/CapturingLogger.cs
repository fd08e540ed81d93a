using Microsoft.Extensions.Logging;

namespace UpPerson.Ingest.Tests.Storage;

/// <summary>Logger that keeps every entry, so tests can check which recovery path the store took.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public IReadOnlyList<LogEntry> WithEventId(int eventId) => Entries.Where(entry => entry.EventId == eventId).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var entry = new LogEntry(logLevel, eventId.Id, formatter(state, exception), values.ToDictionary(pair => pair.Key, pair => pair.Value));
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values);
