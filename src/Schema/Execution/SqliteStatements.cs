using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// Prepared statements that outlive a request on SQLite. Preparing a planned statement costs about as much as running
/// it, and Microsoft.Data.Sqlite finalizes a command's statements when its connection closes; EF Core closes the
/// connections it owns whenever a pooled context goes back to its pool. So each pooled context gets one connection of
/// its own, opened once and kept (EF Core neither closes nor disposes a connection it was given), and each such
/// connection keeps its prepared commands by SQL text. The commands run through EF Core's command diagnostics, so
/// interceptors, logs and statement counters see them as any other command.
/// </summary>
/// <remarks>
/// Only a kept connection keeps commands. A connection EF Core owns (Pooling=False, in-memory) is closed after every
/// request: the first close disposes the commands made on it, but a disposed command no longer belongs to its connection,
/// so the next one prepared there outlived the close, holding statements of a native connection closed under them. Those
/// statements went on running (outside the request's transaction, so not in its snapshot) until a schema change made
/// SQLite prepare them again on the closed connection: SQLITE_MISUSE.
/// </remarks>
internal static class SqliteStatements
{
    /// <summary>Commands kept per connection; past it the connection starts again (plans are cached in far fewer shapes).</summary>
    private const int MaxPerConnection = 64;

    private static readonly ConditionalWeakTable<RlhfGraphDbContext, Kept> Connections = new();

    /// <summary>
    /// Gives a pooled SQLite context its lasting connection, opened. Not when the connection string says
    /// Pooling=False (the operator wants every connection closed after use) or names an in-memory database; and a
    /// kept connection is replaced when the database file is no longer the one it opened (deleted, moved, overwritten):
    /// an open handle would go on reading the old file, where a new connection sees what is there now, or fails.
    /// </summary>
    public static async Task KeepConnectionAsync(RlhfGraphDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = Connections.TryGetValue(db, out var kept) ? kept.ConnectionString : db.Database.GetConnectionString();
        // First, so that a replaced file empties the pools before a connection is taken from them.
        if (connectionString is not null) SqliteFileIdentity.Check(connectionString);
        if (kept is not null)
        {
            if (kept.Stamp == Stamp(kept.File)) return;
            Connections.Remove(db);
            await kept.Connection.DisposeAsync().ConfigureAwait(false);
        }

        var options = new SqliteConnectionStringBuilder(connectionString);
        if (!options.Pooling || options.Mode == SqliteOpenMode.Memory || options.DataSource is "" or ":memory:") return;
        var file = Path.GetFullPath(options.DataSource);
        var stamp = Stamp(file);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        Connections.AddOrUpdate(db, new Kept(connection, connectionString!, file, stamp));
    }

    // Identity (inode) and last write: a file replaced at the path may keep the other's modification time, one overwritten in place keeps its inode.
    private static string Stamp(string file) => $"{SqliteFileIdentity.Of(file)}@{File.GetLastWriteTimeUtc(file).Ticks}";

    /// <summary>Runs <paramref name="sql"/> (parameters @p0…) on the context's connection and transaction, returning its first value as UTF-8.</summary>
    public static async Task<byte[]> ReadFirstAsync(RlhfGraphDbContext db, string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // Kept only with the connection kept for this context: the one EF Core was given and never closes.
        var kept = Keepable(sql) && Connections.TryGetValue(db, out var k) && ReferenceEquals(k.Connection, connection) ? k : null;
        var command = kept is null ? New(connection, sql, parameters.Count) : kept.Command(sql, parameters.Count);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        for (var i = 0; i < parameters.Count; i++) command.Parameters[i].Value = parameters[i] ?? DBNull.Value;

        var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        var relational = db.GetService<IRelationalConnection>();
        var id = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        DbDataReader reader;
        try
        {
            // "Created" is where tracing starts a command's span (OpenTelemetry's EF Core instrumentation opens it there and
            // closes it on "executed"), so a kept command is announced as created on every run, as EF Core's own commands are.
            logger.CommandCreating(relational, DbCommandMethod.ExecuteReader, db, id, relational.ConnectionId, start, CommandSource.FromSqlQuery);
            logger.CommandCreated(relational, command, DbCommandMethod.ExecuteReader, db, id, relational.ConnectionId, start, clock.Elapsed, CommandSource.FromSqlQuery);
            var interception = await logger.CommandReaderExecutingAsync(relational, command, sql, db, id, relational.ConnectionId, start, CommandSource.FromSqlQuery, cancellationToken).ConfigureAwait(false);
            reader = interception.HasResult ? interception.Result : await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            reader = await logger.CommandReaderExecutedAsync(relational, command, sql, db, id, relational.ConnectionId, reader, start, clock.Elapsed, CommandSource.FromSqlQuery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A statement whose step failed (or was interrupted) is not run again: it is dropped, and the next use prepares
            // it afresh.
            if (e is OperationCanceledException)
                await logger.CommandCanceledAsync(relational, command, sql, db, DbCommandMethod.ExecuteReader, id, relational.ConnectionId, start, clock.Elapsed, CommandSource.FromSqlQuery, CancellationToken.None).ConfigureAwait(false);
            else
                await logger.CommandErrorAsync(relational, command, sql, db, DbCommandMethod.ExecuteReader, id, relational.ConnectionId, e, start, clock.Elapsed, CommandSource.FromSqlQuery, CancellationToken.None).ConfigureAwait(false);
            kept?.Commands.Remove(sql);
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        try
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new InvalidOperationException("A planned statement returned no row.");
            return reader.GetFieldValue<byte[]>(0);
        }
        finally
        {
            logger.DataReaderDisposing(relational, command, reader, id, reader.RecordsAffected, 1, start, clock.Elapsed);
            await reader.DisposeAsync().ConfigureAwait(false);
            if (kept is null) await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// SQLite prepares a statement whose LIKE pattern is a parameter again whenever that parameter changes (its LIKE
    /// optimization plans with the value), so such statements gain nothing from being kept. They get a command of their
    /// own for each run.
    /// </summary>
    private static bool Keepable(string sql) => !sql.Contains(" LIKE ", StringComparison.Ordinal);

    private static SqliteCommand New(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        return command;
    }

    /// <summary>A context's lasting connection, what it was opened on, and its prepared commands by SQL text.</summary>
    private sealed record Kept(SqliteConnection Connection, string ConnectionString, string File, string Stamp)
    {
        public Dictionary<string, SqliteCommand> Commands { get; } = new(StringComparer.Ordinal);

        public SqliteCommand Command(string sql, int parameters)
        {
            if (Commands.TryGetValue(sql, out var command)) return command;
            if (Commands.Count >= MaxPerConnection)
            {
                foreach (var old in Commands.Values) old.Dispose();
                Commands.Clear();
            }

            command = New(Connection, sql, parameters);
            Commands[sql] = command;
            return command;
        }
    }
}
