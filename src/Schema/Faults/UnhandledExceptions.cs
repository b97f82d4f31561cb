using System.Data.Common;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Logging;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Schema.Faults;

/// <summary>
/// What a resolver's unexpected exception becomes. A database exception means the database is in
/// trouble, so it becomes DATABASE_UNAVAILABLE, unless the statement itself exceeded an engine limit (bounded
/// input should never get there; when it does, it is the client's 400, never a 503 that invites a retry);
/// anything after the request was cancelled (timeout, client gone) is the cancellation's, not a
/// fault; everything else is logged as the bug it is.
/// </summary>
internal static class UnhandledExceptions
{
    public static Task HandleAsync(UnhandledExceptionContext context, ILogger logger)
    {
        if (context.OriginalException is GraphQLParserException parser)
        {
            // The text checks (DocumentText) keep documents under the parser's recursion limit; should one still reach
            // it, it is the client's document: one line, without the document.
            logger.LogInformation("Document refused by the parser: {Reason}", parser.Description);
            context.Exception = new ExecutionError("The document nests deeper than the parser allows.") { Code = Limits.LimitError.TooNested };
            return Task.CompletedTask;
        }

        if (context.ExecutionOptions.CancellationToken.IsCancellationRequested) return Task.CompletedTask;
        if (FindDatabaseException(context.OriginalException) is { } tooLarge && DatabaseErrors.IsStatementTooLarge(tooLarge))
        {
            // The client's input made a statement the engine refuses; retrying cannot help, so it is the client's error.
            logger.LogInformation("Statement too large for the database while resolving {Field}: {Message}", context.FieldContext?.FieldDefinition.Name, tooLarge.Message);
            context.Exception = new StatementTooLargeError();
            return Task.CompletedTask;
        }

        if (FindDatabaseException(context.OriginalException) is { } database)
        {
            logger.LogWarning(database, "Database unavailable while resolving {Field}", context.FieldContext?.FieldDefinition.Name);
            context.Exception = new DatabaseUnavailableError();
            return Task.CompletedTask;
        }

        logger.LogError(context.OriginalException, "Unhandled exception while resolving {Field}", context.FieldContext?.FieldDefinition.Name);
        return Task.CompletedTask;
    }

    private static DbException? FindDatabaseException(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException database) return database;
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(FindDatabaseException).FirstOrDefault(d => d is not null);
        }

        return null;
    }
}
