using System.CommandLine;
using System.Diagnostics;
using Markdig;
using Markdig.Syntax;
using Microsoft.Data.Sqlite;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Import.Formats;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `floor --db FILE [--list FILE] [--rounds N]`: what the work of an import costs with none of our code around it,
/// so an import's time can be held against it (docs/benchmarks.md §13). The list is parsed by Markdig alone, part by part
/// as the importer parses it, without reading a single item. The database's rows are written again into a fresh, migrated
/// file in the importer's order, by SQLite alone: one INSERT … SELECT per table in one transaction, the co-authorships
/// by the importer's own statement, then the search index's rebuild. "WHERE 1" keeps SQLite from copying a table's
/// pages whole (its transfer optimization), which an import writing rows cannot do either. Rounds alternate between the
/// write-ahead log the API runs in and a rollback journal.
/// </summary>
internal static class FloorCommand
{
    // The importer's order (GraphWriter): entities, links, mentions, then what is derived from them.
    private static readonly string[] Tables =
    [
        "Sources", "Keywords", "Authors", "Datasets", "Codebases", "Papers", "IdentityKeys", "AuthorAliases", "DatasetAliases",
        "PaperAuthors", "CodebaseAuthors", "PaperCodebases", "PaperDatasets", "CodebaseDatasets", "PaperKeywords", "CodebaseKeywords", "Mentions",
    ];

    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A database an import wrote (import --keep FILE).", Required = true };
        var listOption = new Option<string?>("--list") { Description = "A list file to parse with Markdig alone, e.g. the 250k-item list." };
        var roundsOption = new Option<int>("--rounds") { Description = "Rounds per journal mode, alternating.", DefaultValueFactory = _ => 3 };
        var command = new Command("floor", "SQLite's and Markdig's own share of an import, with none of the importer's code.") { dbOption, listOption, roundsOption };
        command.SetAction(async (result, ct) =>
        {
            var source = Path.GetFullPath(result.GetValue(dbOption)!);
            if (!File.Exists(source)) throw new FileNotFoundException("No such database.", source);
            var rounds = Math.Max(1, result.GetValue(roundsOption));
            if (result.GetValue(listOption) is { } list)
            {
                var parses = new List<double>();
                for (var round = 0; round < rounds; round++) parses.Add(Parse(list));
                Console.WriteLine($"Markdig alone on {Path.GetFileName(list)}: {Range(parses)} s (median {F(Median(parses))} s of {rounds})");
            }

            var steps = new Dictionary<string, Dictionary<string, List<double>>>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var journal in (string[])["wal", "delete"])
                {
                    var times = await WriteAsync(source, journal, ct);
                    Console.Error.WriteLine($"  round {round + 1}, {journal}: {F(times.Values.Sum())} s");
                    var byStep = steps.TryGetValue(journal, out var s) ? s : steps[journal] = [];
                    foreach (var (step, seconds) in times) (byStep.TryGetValue(step, out var l) ? l : byStep[step] = []).Add(seconds);
                }
            }

            Console.WriteLine($"SQLite alone, writing the rows of {Path.GetFileName(source)} again ({rounds} rounds per journal mode, min–max):");
            Console.WriteLine($"  {"step",-22} {"wal",13} {"delete",13}");
            foreach (var step in steps["wal"].Keys)
                Console.WriteLine($"  {step,-22} {Range(steps["wal"][step]),13} {Range(steps["delete"][step]),13}");
            var totals = steps.ToDictionary(s => s.Key, s => Enumerable.Range(0, rounds).Select(r => s.Value.Values.Sum(l => l[r])).ToList());
            Console.WriteLine($"  {"total",-22} {Range(totals["wal"]),13} {Range(totals["delete"]),13}");
            return 0;
        });
        return command;
    }

    private static string Range(List<double> values) => $"{F(values.Min())}–{F(values.Max())}";

    /// <summary>Parses the list as the importer does (part by part, its pipeline) and touches every node; no items are read.</summary>
    private static double Parse(string path)
    {
        var text = ListText.Decode(Path.GetFileName(path), File.ReadAllBytes(path));
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();
        var clock = Stopwatch.StartNew();
        var nodes = 0L;
        foreach (MarkdownDocument document in MarkdownParts.Parse(text, pipeline))
            nodes += document.Descendants().LongCount();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  parsed {text.Length >> 20} MB into {nodes} nodes in {F(seconds)} s");
        return seconds;
    }

    /// <summary>One round: a fresh migrated file, every table written again in one transaction; seconds per step.</summary>
    private static async Task<Dictionary<string, double>> WriteAsync(string source, string journal, CancellationToken ct)
    {
        var file = new SqliteFile(Path.Combine(Path.GetTempPath(), $"rlhfgraph-floor-{Guid.NewGuid():N}.db"));
        try
        {
            await file.MigrateAsync();
            await using var connection = new SqliteConnection(file.ConnectionString);
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, $"PRAGMA journal_mode = {journal}", ct);
            // The importer's page cache (Importer.ImportAsync).
            await ExecuteAsync(connection, "PRAGMA cache_size = -65536", ct);
            // As a first import writes (Import/FirstImportKeys): no parent looked up per row. Its check of every key
            // before the commit is the importer's own work, reported in its phases, not part of this floor.
            await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF", ct);
            await ExecuteAsync(connection, $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS source", ct);
            var times = new Dictionary<string, double>();
            async Task Time(string step, string sql)
            {
                var clock = Stopwatch.StartNew();
                await ExecuteAsync(connection, sql, ct);
                times[step] = clock.Elapsed.TotalSeconds;
            }

            await ExecuteAsync(connection, "BEGIN IMMEDIATE", ct);
            foreach (var table in Tables)
            {
                var columns = string.Join(", ", await ColumnsAsync(connection, table, ct));
                await Time(table, $"INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM source.\"{table}\" WHERE 1");
            }

            await Time("Coauthorships", $"INSERT INTO Coauthorships (AuthorId, CoauthorId, SharedPapers) {CoauthorshipTable.AggregateSql}");
            var entries = string.Join(", ", await ColumnsAsync(connection, "SearchEntries", ct));
            await Time("SearchEntries", $"INSERT INTO main.SearchEntries ({entries}) SELECT {entries} FROM source.SearchEntries WHERE 1");
            await Time("search index rebuild", "INSERT INTO SearchIndex(SearchIndex) VALUES('rebuild')");
            await Time("commit", "COMMIT");
            return times;
        }
        finally
        {
            file.Delete();
        }
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = new SqliteCommand($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<string>();
        while (await reader.ReadAsync(ct)) columns.Add($"\"{reader.GetString(0)}\"");
        return columns;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new SqliteCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
