using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Runs a sequence's producer on a thread of its own, at most a few elements ahead of its reader, so the two share the
/// machine's cores (a large list: Markdig parses the next part while the parser reads items out of this one). The
/// reader sees the elements in order, and the producer's exception where the sequence failed, after every element
/// made before it.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// Rows made on another thread while this one writes them: handed over a few thousand at a time, so the handing over
    /// costs nothing beside the rows, and at most two such chunks made ahead, so the rows are never held all at once.
    /// </summary>
    public static IEnumerable<T> InChunks<T>(IEnumerable<T> source, int size = 4096) =>
        Of(source.Chunk(size), depth: 2).SelectMany(chunk => chunk);

    /// <param name="source">The sequence; enumerated once, on another thread.</param>
    /// <param name="depth">How many elements may wait made and unread (each one's memory is held until read).</param>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int depth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        using var made = new BlockingCollection<T>(depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        // A thread of its own, not the pool's: the producer blocks while the reader is behind, and readers run on pool
        // threads (lists parse side by side), so pool threads waiting on pool threads could stall until the pool grew.
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var element in source) made.Add(element, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The reader stopped early.
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    made.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            foreach (var element in made.GetConsumingEnumerable()) yield return element;
            failure?.Throw();
        }
        finally
        {
            // A reader that stops early (or fails) stops the producer at its next element, and waits for it: nothing runs
            // on after the sequence is disposed.
            stop.Cancel();
            producer.Wait(CancellationToken.None);
        }
    }
}
