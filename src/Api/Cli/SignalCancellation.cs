using System.Runtime.InteropServices;

namespace RlhfGraph.Api.Cli;

/// <summary>
/// Ctrl+C and SIGTERM as a command's cancellation token from the moment this is made. System.CommandLine registers its own
/// handler only after the command's action has started, and `seed` can be importing by then (its first await may be its
/// parse), so a signal in that window ended the process at once. The first signal cancels; a later one is left to
/// System.CommandLine, which ends the process once its timeout passes.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;

    public SignalCancellation(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel)];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>
    /// Stops listening. The source is not disposed: the command can end (its import sees the token cancelled) while the signal's
    /// thread is still running the token's callbacks, and disposing a source under its own Cancel is a race. Left to the process,
    /// which ends with the command. (Passing this token into System.CommandLine's invocation instead, so that its linked source
    /// hung off this one, ended the process with SIGABRT, exit 134, once in ten signalled runs.)
    /// </summary>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return;
        context.Cancel = true;
        _source.Cancel();
    }
}
