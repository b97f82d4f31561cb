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
        // A heap cap (DOTNET_GCHeapHardLimit, README) or the machine's memory: the collector knows which figure it held to.
        OutOfMemoryException => $"out of memory: the lists need more than the {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 20} MiB this process may use "
            + "(a heap limit such as DOTNET_GCHeapHardLimit, or the machine's memory)",
        _ => $"{exception.GetType().Name}: {OneLine(exception.Message)}",
    };

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
