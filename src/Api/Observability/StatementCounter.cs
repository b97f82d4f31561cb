using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RlhfGraph.Api.Observability;

/// <summary>
/// Counts the SQL commands run on behalf of the current GraphQL operation, from EF Core's diagnostic events (the ones
/// OpenTelemetry's EF instrumentation reads), so the count is there whether or not the trace is sampled. A command
/// interceptor would do too, but any interceptor turns off the importer's prepared-insert fast path.
/// </summary>
internal sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string CommandExecuting = RelationalEventId.CommandExecuting.Name!;

    private readonly AsyncLocal<StrongBox> _current = new();

    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];

    public StatementCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Starts counting for the operation running in this async flow; read <see cref="StrongBox.Value"/> when it ends.</summary>
    public StrongBox Begin() => _current.Value = new StrongBox();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name != DbLoggerCategory.Name) return;
        lock (_listeners) _listeners.Add(value.Subscribe(this, name => name == CommandExecuting));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // Another subscriber (OpenTelemetry's EF instrumentation) enables every event, and a listener writes each to all its observers.
        if (value.Key == CommandExecuting && _current.Value is { } box) Interlocked.Increment(ref box.Value);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners) foreach (var listener in _listeners) listener.Dispose();
    }

    /// <summary>A mutable count shared by the operation's async flow and everything it starts.</summary>
    internal sealed class StrongBox
    {
        public int Value;
    }
}
