using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// The one database session of a GraphQL request (a scoped service): one context, one connection and one read
/// transaction, opened on first use, so every statement of the request reads the same snapshot. graphql-dotnet
/// runs resolvers in parallel and a context takes one command at a time, so database work is serialized here;
/// on SQLite (one writer, in-process reads) that costs nothing, and it spares every resolver a pooled context.
/// </summary>
internal sealed class ReadSession(ReadContexts contexts, IEnumerable<IReadObserver> observers) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IReadObserver[] _observers = [.. observers];
    private RlhfGraphDbContext? _db;
    private bool _disposed;

    /// <summary>Runs <paramref name="work"/> on the request's context, after any other work of the request has finished.</summary>
    public async Task<T> RunAsync<T>(Func<RlhfGraphDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_db is null)
            {
                var db = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (db.IsSqlite) await SqliteStatements.KeepConnectionAsync(db, cancellationToken).ConfigureAwait(false);
                    await ReadSnapshot.BeginAsync(db, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await db.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                _db = db;
            }

            foreach (var observer in _observers) await observer.ObserveAsync(work, cancellationToken).ConfigureAwait(false);
            return await work(_db, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_db is not { } db) return;
            _db = null;
            try
            {
                await ReadSnapshot.EndAsync(db).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                // The connection broke (the request has been answered already); disposing the context releases it.
            }
            finally
            {
                await db.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
