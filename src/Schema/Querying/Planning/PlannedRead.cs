using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RlhfGraph.Persistence;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Shaping;
using RlhfGraph.Schema.Querying.Sql;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Runs plans as one statement on the request's context (so inside its read snapshot, through EF Core's command
/// pipeline: logging, interceptors and the statement counters see it) and shapes the JSON it returns.
/// </summary>
internal static class PlannedRead
{
    /// <summary>The plans' statement for the context's database (one plan: its plain statement).</summary>
    public static CompiledStatement Compile(RlhfGraphDbContext db, IReadOnlyList<ListPlan> plans) =>
        PlanCompiler.Compile(plans, db.Model, Dialect(db));

    /// <summary>
    /// A nested level for a batch of parents in one statement: each parent's page, its own nested pages filed in
    /// <paramref name="prefetched"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, Page>> RunBatchAsync(RlhfGraphDbContext db, ListPlan plan, Type parentType, IReadOnlyCollection<int> ids, PrefetchedPages prefetched, CancellationToken cancellationToken)
    {
        var statement = PlanCompiler.CompileBatch(plan, db.Model, Dialect(db), parentType, ids);
        using var document = await ExecuteAsync(db, statement, cancellationToken).ConfigureAwait(false);
        var pages = new Dictionary<int, Page>(ids.Count);
        foreach (var row in document.RootElement.EnumerateArray())
            pages[row.GetProperty("p").GetInt32()] = PageReader.Read(row.GetProperty("x"), statement.Root, prefetched);
        return pages;
    }

    /// <summary>The root page; nested pages are filed in <paramref name="prefetched"/>.</summary>
    public static async Task<Page> RunAsync(RlhfGraphDbContext db, CompiledStatement statement, PrefetchedPages prefetched, CancellationToken cancellationToken)
    {
        using var document = await ExecuteAsync(db, statement, cancellationToken).ConfigureAwait(false);
        return PageReader.Read(document.RootElement, statement.Root, prefetched);
    }

    /// <summary>Every root level's page, in the statement's order; nested pages are filed in <paramref name="prefetched"/>.</summary>
    public static async Task<IReadOnlyList<Page>> RunAllAsync(RlhfGraphDbContext db, CompiledStatement statement, PrefetchedPages prefetched, CancellationToken cancellationToken)
    {
        using var document = await ExecuteAsync(db, statement, cancellationToken).ConfigureAwait(false);
        if (statement.Roots.Count == 1) return [PageReader.Read(document.RootElement, statement.Root, prefetched)];
        var pages = new Page[statement.Roots.Count];
        for (var i = 0; i < pages.Length; i++) pages[i] = PageReader.Read(document.RootElement.GetProperty(SqlDialect.RootKey(i)), statement.Roots[i], prefetched);
        return pages;
    }

    /// <summary>
    /// The rows of a <see cref="PlanCompiler.CompileRows"/> statement, each read with its node level's page (nested
    /// pages filed in <paramref name="prefetched"/>).
    /// </summary>
    public static async Task<List<T>> RunRowsAsync<T>(RlhfGraphDbContext db, CompiledStatement statement, PrefetchedPages prefetched, Func<JsonElement, Page, T> read, CancellationToken cancellationToken)
    {
        using var document = await ExecuteAsync(db, statement, cancellationToken).ConfigureAwait(false);
        var rows = new List<T>(document.RootElement.GetArrayLength());
        foreach (var row in document.RootElement.EnumerateArray()) rows.Add(read(row, PageReader.Read(row.GetProperty("x"), statement.Root, prefetched)));
        return rows;
    }

    /// <summary>
    /// The JSON answer of a statement no plan reads back (the steps a computed entry point takes before its lookup,
    /// written with <see cref="SqlDialect.JsonRows"/>): run as planned statements are, kept prepared on SQLite.
    /// </summary>
    public static Task<JsonDocument> QueryJsonAsync(RlhfGraphDbContext db, CompiledStatement statement, CancellationToken cancellationToken) =>
        ExecuteAsync(db, statement, cancellationToken);

    public static SqlDialect Dialect(RlhfGraphDbContext db) => db.IsSqlite ? SqlDialect.Sqlite : SqlDialect.SqlServer;

    /// <summary>Commands kept per statement, about as many as requests run it at once on a small machine.</summary>
    private const int KeptCommands = 16;

    private static async Task<JsonDocument> ExecuteAsync(RlhfGraphDbContext db, CompiledStatement statement, CancellationToken cancellationToken)
    {
        // SQLite: a prepared statement kept with the connection; it hands out its text as UTF-8, parsed as it comes.
        if (db.IsSqlite)
            return JsonDocument.Parse(await Execution.SqliteStatements.ReadFirstAsync(db, statement.Sql, statement.Parameters, cancellationToken).ConfigureAwait(false));

        // SQL Server: EF Core's command is a template (text and typed parameters) built once; each execution makes its
        // own DbCommand, and the server caches the plan.
        var command = statement.Commands.TryDequeue(out var kept) ? (IRelationalCommand)kept : Build(db, statement);
        try
        {
            var values = new Dictionary<string, object?>(statement.Parameters.Count, StringComparer.Ordinal);
            for (var i = 0; i < statement.Parameters.Count; i++) values[$"p{i}"] = statement.Parameters[i];
            await using var reader = await command.ExecuteReaderAsync(
                new RelationalCommandParameterObject(
                    db.GetService<IRelationalConnection>(),
                    values,
                    null,
                    db,
                    db.GetService<IRelationalCommandDiagnosticsLogger>(),
                    CommandSource.FromSqlQuery),
                cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new InvalidOperationException("A planned statement returned no row.");
            return JsonDocument.Parse(reader.DbDataReader.GetString(0));
        }
        finally
        {
            if (statement.Commands.Count < KeptCommands) statement.Commands.Enqueue(command);
        }
    }

    private static IRelationalCommand Build(RlhfGraphDbContext db, CompiledStatement statement)
    {
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create().Append(statement.Sql);
        var types = db.GetService<IRelationalTypeMappingSource>();
        for (var i = 0; i < statement.Parameters.Count; i++)
        {
            var value = statement.Parameters[i];
            // Text as Unicode of the longest size, so SQL Server caches one plan per statement whatever the lengths.
            var mapping = value is string
                ? types.FindMapping(typeof(string), null, keyOrIndex: false, unicode: true, size: null)!
                : types.FindMapping(value?.GetType() ?? typeof(string))!;
            builder.AddParameter($"p{i}", $"@p{i}", mapping, nullable: true);
        }

        return builder.Build();
    }
}
