using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;
using RlhfGraph.Schema.Execution;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// The T-SQL the SQL Server path emits, without a SQL Server: every unit of work a request runs (on SQLite, for real)
/// is replayed on a SQL Server context whose connection never opens and whose commands return no rows, and each
/// command's text is kept. The real run supplies the parents, so nested levels are replayed with real ids.
/// </summary>
internal sealed class TSqlCapture : DbCommandInterceptor, IDbConnectionInterceptor, IReadObserver
{
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly DbContextOptions<SqlServerRlhfGraphDbContext> _options;

    public TSqlCapture()
    {
        var builder = new DbContextOptionsBuilder<SqlServerRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlServer(builder, "Server=sqlserver.invalid;Database=RlhfGraph;Connect Timeout=1", new DatabaseOptions { Provider = DatabaseProvider.SqlServer });
        builder.AddInterceptors(this);
        _options = builder.Options;
    }

    public IReadOnlyList<string> Statements => [.. _statements];

    /// <summary>A SQL Server context that never connects, for replaying work or building scripts.</summary>
    public SqlServerRlhfGraphDbContext CreateContext() => new(_options);

    public async Task ObserveAsync<T>(Func<RlhfGraphDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        try
        {
            await work(db, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // No rows: Single/First and the like give up after their statement ran, which is all that is needed.
        }
        catch (KeyNotFoundException)
        {
            // Results keyed by what the (empty) rows held.
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Keep(command, new DataTable().CreateDataReader()));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        InterceptionResult<object>.SuppressWithResult(Keep(command, (object)0));

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        InterceptionResult<int>.SuppressWithResult(Keep(command, 0));

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    private T Keep<T>(DbCommand command, T result)
    {
        _statements.Enqueue(command.CommandText);
        return result;
    }
}
