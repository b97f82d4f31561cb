using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Api.Cli;

/// <summary>
/// One line for whatever stopped a seed: what failed (a list, a file, the database) and why. A seed runs in one
/// transaction that rolls back on any failure, so the caller can say the database is unchanged.
/// </summary>
internal static class SeedFailure
{
    public static string Describe(Exception exception) => exception switch
    {
        ImportException e => e.Message,
        DbUpdateException { InnerException: { } inner } => Describe(inner),
        DbException e => $"the database failed: {OneLine(e.Message)}",
        UnauthorizedAccessException e => $"permission denied: {OneLine(e.Message)}",
        IOException e => $"a file could not be read or written: {OneLine(e.Message)}",
        InvalidOperationException { InnerException: DbException inner } => Describe(inner),
        _ => $"{exception.GetType().Name}: {OneLine(exception.Message)}",
    };

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
