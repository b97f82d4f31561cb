using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RlhfGraph.Persistence;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Shaping;
using RlhfGraph.Schema.Querying.Sql;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Runs a plan as one statement on the request's context (so inside its read snapshot, through EF Core's command
/// pipeline: logging, interceptors and the statement counters see it) and shapes the JSON it returns.
/// </summary>
internal static class PlannedRead
{
    /// <summary>The root page, nested pages filed in <paramref name="prefetched"/>; null when the plan has a shape SQL is not written for.</summary>
    public static async Task<Page?> TryRunAsync(RlhfGraphDbContext db, ListPlan plan, PrefetchedPages prefetched, CancellationToken cancellationToken)
    {
        CompiledStatement statement;
        try
        {
            statement = PlanCompiler.Compile(plan, db.Model, db.Database.IsSqlite() ? SqlDialect.Sqlite : SqlDialect.SqlServer);
        }
        catch (NotSupportedException)
        {
            return null;
        }

        var json = await ExecuteAsync(db, statement, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(json);
        return PageReader.Read(document.RootElement, statement.Root, prefetched);
    }

    private static async Task<string> ExecuteAsync(RlhfGraphDbContext db, CompiledStatement statement, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var factory = connection.CreateCommand();
        var parameters = new DbParameter[statement.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = factory.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            var value = statement.Parameters[i];
            parameter.Value = value ?? DBNull.Value;
            // One declared size for every text, so SQL Server caches one plan per statement, not one per length.
            if (value is string text) parameter.Size = text.Length <= 4000 ? 4000 : -1;
            parameters[i] = parameter;
        }

        var command = db.GetService<IRawSqlCommandBuilder>().Build(statement.Sql, parameters);
        var result = await command.RelationalCommand.ExecuteScalarAsync(
            new RelationalCommandParameterObject(
                db.GetService<IRelationalConnection>(),
                command.ParameterValues,
                null,
                db,
                db.GetService<IRelationalCommandDiagnosticsLogger>(),
                CommandSource.ExecuteSqlRaw),
            cancellationToken).ConfigureAwait(false);
        return result as string ?? throw new InvalidOperationException("A planned statement returned no JSON.");
    }
}
