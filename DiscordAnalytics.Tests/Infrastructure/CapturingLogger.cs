using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Keeps every formatted log line, so tests can assert what was (and was not) logged.</summary>
public sealed class CapturingLogger : ILogger, ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
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
            _entries.Add((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }
}
