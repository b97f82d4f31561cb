using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RlhfGraph.Benchmarks.Peer;
using RlhfGraph.Benchmarks.Servers;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `peer --db FILE [--rounds 5] [--seconds 8] [--connections 8] [--peers 4,5] [--queries a,b] [--install]`: queries a–e
/// of issue 12 (a and c in both shapes) against our API and against PostGraphile 4.14 and 5 over PostgreSQL holding the
/// same corpus. Three kinds of process: wrk (the load), ours (this host's `serve`), and each PostGraphile with its
/// PostgreSQL; warm-up until stable, then alternating rounds (see <see cref="Rounds"/>). The cluster, PostGraphile and
/// Node 22 live in a temporary folder for the run and are removed afterwards. Exit code 2: skipped.
/// </summary>
internal static class PeerCommand
{
    private const string Ours = "ours";

    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A SQLite file made by `generate` + `import --keep`; copied into PostgreSQL.", Required = true };
        var roundsOption = new Option<int>("--rounds") { Description = "Measured rounds per query; each runs every server once, rotating which goes first (at least 5 for figures worth quoting).", DefaultValueFactory = _ => 5 };
        var secondsOption = new Option<double>("--seconds") { Description = "Seconds per query per server per round (1–60; at least 8 for figures worth quoting).", DefaultValueFactory = _ => 8 };
        var connectionsOption = new Option<int>("--connections", "--concurrency") { Description = "Requests in flight (wrk connections).", DefaultValueFactory = _ => 8 };
        var warmupSecondsOption = new Option<double>("--warmup-seconds") { Description = "Seconds per warm-up run.", DefaultValueFactory = _ => 4 };
        var warmupCapOption = new Option<int>("--warmup-cap") { Description = "Most warm-up runs per server and query before measuring anyway (reported).", DefaultValueFactory = _ => 8 };
        var peersOption = new Option<string>("--peers") { Description = "PostGraphile major versions to run: 4 (4.14), 5 (5.x on Node 22), comma-separated.", DefaultValueFactory = _ => "4,5" };
        var queriesOption = new Option<string>("--queries") { Description = "Which queries, comma-separated: a-list, a-lookup, b, c-list, c-lookup, d, e (a = both a's, c = both c's).", DefaultValueFactory = _ => "a,b,c,d,e" };
        var installOption = new Option<bool>("--install") { Description = "apt-get install PostgreSQL and npm when missing (needs root); wrk is installed when missing regardless." };
        var showSqlOption = new Option<bool>("--show-sql") { Description = "Print the SQL each PostGraphile runs for each query (from pg_stat_statements)." };
        var command = new Command("peer", "Queries a–e against PostGraphile 4 and 5 over PostgreSQL on the same corpus, driven by wrk from its own process.")
        {
            dbOption, roundsOption, secondsOption, connectionsOption, warmupSecondsOption, warmupCapOption, peersOption, queriesOption, installOption, showSqlOption,
        };
        command.SetAction(async (result, cancel) =>
        {
            var prerequisites = Prerequisites.Find();
            if (result.GetValue(installOption))
            {
                await prerequisites.InstallMissingAsync();
                prerequisites = Prerequisites.Find();
            }

            if (prerequisites.Missing() is { Count: > 0 } missing)
            {
                foreach (var reason in missing) Console.WriteLine($"peer: skipped: {reason}");
                return 2;
            }

            var options = new Settings(
                new Rounds.Settings(
                    Math.Max(1, result.GetValue(roundsOption)),
                    Math.Clamp(result.GetValue(secondsOption), 1, 60),
                    Math.Clamp(result.GetValue(connectionsOption), 1, 64),
                    Math.Clamp(result.GetValue(warmupSecondsOption), 1, 30),
                    Math.Clamp(result.GetValue(warmupCapOption), 2, 20)),
                [.. result.GetValue(peersOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Where(p => p is 4 or 5).Distinct()],
                [.. result.GetValue(queriesOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                result.GetValue(showSqlOption));
            var database = new SqliteFile(result.GetValue(dbOption)!);
            if (!File.Exists(database.Path))
            {
                Console.Error.WriteLine($"peer: {database.Path} does not exist; make it with `generate` and `import --keep`.");
                return 1;
            }

            ExternalProcess.PostgresUser = Environment.IsPrivilegedProcess ? prerequisites.PostgresUser : null;

            // Take Ctrl+C: stop after the current measurement and remove the cluster, servers and folder.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                Console.WriteLine("interrupted: stopping after this measurement and cleaning up");
                stop.Cancel();
            });
            var folder = Directory.CreateTempSubdirectory("rlhf-peer-").FullName;
            try
            {
                // The cluster's own account must be able to reach its folder inside ours.
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                await RunAsync(database, prerequisites, folder, options, stop.Token);
                return 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 130;
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"could not remove {folder}: {e.Message}");
                }
            }
        });
        return command;
    }

    private static async Task RunAsync(SqliteFile database, Prerequisites tools, string folder, Settings options, CancellationToken cancel)
    {
        Console.WriteLine($"load before: {LoadAverage.Describe()}; {Environment.ProcessorCount} cores; temporary folder {folder}");
        var wrk = await Wrk.FindOrInstallAsync(Path.Combine(folder, "wrk"));
        Console.WriteLine($"load generator: {wrk.Executable}, its own process");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A corpus imported by an older build lacks the tables added since; our API would add them on start-up anyway.
        await database.MigrateAsync();
        await using var cluster = await PostgresCluster.StartAsync(tools.PostgresBin!, Path.Combine(folder, "pg"), tools.HasStatStatements);
        var version = (await cluster.PsqlAsync("postgres", "SHOW server_version")).Trim();
        if (tools.HasStatStatements) await cluster.PsqlAsync("postgres", "CREATE EXTENSION pg_stat_statements");
        else Console.WriteLine("pg_stat_statements is not installed (Debian: postgresql-contrib): PostGraphile's statements per request are not counted (n/a).");
        var copied = await CorpusCopy.CopyAsync(database, cluster);
        Console.WriteLine($"PostgreSQL {version}: copied {copied.Count} tables, {copied.Sum(t => t.Rows):N0} rows from {database.Path} in {F(clock.Elapsed.TotalSeconds)} s "
            + $"({string.Join(", ", copied.Where(t => t.Table is "Papers" or "Authors" or "PaperAuthors").Select(t => $"{t.Table} {t.Rows:N0}"))})");

        // Both versions install at once (npm mostly waits on the network); one that fails is reported and left out.
        clock.Restart();
        var installs = options.Peers.Select(major => (Major: major, Task: PostGraphileServer.InstallAsync(major, tools.Npm!, tools.Node!, Path.Combine(folder, $"node{major}")))).ToList();
        var installed = new List<(int Major, string Version, string Node)>();
        foreach (var (major, task) in installs)
        {
            try
            {
                var (peerVersion, node) = await task;
                installed.Add((major, peerVersion, node));
                Console.WriteLine($"PostGraphile {peerVersion} installed by npm ({string.Join(", ", major >= 5 ? PostGraphileServer.Packages5 : PostGraphileServer.Packages4)}); node {(await ExternalProcess.RunAsync(node, ["--version"])).Trim()}");
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine($"PostGraphile {major}: install failed, left out of this run: {e.Message}");
            }
        }

        Console.WriteLine($"installs took {F(clock.Elapsed.TotalSeconds)} s");
        var peers = new List<(int Major, string Version, ServerProcess Server)>();
        try
        {
            foreach (var (major, peerVersion, node) in installed)
            {
                try
                {
                    peers.Add((major, peerVersion, await PostGraphileServer.StartAsync(major, node, Path.Combine(folder, $"node{major}"), cluster)));
                }
                catch (InvalidOperationException e)
                {
                    Console.WriteLine($"PostGraphile {peerVersion} did not start, left out of this run: {e.Message}");
                }
            }

            if (peers.Count == 0) throw new InvalidOperationException("no PostGraphile to compare with.");
            using var ours = await ServerProcess.StartOursAsync(database);
            Console.WriteLine($"servers: ours pid {ours.ProcessId} (this host's `serve`, Release); {string.Join("; ", peers.Select(p => $"PostGraphile {p.Version} pid {p.Server.ProcessId}"))}; PostgreSQL postmaster pid {cluster.ProcessId}");
            await MeasureAsync(database, wrk, ours, peers, cluster, tools.HasStatStatements, options, cancel);
        }
        finally
        {
            foreach (var peer in peers) peer.Server.Dispose();
        }

        Console.WriteLine($"load after: {LoadAverage.Describe()}");
    }

    private static async Task MeasureAsync(SqliteFile database, Wrk wrk, ServerProcess ours, List<(int Major, string Version, ServerProcess Server)> peers, PostgresCluster cluster, bool statStatements, Settings options, CancellationToken cancel)
    {
        var total = await PaperCountAsync(ours.Client);
        var (arxivId, author) = await PickAsync(database);
        var depth = Math.Max(100, (int)(total * 0.9) / 100 * 100);
        var oursCursor = await OursCursorAtAsync(ours.Client, depth);
        var cursors = new Dictionary<int, string>();
        foreach (var (major, _, server) in peers) cursors[major] = await PeerCursorAtAsync(server.Client, depth);
        var queries = PeerQuery.All(arxivId, author, oursCursor, cursors.GetValueOrDefault(4), cursors.GetValueOrDefault(5))
            .Where(q => options.Queries.Any(k => q.Key == k || q.Key.StartsWith(k + "-", StringComparison.Ordinal))).ToList();
        Console.WriteLine($"{total} papers; a: arXiv {arxivId}; c: author \"{author.Name}\" (id {author.Id}); d: after the {depth}th paper");

        var servers = new List<(string Name, int? Major, ServerProcess Server)> { (Ours, null, ours) };
        servers.AddRange(peers.Select(p => ($"postgraphile {p.Version}", (int?)p.Major, p.Server)));

        // Same data first: every query's values, in order, on every server; and one request's statement count.
        var statementCounts = new Dictionary<(string Query, string Server), double>();
        foreach (var query in queries)
        {
            List<string>? expected = null;
            foreach (var (name, major, server) in servers)
            {
                if (major is not null && statStatements) await cluster.PsqlAsync("postgres", "SELECT pg_stat_statements_reset()");
                var before = major is null ? await CountersAsync(server.Client) : null;
                var body = await PostAsync(server.Client, query.Body(major), $"query {query.Key} on {name}");
                double statements = double.NaN;
                if (major is null) statements = (await CountersAsync(server.Client)).Statements - before!.Statements;
                else if (statStatements)
                    statements = double.Parse((await cluster.PsqlAsync("postgres", $"SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '{PostgresCluster.Database}'")).Trim(), CultureInfo.InvariantCulture);
                statementCounts[(query.Key, name)] = statements;
                var values = PeerQuery.Values(body);
                expected ??= values;
                if (!values.SequenceEqual(expected))
                {
                    var at = expected.Zip(values).TakeWhile(p => p.First == p.Second).Count();
                    throw new InvalidOperationException($"query {query.Key}: {name} returns other data than {Ours} (first difference at value {at}: "
                        + $"{expected.ElementAtOrDefault(at) ?? "(end)"} vs {values.ElementAtOrDefault(at) ?? "(end)"}).\n{Ours}: {string.Join(' ', expected.Take(at + 3))}");
                }

                Console.WriteLine($"  {query.Key,-9} {name,-20} same data ({values.Count} values, {body.Length} bytes), {F(statements, 0)} statements");
                if (options.ShowSql && statStatements && major is not null)
                    Console.WriteLine(await cluster.PsqlAsync("postgres", $"SELECT query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '{PostgresCluster.Database}'"));
            }
        }

        Console.WriteLine($"per query: warm-up runs of {F(options.Rounds.WarmupSeconds, 0)} s until two in a row agree within {Rounds.Agreement:P0} (at most {options.Rounds.WarmupCap}), "
            + $"then {options.Rounds.Rounds} rounds x {F(options.Rounds.Seconds, 0)} s per server, {options.Rounds.Connections} connections, order rotating; wrk from its own process");
        var outcomes = new List<(PeerQuery Query, Rounds.Outcome Outcome)>();
        foreach (var query in queries)
        {
            var contenders = servers.Select(s => new Rounds.Contender(s.Name, wrk.Prepare(new Uri(s.Server.Url, "/graphql"), query.Body(s.Major)), s.Server.CpuRoots,
                s.Major is null ? async () => (await CountersAsync(s.Server.Client)).AllocatedBytes : null)).ToList();
            outcomes.Add((query, await Rounds.MeasureAsync(wrk, query.Key, contenders, options.Rounds, cancel)));
        }

        PrintSummary(outcomes, servers.Select(s => s.Name).ToList(), statementCounts);
    }

    private static void PrintSummary(List<(PeerQuery Query, Rounds.Outcome Outcome)> outcomes, List<string> servers, Dictionary<(string Query, string Server), double> statements)
    {
        var peers = servers.Skip(1).ToList();
        var loads = outcomes.SelectMany(o => o.Outcome.Runs).Select(r => r.LoadAverage).ToList();
        Console.WriteLine();
        Console.WriteLine($"load average (1 min) during the measured rounds: {F(loads.Min(), 1)}–{F(loads.Max(), 1)}, median {F(Median(loads), 1)}");
        Console.WriteLine();
        Console.WriteLine($"| query | ours req/s | {string.Join(" | ", peers.Select(p => $"{p} req/s | ours ÷ {p}: median (min–max of rounds)"))} |");
        Console.WriteLine($"| --- | ---: | {string.Join(" | ", peers.Select(_ => "---: | ---:"))} |");
        foreach (var (query, outcome) in outcomes)
            Console.WriteLine($"| {query.Key}. {query.Title} | {F(outcome.MedianRps(Ours), 0)} | {string.Join(" | ", peers.Select(p => $"{F(outcome.MedianRps(p), 0)} | **{Rounds.Range(outcome.Ratios(Ours, p))}**"))} |");

        Console.WriteLine();
        Console.WriteLine("Per-round ratios:");
        foreach (var (query, outcome) in outcomes)
            foreach (var peer in peers)
                Console.WriteLine($"  {query.Key,-9} ours ÷ {peer}: {string.Join(", ", outcome.Ratios(Ours, peer).Select(r => F(r, 2)))}");
        if (peers.Count > 1)
        {
            foreach (var (query, outcome) in outcomes)
                Console.WriteLine($"  {query.Key,-9} {peers[1]} ÷ {peers[0]}: {Rounds.Range(outcome.Ratios(peers[1], peers[0]))}");
        }

        Console.WriteLine();
        Console.WriteLine("| query | server | req/s (median of rounds) | p50 ms | p99 ms | server CPU ms / request | SQL statements / request | allocated / request |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (query, outcome) in outcomes)
        {
            foreach (var server in servers)
            {
                var runs = outcome.Of(server).ToList();
                var allocated = server == Ours ? $"{F(Median([.. runs.Select(r => r.AllocatedPerRequest)]) / 1024, 1)} KB" : "n/a (Node)";
                Console.WriteLine($"| {query.Key} | {server} | {F(outcome.MedianRps(server), 0)} | {F(Median([.. runs.Select(r => r.Load.P50Ms)]), 2)} | {F(Median([.. runs.Select(r => r.Load.P99Ms)]), 2)} | "
                    + $"{F(outcome.MedianCpu(server), 2)} | {F(statements.GetValueOrDefault((query.Key, server), double.NaN), 0)} | {allocated} |");
            }
        }

        Console.WriteLine();
        foreach (var (query, outcome) in outcomes)
            foreach (var note in outcome.WarmupNotes.Where(n => n.Contains("NOT stable", StringComparison.Ordinal)))
                Console.WriteLine($"warm-up cap hit: {query.Key}: {note}");
    }

    private static async Task<string> PostAsync(HttpClient client, string body, string what)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 600)]}");
        return text;
    }

    private static async Task<BenchmarkServer.Counters> CountersAsync(HttpClient client) =>
        JsonSerializer.Deserialize<BenchmarkServer.Counters>(await client.GetStringAsync("/_benchmark/counters"))!;

    private static async Task<int> PaperCountAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await PostAsync(client, BenchmarkServer.Body("{ papers(first: 1) { totalCount } }", null), "paper count"));
        return json.RootElement.GetProperty("data").GetProperty("papers").GetProperty("totalCount").GetInt32();
    }

    // The cursor a client reaches by walking ours 100 at a time (as `paging` does).
    private static async Task<string> OursCursorAtAsync(HttpClient client, int depth)
    {
        const string walk = "query ($after: String) { papers(first: 100, after: $after) { pageInfo { endCursor } } }";
        string? cursor = null;
        for (var seen = 0; seen < depth; seen += 100)
        {
            using var json = JsonDocument.Parse(await PostAsync(client, BenchmarkServer.Body(walk, $"{{\"after\":{JsonSerializer.Serialize(cursor)}}}"), "cursor walk"));
            cursor = json.RootElement.GetProperty("data").GetProperty("papers").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        return cursor ?? throw new InvalidOperationException("no cursor at 90 % depth");
    }

    // The same position in PostGraphile: the cursor of the depth-th paper by id.
    private static async Task<string> PeerCursorAtAsync(HttpClient client, int depth)
    {
        var query = $"{{ allPapers(orderBy: [PRIMARY_KEY_ASC], first: 1, offset: {depth - 1}) {{ pageInfo {{ endCursor }} }} }}";
        using var json = JsonDocument.Parse(await PostAsync(client, BenchmarkServer.Body(query, null), "PostGraphile cursor"));
        return json.RootElement.GetProperty("data").GetProperty("allPapers").GetProperty("pageInfo").GetProperty("endCursor").GetString()!;
    }

    // a: the first paper with an arXiv id, 10+ authors, code and datasets; c: the most prolific author whose papers
    // all have a year (ours sorts null years last descending, PostgreSQL first, and PostGraphile 4 has no NULLS LAST).
    private static async Task<(string ArxivId, (int Id, string Name) Author)> PickAsync(SqliteFile database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var paper = new SqliteCommand("""
            SELECT p."ArxivId" FROM "Papers" p WHERE p."ArxivId" IS NOT NULL
              AND (SELECT count(*) FROM "PaperAuthors" pa WHERE pa."PaperId" = p."Id") >= 10
              AND EXISTS (SELECT 1 FROM "PaperCodebases" pc WHERE pc."PaperId" = p."Id")
              AND EXISTS (SELECT 1 FROM "PaperDatasets" pd WHERE pd."PaperId" = p."Id")
            ORDER BY p."Id" LIMIT 1
            """, connection);
        await using var author = new SqliteCommand("""
            SELECT a."Id", a."Name" FROM "Authors" a
            WHERE NOT EXISTS (SELECT 1 FROM "PaperAuthors" pa JOIN "Papers" p ON p."Id" = pa."PaperId" WHERE pa."AuthorId" = a."Id" AND p."Year" IS NULL)
              AND (SELECT count(*) FROM "Authors" b WHERE b."Name" = a."Name") = 1
            ORDER BY a."PaperCount" DESC, a."Id" LIMIT 1
            """, connection);
        var arxivId = (string?)await paper.ExecuteScalarAsync() ?? throw new InvalidOperationException("no paper with an arXiv id, 10 authors, code and datasets in this corpus");
        await using var reader = await author.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("no author in this corpus");
        return (arxivId, (reader.GetInt32(0), reader.GetString(1)));
    }

    private sealed record Settings(Rounds.Settings Rounds, List<int> Peers, List<string> Queries, bool ShowSql);
}
