using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>Every log entry the API writes at <paramref name="minimum"/> (Warning unless said) or above, with its level and whether it carried an exception.</summary>
public sealed class LogCapture(LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly LogLevel _minimum = minimum;

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Entries at Error or above, or with a stack trace: what a client's mistake must never cause.</summary>
    public IReadOnlyList<Entry> Alarms => [.. _entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
    }

    private sealed class Logger(LogCapture log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= log._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
        }
    }
}
