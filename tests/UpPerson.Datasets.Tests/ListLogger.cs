using Microsoft.Extensions.Logging;

namespace UpPerson.Datasets.Tests;

/// <summary>Logger that keeps every entry so tests can assert on what the loader logged.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add(new LogEntry(logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}

internal sealed record LogEntry(LogLevel Level, int EventId, string Message);
